import DayClearCore

/// Work `update` asks the run loop to do; the only way the app causes I/O.
public enum Effect: Sendable, Equatable {
    /// Record these events as one durable unit, then show `success` in the status line.
    case record(reason: String?, events: [DomainEvent], success: String)
    /// Write the day-end CSVs of a day into the data directory's `exports/`.
    case exportDayEnd(CivilDate)
    /// Leave the TUI.
    case quit
}
