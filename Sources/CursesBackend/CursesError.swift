/// Why the curses terminal could not be started.
public enum CursesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (redirected to a file or a pipe).
    case notATerminal
    /// ncurses could not start on this terminal, for example because `TERM` is unknown.
    case cannotStart(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the terminal UI needs a terminal, but standard input or output is redirected; "
                + "run it in a terminal, or use the commands (`dayclear --help`) from scripts"
        case .cannotStart(let term):
            return
                "the terminal UI could not start on TERM=\(term); set TERM to your terminal's type (e.g. xterm-256color)"
        }
    }
}
