import DayClearCore
import Foundation

/// What the commands and the terminal UI need from the data, wherever it is:
/// a store on this machine (``LedgerStore``) or a server reached through a
/// socket (``RemoteStore``).
public protocol LedgerSession: AnyObject {
    /// The fold of every event this session has seen.
    var ledger: Ledger { get }
    /// The operating-system user changes are recorded under.
    var actor: String { get }
    /// The roles `actor` holds; every role where nothing is checked.
    var roles: Set<Role> { get }

    /// Records the events `build` derives from the up-to-date ledger, all or
    /// none, and returns them once they are durable.
    @discardableResult
    func perform(reason: String?, _ build: (Ledger) throws -> [DomainEvent]) throws -> [RecordedEvent]

    /// Folds in events recorded elsewhere; true when there were any.
    @discardableResult
    func refresh() throws -> Bool

    /// The recorded events after a sequence number, in order.
    func events(after sequence: Int64) throws -> [RecordedEvent]

    /// The chain hash of event `sequence` (docs/audit.md), or nil if there is none.
    func chainHash(of sequence: Int64) throws -> Data?

    /// Recomputes the hash chain, replays every event and checks the signed checkpoints, against
    /// `keys` when given (see ``AuditVerifier``).
    func verify(expecting published: ChainLink?, trusting keys: [Data]) throws -> AuditReport

    /// Signs the checkpoint at event `sequence` for a day-end export (or finds the one this key
    /// already signed there), durable before it returns; nil when the store signs nothing.
    func dayEndCheckpoint(at sequence: Int64) throws -> DayEndCheckpoints?
}

/// What a day-end export publishes of the checkpoints: the one signed for it and all stored.
public struct DayEndCheckpoints: Codable, Equatable, Sendable {
    public var signed: SignedCheckpoint
    /// Every stored checkpoint, in the order they were signed.
    public var stored: [SignedCheckpoint]
}

extension LedgerSession {
    /// Records one event.
    @discardableResult
    public func perform(_ event: DomainEvent, reason: String? = nil) throws -> RecordedEvent? {
        try perform(reason: reason) { _ in [event] }.first
    }
}

extension LedgerStore: LedgerSession {
    public var roles: Set<Role> { authorising ? ledger.roster.roles(of: actor) : Set(Role.allCases) }

    public func events(after sequence: Int64) throws -> [RecordedEvent] { try log.events(after: sequence) }

    public func chainHash(of sequence: Int64) throws -> Data? {
        try (log as? SQLiteEventLog)?.hash(of: sequence)
    }

    public func verify(expecting published: ChainLink?, trusting keys: [Data]) throws -> AuditReport {
        guard let log = log as? SQLiteEventLog else {
            throw StoreError.corrupt("only an SQLite store can be verified")
        }
        return try AuditVerifier.verify(log, expecting: published, trusting: keys)
    }

    public func dayEndCheckpoint(at sequence: Int64) throws -> DayEndCheckpoints? {
        guard let log = log as? SQLiteEventLog, sequence > 0,
            let signed = try log.signCheckpoint(at: sequence, kind: .dayEnd, time: clock())
        else { return nil }
        return DayEndCheckpoints(signed: signed, stored: try log.checkpoints())
    }
}
