import DayClearCore
import DayClearStore

/// Work `update` asks the run loop to do; the only way the app causes I/O.
public enum Effect: Sendable, Equatable {
    /// Record these events as one durable unit, then show `success` in the status line.
    case record(reason: String?, events: [DomainEvent], success: String)
    /// Write the day-end CSVs of a day into the data directory's `exports/`.
    case exportDayEnd(CivilDate)
    /// Import a CSV file of recipients, stock or requests, all rows or none; the run loop
    /// reports the outcome with `AppState.finishImport`.
    case importFile(kind: ImportKind, path: String)
    /// Leave the TUI.
    case quit

    /// Whether the effect reads or writes whole files, so the screen is drawn before it starts.
    public var takesAWhile: Bool {
        switch self {
        case .exportDayEnd, .importFile: return true
        case .record, .quit: return false
        }
    }
}
