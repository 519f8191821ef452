/// Why the curses terminal could not be started.
public enum CursesError: Error, Sendable, Equatable {
    /// ncurses could not start on this terminal (unknown `TERM`, or output is not a terminal).
    case cannotStart(term: String)
}
