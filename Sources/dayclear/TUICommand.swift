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
        try Self.open(dataPath: data.path, lang: lang)
    }

    /// Opens the TUI on a data directory; shared with `demo`.
    static func open(dataPath: String, lang: String?) throws {
        let directory = DataDirectory(path: dataPath)
        let store = try directory.open(actor: currentUserName())
        let language =
            lang.flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
        let runner = TUIRunner(store: store, dataDirectory: directory.url, language: language)
        let terminal = try CursesTerminal()
        runner.run(on: terminal)
        // Ended by SIGTERM, SIGHUP or Ctrl-C: exit as the shell expects (128 + the signal).
        if let signal = terminal.terminationSignal {
            throw ExitCode(128 + signal)
        }
    }
}
