/// The small interface between the app and a terminal: a size, a frame to show and keys to read.
///
/// The app renders each frame into a `CellBuffer` and never touches the terminal itself.
/// `CursesBackend.CursesTerminal` is the real implementation; `MemoryBackend` is the test double.
public protocol TerminalBackend: AnyObject {
    /// The terminal's current size in columns and rows.
    var size: (width: Int, height: Int) { get }

    /// Whether a termination signal (SIGTERM, SIGHUP, SIGINT) has arrived.
    ///
    /// The run loop checks this between keys and then calls `shutdown()`.
    var terminationRequested: Bool { get }

    /// Shows a frame, replacing whatever was shown before.
    func draw(_ buffer: CellBuffer)

    /// Waits up to `timeoutMilliseconds` for a key; returns nil when none came in that time.
    func readKey(timeoutMilliseconds: Int) -> Key?

    /// Gives the terminal back to the shell; later calls do nothing.
    func shutdown()
}
