import CNcursesw
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// The real terminal, driven through ncursesw: the only `TerminalBackend` that touches a tty.
///
/// Starting it sets a UTF-8 locale (so CJK text shows), puts the terminal in cbreak, no-echo,
/// keypad mode with a 25 ms Esc delay and a hidden cursor, and registers one colour pair per
/// `StyleRole`. SIGTERM, SIGHUP and SIGINT only set a flag, which `terminationRequested`
/// reports; the run loop, reading keys with a short timeout, then calls `shutdown()`. Resizes
/// arrive as `Key.resize` (ncurses handles SIGWINCH itself). Nothing may print to standard
/// output between `init` and `shutdown()`.
public final class CursesTerminal: TerminalBackend {
    /// The ncurses screen; nil once shut down.
    private var screen: OpaquePointer?
    /// The standard screen window everything is drawn in.
    private let window: UnsafeMutablePointer<WINDOW>
    /// How each style role is drawn.
    private let palette: CursesPalette

    /// Takes over the terminal on standard input and output.
    ///
    /// - Parameter monochrome: Draw roles with bold/reverse/underline only, even on a colour
    ///   terminal. Colours are also off when the `NO_COLOR` environment variable is set.
    /// - Throws: `CursesError.notATerminal` when standard input or output is redirected, and
    ///   `CursesError.cannotStart` when ncurses cannot use the terminal (for example an unknown
    ///   `TERM`); either way the terminal is left as it was.
    public init(monochrome: Bool = false) throws {
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
            throw CursesError.notATerminal
        }
        Self.selectUTF8Locale()
        // Installed before newterm, so ncurses leaves SIGINT and SIGTERM to us.
        TerminationSignals.install()
        guard let screen = dc_newterm(), let window = dc_stdscr() else {
            TerminationSignals.restore()
            throw CursesError.cannotStart(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        self.window = window
        cbreak()
        noecho()
        nonl()
        Self.disableFlowControl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        palette = CursesPalette(useColor: !monochrome && getenv("NO_COLOR") == nil)
    }

    deinit {
        shutdown()
    }

    /// Turns XON/XOFF off so that Ctrl-S and Ctrl-Q arrive as keys: with flow control on, Ctrl-S
    /// stops all output and the next frame blocks until Ctrl-Q. `endwin()` restores the setting.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else {
            return
        }
        modes.c_iflag &= ~tcflag_t(IXON)
        if tcsetattr(STDIN_FILENO, TCSANOW, &modes) == 0 {
            def_prog_mode()
        }
    }

    // MARK: - TerminalBackend

    /// The terminal's size, updated by ncurses when a resize arrives.
    public var size: (width: Int, height: Int) {
        guard screen != nil else {
            return (0, 0)
        }
        return (Int(dc_max_x(window)), Int(dc_max_y(window)))
    }

    /// Whether SIGTERM, SIGHUP or SIGINT has arrived since start-up.
    public var terminationRequested: Bool {
        TerminationSignals.received != nil
    }

    /// Whether roles are drawn in colour; false on monochrome terminals, with `NO_COLOR` or when
    /// asked for monochrome, where roles get bold, reverse, dim or underline instead.
    public var usesColor: Bool {
        palette.usesColor
    }

    /// The number of the termination signal that arrived, or nil for none; useful for an exit status.
    public var terminationSignal: Int32? {
        TerminationSignals.received
    }

    /// Shows a frame: erases the screen, writes every non-blank cell with its role's colours and
    /// attributes (a wide glyph as one string, its continuation cell skipped), then refreshes.
    ///
    /// Cells outside the terminal's current size are left out.
    public func draw(_ buffer: CellBuffer) {
        guard screen != nil else {
            return
        }
        let (columns, rows) = size
        let plain = Style()
        werase(window)
        for y in 0..<min(buffer.height, rows) {
            for x in 0..<min(buffer.width, columns) {
                let cell = buffer[x, y]
                if cell.isContinuation || x + cell.width > columns || (cell.grapheme == " " && cell.style == plain) {
                    continue
                }
                let (attributes, pair) = palette.attributes(for: cell.style)
                wattr_set(window, attributes, pair, nil)
                var wide = cell.grapheme.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                let count = Int32(wide.count)
                wide.append(0)
                mvwaddnwstr(window, Int32(y), Int32(x), &wide, count)
            }
        }
        wattr_set(window, dc_attr_normal(), 0, nil)
        wrefresh(window)
    }

    /// Waits up to `timeoutMilliseconds` (0 for no wait) for a key.
    ///
    /// Returns nil on timeout, when a signal interrupts the wait, for a key with no `Key` name,
    /// and after `shutdown()`.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard screen != nil else {
            return nil
        }
        wtimeout(window, Int32(clamping: max(0, timeoutMilliseconds)))
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case dc_key_code_yes():
            return CursesKeyMap.functionKey(Int32(bitPattern: code))
        case OK:
            return CursesKeyMap.character(code)
        default:
            return nil
        }
    }

    /// Gives the terminal back: shows the cursor, calls `endwin()` once, frees the screen and
    /// puts back the signal handlers that were there before. Later calls do nothing.
    public func shutdown() {
        guard let screen else {
            return
        }
        self.screen = nil
        curs_set(1)
        endwin()
        delscreen(screen)
        TerminationSignals.restore()
    }

    // MARK: - Locale

    /// Sets the locale from the environment, falling back to `C.UTF-8` when that is not UTF-8,
    /// so that ncursesw writes CJK characters instead of blanks.
    private static func selectUTF8Locale() {
        setlocale(LC_ALL, "")
        if dc_codeset_is_utf8() == 0 {
            setlocale(LC_ALL, "C.UTF-8")
        }
    }
}
