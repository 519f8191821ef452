import DayClearCore

/// Where events are kept: an append-only, durable, totally ordered log.
///
/// A small protocol so the storage engine can change without touching the
/// ledger logic.
public protocol EventLog: AnyObject {
    /// The events after a sequence number, in order.
    func events(after sequence: Int64) throws -> [RecordedEvent]

    /// Calls `body` with each event after a sequence number, in order, without holding them all.
    func forEachEvent(after sequence: Int64, _ body: (RecordedEvent) throws -> Void) throws

    /// Runs `body` inside one exclusive write transaction.
    ///
    /// `body` receives the events other writers appended after `sequence` and
    /// returns the events to append; they are durable when this returns. If
    /// `body` throws, nothing is written.
    func append(after sequence: Int64, _ body: ([RecordedEvent]) throws -> [RecordedEvent]) throws

    /// `append`, with `body` writing its events one at a time, each already encoded, so that a large
    /// import never holds them all. If `body` throws, nothing is written.
    func appendEach(
        after sequence: Int64, _ body: (_ newer: [RecordedEvent], _ write: (EncodedEvent) throws -> Void) throws -> Void
    ) throws

    /// A number that changes whenever another connection commits.
    func changeToken() throws -> Int64
}

/// An event as it is appended: recorded, with its type and payload as the log stores them.
public struct EncodedEvent {
    public var recorded: RecordedEvent
    public var type: String
    public var payload: String
}

extension EventLog {
    /// Gathers the events and appends them with `append`, for logs that do not stream.
    public func appendEach(
        after sequence: Int64, _ body: (_ newer: [RecordedEvent], _ write: (EncodedEvent) throws -> Void) throws -> Void
    ) throws {
        try append(after: sequence) { newer in
            var events: [RecordedEvent] = []
            try body(newer) { events.append($0.recorded) }
            return events
        }
    }

    public func forEachEvent(after sequence: Int64, _ body: (RecordedEvent) throws -> Void) throws {
        for event in try events(after: sequence) { try body(event) }
    }
}
