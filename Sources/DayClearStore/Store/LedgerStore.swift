import DayClearCore
import Foundation

/// The ledger and the log it is folded from, kept in step.
///
/// Every command runs as validate → append → durable commit → update memory,
/// inside one exclusive transaction that first folds in what other processes
/// appended, so two processes can never together break a rule.
public final class LedgerStore {
    public private(set) var ledger: Ledger
    public let log: EventLog
    /// The operating-system user recorded on every event.
    public let actor: String
    /// Whether changes are checked against the ledger's roster; tests may leave it off.
    public let authorising: Bool
    private let clock: () -> Date
    private var lastChangeToken: Int64?

    /// Opens a log and replays it into a ledger.
    public init(log: EventLog, actor: String, authorising: Bool = false, clock: @escaping () -> Date = Date.init)
        throws
    {
        self.log = log
        self.actor = actor
        self.authorising = authorising
        self.clock = clock
        self.ledger = try Self.replay(log)
    }

    /// The ledger folded from every event in `log`.
    private static func replay(_ log: EventLog) throws -> Ledger {
        var ledger = Ledger()
        for event in try log.events(after: 0) {
            do {
                try ledger.apply(event)
            } catch {
                throw StoreError.corrupt("event \(event.sequence) by \(event.actor) does not apply: \(error)")
            }
        }
        return ledger
    }

    /// Records the events `build` derives from the up-to-date ledger, all or none.
    ///
    /// - Returns: the events as recorded, once they are durable.
    @discardableResult
    public func perform(reason: String? = nil, _ build: (Ledger) throws -> [DomainEvent]) throws -> [RecordedEvent] {
        try perform(as: actor, reason: reason, build)
    }

    /// Records events in `user`'s name, checked against `user`'s roles: a server
    /// acting for the user the kernel says is at the other end of a socket.
    @discardableResult
    public func perform(as user: String, reason: String? = nil, _ build: (Ledger) throws -> [DomainEvent]) throws
        -> [RecordedEvent]
    {
        try record(as: user, reason: reason, checked: authorising, build)
    }

    /// Records events without checking roles: the roster's own bootstrap.
    func performUnchecked(reason: String?, _ events: [DomainEvent]) throws {
        try record(as: actor, reason: reason, checked: false) { _ in events }
    }

    private func record(
        as actor: String, reason: String?, checked: Bool, _ build: (Ledger) throws -> [DomainEvent]
    ) throws -> [RecordedEvent] {
        // SQLite text read back through GRDB stops at a NUL, so such a reason would be cut on replay.
        if let reason, reason.unicodeScalars.contains("\u{0}") {
            throw DomainError.invalid(
                "the reason contains a NUL character (U+0000), which cannot be recorded; remove it")
        }
        var caughtUp = ledger
        var pending = ledger
        var recorded: [RecordedEvent] = []
        do {
            try log.append(after: ledger.lastSequence) { newer in
                // Each `apply` is all-or-nothing, so no extra copy is needed.
                for event in newer { try caughtUp.apply(event) }
                let events = try build(caughtUp)
                if checked { try caughtUp.roster.authorise(events, by: actor) }
                let time = clock().storePrecision
                var sequence = caughtUp.lastSequence
                recorded = try events.map { event in
                    sequence += 1
                    return RecordedEvent(
                        sequence: sequence, time: time, actor: actor, reason: reason,
                        event: try EventCodec.canonical(event))
                }
                pending = caughtUp
                for event in recorded { try pending.apply(event) }
                return recorded
            }
        } catch StoreError.notSaved(let why) {
            // After a failed write or sync only the disk knows what it holds: rebuild from it
            // before taking more work, and leave retrying to the person told "not saved".
            ledger = (try? Self.replay(log)) ?? caughtUp
            throw StoreError.notSaved(why)
        } catch {
            // Others' events read inside the failed transaction were committed by them.
            ledger = caughtUp
            throw error
        }
        // Only now is the change on disk.
        ledger = pending
        return recorded
    }

    /// Folds in events other processes appended; true when there were any.
    ///
    /// Reads the log only when its change token moved, so polling is cheap.
    @discardableResult
    public func refresh() throws -> Bool {
        let token = try log.changeToken()
        guard token != lastChangeToken else { return false }
        lastChangeToken = token
        let newer = try log.events(after: ledger.lastSequence)
        guard !newer.isEmpty else { return false }
        for event in newer { try ledger.apply(event) }
        return true
    }
}
