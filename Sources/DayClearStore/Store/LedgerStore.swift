import DayClearCore
import Foundation

/// The ledger and the log it is folded from, kept in step.
///
/// Every command runs as validate → append → durable commit → update memory,
/// inside one exclusive transaction that first folds in what other processes
/// appended, so two processes can never together break a rule.
public final class LedgerStore {
    public internal(set) var ledger: Ledger
    public let log: EventLog
    /// The operating-system user recorded on every event.
    public let actor: String
    /// Whether changes are checked against the ledger's roster; tests may leave it off.
    public let authorising: Bool
    let clock: () -> Date
    private var lastChangeToken: Int64?
    /// Where the model is cached (see `SnapshotFile`); nil replays every event on open.
    private let snapshot: SnapshotFile?
    /// The event the loaded or last written snapshot stands at; 0 when there is none.
    public private(set) var snapshotSequence: Int64 = 0
    /// What opening had to say that is not an error (an ignored snapshot), for the terminal.
    public internal(set) var notices: [String] = []

    /// Opens a log and replays it into a ledger, starting from `snapshot` when it is intact and
    /// matches the log.
    public init(
        log: EventLog, actor: String, authorising: Bool = false, snapshot: SnapshotFile? = nil,
        clock: @escaping () -> Date = Date.init
    ) throws {
        self.log = log
        self.actor = actor
        self.authorising = authorising
        self.clock = clock
        self.snapshot = snapshot
        (ledger, snapshotSequence, notices) = try Self.load(log, snapshot: snapshot)
    }

    /// The ledger from `snapshot` (when intact and matching the log) and the events after it.
    private static func load(
        _ log: EventLog, snapshot: SnapshotFile?
    ) throws -> (ledger: Ledger, snapshotSequence: Int64, notices: [String]) {
        var start = Ledger()
        var notices: [String] = []
        if let snapshot, let sqlite = log as? SQLiteEventLog {
            switch snapshot.load(checkedAgainst: sqlite) {
            case .loaded(let saved): start = saved
            case .missing: break
            case .ignored(let reason): notices.append(reason)
            }
        }
        do {
            return (try replay(log, onto: start), start.lastSequence, notices)
        } catch  where start.lastSequence > 0 {
            // The log itself is the truth; a snapshot it does not continue is dropped.
            notices.append(
                "the snapshot at event \(start.lastSequence) does not continue into the log (\(error)); replayed every event"
            )
            return (try replay(log, onto: Ledger()), 0, notices)
        }
    }

    /// `start` with every event after it folded in, read one row at a time.
    private static func replay(_ log: EventLog, onto start: Ledger) throws -> Ledger {
        var ledger = start
        try log.forEachEvent(after: start.lastSequence) { event in
            do {
                try ledger.apply(event)
            } catch {
                throw StoreError.corrupt("event \(event.sequence) by \(event.actor) does not apply: \(error)")
            }
        }
        return ledger
    }

    /// Writes a new snapshot when `SnapshotFile.interval` events or more follow the last one.
    /// A cache: failing to write it is reported in `notices`, never as an error.
    public func saveSnapshotIfDue() {
        guard let snapshot, let sqlite = log as? SQLiteEventLog,
            ledger.lastSequence - snapshotSequence >= SnapshotFile.interval
        else { return }
        do {
            try snapshot.write(ledger, log: sqlite)
            snapshotSequence = ledger.lastSequence
        } catch {
            notices.append("the snapshot was not saved: \(error)")
        }
    }

    /// Records the events `build` derives from the up-to-date ledger, all or none.
    ///
    /// `build` must use the ledger it is given: `self.ledger` is set aside while it runs.
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
        _ = try record(as: actor, reason: reason, checked: false) { _ in events }
    }

    private func record(
        as actor: String, reason: String?, checked: Bool, _ build: (Ledger) throws -> [DomainEvent]
    ) throws -> [RecordedEvent] {
        // SQLite text read back through GRDB stops at a NUL, so such a reason would be cut on replay.
        if let reason, reason.unicodeScalars.contains("\u{0}") {
            throw DomainError.invalid(
                "the reason contains a NUL character (U+0000), which cannot be recorded; remove it")
        }
        // The ledger is taken out of `self` for the transaction so that folding events in changes it
        // in place: with a second reference every `apply` would copy the whole model first (tens of
        // milliseconds at a million events).
        var working = ledger
        ledger = Ledger()
        var recorded: [RecordedEvent] = []
        var applied = 0
        do {
            try log.append(after: working.lastSequence) { newer in
                for event in newer { try working.apply(event) }
                let events = try build(working)
                if checked { try working.roster.authorise(events, by: actor) }
                let time = clock().storePrecision
                var sequence = working.lastSequence
                recorded = try events.map { event in
                    sequence += 1
                    return RecordedEvent(
                        sequence: sequence, time: time, actor: actor, reason: reason,
                        event: try EventCodec.canonical(event))
                }
                // Each `apply` is all-or-nothing, so a refused event leaves `working` as it was. A unit of
                // several events refused part-way (another terminal decided one of an `A`'s requests
                // meanwhile) is put back to where it started instead of rebuilt from the disk; the
                // copy this keeps costs only the unit's first change.
                let unitStart = recorded.count > 1 ? working : nil
                for event in recorded {
                    do {
                        try working.apply(event)
                    } catch {
                        if let unitStart {
                            working = unitStart
                            applied = 0
                        }
                        throw error
                    }
                    applied += 1
                }
                return recorded
            }
        } catch StoreError.notSaved(let why) {
            // After a failed write or sync only the disk knows what it holds: rebuild from it
            // before taking more work, and leave retrying to the person told "not saved".
            rebuildAfterFailedWrite(keeping: working)
            throw StoreError.notSaved(why)
        } catch {
            if applied == 0 {
                // Others' events read inside the failed transaction were committed by them.
                ledger = working
            } else {
                // Some of ours were folded in but are not on disk: only the log knows what it holds.
                rebuildAfterFailedWrite(keeping: working)
            }
            throw error
        }
        // Only now is the change on disk.
        ledger = working
        return recorded
    }

    /// Rebuilds the ledger from the snapshot and the log. Should even that fail, `working` is kept:
    /// it is ahead of the log, so the next append cannot follow it and is refused, never written.
    func rebuildAfterFailedWrite(keeping working: Ledger) {
        do {
            (ledger, snapshotSequence, _) = try Self.load(log, snapshot: snapshot)
        } catch {
            ledger = working
            notices.append("the store could not be read again after a failed write (\(error)); reopen it")
        }
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
