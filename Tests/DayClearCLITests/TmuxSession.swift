import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One detached tmux session on its own server (`tmux -L NAME`), so tests never share a server
/// or see each other's sessions. `kill()` (also run on release) stops the server and everything in it.
final class TmuxSession {
    /// The `tmux` executable on the PATH, or nil when tmux is not installed.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil }

    /// The session name, also the server's socket name.
    let name: String
    private var killed = false

    /// Starts `command` (run by `sh -c` in the pane) in a new detached `width`×`height` session.
    /// The pane stays after the command exits (`remain-on-exit`) so its last screen can be read.
    init(_ label: String, width: Int = 120, height: Int = 40, command: String) throws {
        let safe = label.filter { $0.isLetter || $0.isNumber }.prefix(24)
        name = "dc-\(safe)-\(getpid())-\(UUID().uuidString.prefix(6))"
        try tmux(
            ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command], check: true)
        // Keep the pane (and its screen) when the command ends, so a crash is visible in the capture.
        _ = try? tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { kill() }

    /// Stops the session's server; safe to call more than once.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
        // The server leaves its socket behind.
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(name)")
    }

    /// Sends keys as tmux names them (`a`, `Enter`, `Escape`, `C-c`…), each a separate key.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys, check: true)
    }

    /// Types text literally, then Enter when asked.
    func type(_ text: String, enter: Bool = false) throws {
        try tmux(["send-keys", "-t", name, "-l", "--", text], check: true)
        if enter { try send("Enter") }
    }

    /// The visible pane as text, one line per row (wide characters once, without their padding cell).
    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name], check: true).stdout
    }

    /// Resizes the session's window (and so the pane; the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"], check: true)
    }

    /// The process id of the pane's command (the `sh -c` tmux runs, which execs a lone command).
    func panePID() throws -> pid_t {
        let text = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"], check: true).stdout
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxError.failed(["display-message"], "no pane pid in \(text.debugDescription)")
        }
        return pid
    }

    /// Whether the pane's command has exited.
    func paneIsDead() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"], check: true).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Polls the pane every 20 ms until `condition` holds for its text, and returns that text;
    /// throws with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(
        _ what: String, timeout: TimeInterval = 10,
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(20_000)
        } while Date() < deadline
        throw TmuxError.timedOut(what: what, seconds: timeout, screen: screen)
    }

    /// Waits until the pane shows `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitFor("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// Runs `tmux -L NAME -f /dev/null ARGS` in a UTF-8 locale and waits for it.
    ///
    /// Spawned directly rather than through `Process`: the test runs on a thread that blocks most
    /// signals, a blocked mask is inherited by the tmux server and by every pane's program, and a
    /// TUI started with SIGHUP and SIGTERM blocked could then be neither signalled nor stopped by
    /// `kill-server`. The child gets an empty mask and default dispositions, and writes to files,
    /// not pipes, so a server forked off by the client can never hold a pipe open.
    @discardableResult
    private func tmux(_ arguments: [String], check: Bool = false) throws -> (status: Int32, stdout: String) {
        guard let executable = Self.executable else { throw TmuxError.notInstalled }
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        environment["DAYCLEAR_DATA"] = nil
        environment["TMUX"] = nil
        if environment["TERM"] == nil || environment["TERM"] == "dumb" { environment["TERM"] = "xterm-256color" }
        // -u: the panes hold UTF-8 whatever the runner's locale says.
        let argv = [executable.path, "-u", "-L", name, "-f", "/dev/null"] + arguments
        let output = try spawnAndWait(executable.path, argv, environment: environment)
        if check && output.status != 0 {
            throw TmuxError.failed(arguments, output.stderr)
        }
        return (output.status, output.stdout)
    }
}

/// Runs a program with an empty signal mask and default signal dispositions, stdin from /dev/null and
/// stdout and stderr into temporary files, and returns its exit status and output.
private func spawnAndWait(
    _ path: String, _ arguments: [String], environment: [String: String]
) throws -> (status: Int32, stdout: String, stderr: String) {
    let directory = FileManager.default.temporaryDirectory
    let outPath = directory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
    let errPath = directory.appendingPathComponent("tmux-err-\(UUID().uuidString)").path
    defer {
        unlink(outPath)
        unlink(errPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGWINCH] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for pointer in argv { free(pointer) }
        for pointer in envp { free(pointer) }
    }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exited = (status & 0x7f) == 0
    let read = { (path: String) in
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), read(outPath), read(errPath))
}

enum TmuxError: Error, CustomStringConvertible {
    case notInstalled
    case failed([String], String)
    case timedOut(what: String, seconds: TimeInterval, screen: String)

    var description: String {
        switch self {
        case .notInstalled: return "tmux is not installed (scripts/install-prerequisites.sh installs it)"
        case .failed(let arguments, let errors): return "tmux \(arguments.joined(separator: " ")) failed: \(errors)"
        case .timedOut(let what, let seconds, let screen):
            return "waited \(seconds) s for \(what); the screen was:\n\(screen)"
        }
    }
}

// MARK: - Display columns

/// The terminal display width of a character: 2 for East Asian wide and fullwidth characters
/// (CJK, fullwidth forms, Hangul, wide symbols), 0 for combining marks, else 1.
func displayWidth(_ character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    let value = scalar.value
    if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
        return 0
    }
    let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
    return wide.contains { $0.contains(value) } ? 2 : 1
}

/// The display column where `needle` starts in `line`, or nil when it does not occur.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return line[..<range.lowerBound].reduce(0) { $0 + displayWidth($1) }
}

/// The text of `line` that covers display columns `start..<end` (a wide character counts where it starts).
func displaySlice(_ line: String, from start: Int, to end: Int) -> String {
    var column = 0
    var result = ""
    for character in line {
        if column >= start && column < end { result.append(character) }
        column += displayWidth(character)
    }
    return result
}
