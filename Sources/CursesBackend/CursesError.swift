/// Why the curses terminal could not be started.
public enum CursesError: Error, Sendable, Equatable {
    /// Standard input or output is not a terminal (redirected to a file or a pipe).
    case notATerminal
    /// ncurses could not start on this terminal, for example because `TERM` is unknown.
    case cannotStart(term: String)
}
