import ArgumentParser
import CursesBackend
import DayClearApp
import DayClearStore
import Foundation

/// `dayclear tui`: the terminal UI on a data directory.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "Open the terminal UI: two lists, one approval group, cleared the same day.")

    @OptionGroup var data: DataOptions

    @Option(help: "Label language: zh or en (default: from LC_ALL/LANG).")
    var lang: String?

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError("--lang expects zh or en; got \(lang)")
        }
    }

    func run() throws {
        // Exports go beside the data, or under the user's home when the data is on a server.
        let exports =
            data.socket == nil
            ? data.directory.url : URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent("dayclear")
        try Self.open(try data.open(), exportsBeside: exports, lang: lang)
    }

    /// Opens the TUI on a data directory; shared with `demo`.
    static func open(dataPath: String, lang: String?) throws {
        let directory = DataDirectory(path: dataPath)
        try open(try directory.open(actor: currentUserName()), exportsBeside: directory.url, lang: lang)
    }

    /// Runs the TUI on an open session, writing day-end exports into `folder`/exports.
    static func open(_ store: LedgerSession, exportsBeside folder: URL, lang: String?) throws {
        let language =
            lang.flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
        let runner = TUIRunner(store: store, dataDirectory: folder, language: language)
        let terminal = try CursesTerminal()
        runner.run(on: terminal)
        // Written on leaving, not on opening: at a million events it takes seconds.
        saveSnapshotIfDue(store)
        // Ended by SIGTERM, SIGHUP or Ctrl-C: exit as the shell expects (128 + the signal).
        if let signal = terminal.terminationSignal {
            throw ExitCode(128 + signal)
        }
    }
}
