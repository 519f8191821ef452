import DayClearCore
import Foundation

/// Where an import hands the events it builds, one at a time.
protocol EventRecorder {
    /// The ledger with every event recorded so far folded in.
    var ledger: Ledger { get }

    /// Folds `event` into `ledger` and keeps it. When it throws, nothing has changed: a
    /// `DomainError` is the ledger refusing the event, anything else a failure of the recorder.
    mutating func record(_ event: DomainEvent) throws
}

/// Folds events into a ledger in memory: checking a file without recording it, or gathering the
/// events for a session that records them elsewhere (a server).
struct LedgerRecorder: EventRecorder {
    private(set) var ledger: Ledger
    /// The time the events are folded in at.
    var time: Date
    /// Whether `events` keeps what was recorded.
    var keepsEvents: Bool
    private(set) var events: [DomainEvent] = []

    /// The planner's open lines are not kept while folding (`Ledger.deferOpenLines()`): whoever keeps
    /// the folded ledger resumes them.
    init(ledger: Ledger, time: Date, keepsEvents: Bool) {
        self.ledger = ledger
        self.ledger.deferOpenLines()
        self.time = time
        self.keepsEvents = keepsEvents
    }

    mutating func record(_ event: DomainEvent) throws {
        try ledger.apply(
            RecordedEvent(sequence: ledger.lastSequence + 1, time: time, actor: "", reason: nil, event: event))
        if keepsEvents { events.append(event) }
    }
}
