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

    /// Recomputes the hash chain and replays every event (see ``AuditVerifier``).
    func verify(expecting published: ChainLink?) throws -> AuditReport
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

    public func verify(expecting published: ChainLink?) throws -> AuditReport {
        guard let log = log as? SQLiteEventLog else {
            throw StoreError.corrupt("only an SQLite store can be verified")
        }
        return try AuditVerifier.verify(log, expecting: published)
    }
}
