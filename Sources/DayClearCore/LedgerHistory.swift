import Synchronization

/// Which value of its history a ledger is, and the events folded in most recently, so that a reader
/// who derived rows from an earlier value of the same history can bring them up to date from those
/// few events instead of from the whole ledger (the TUI's screens when another terminal's event
/// arrives).
///
/// Not part of the ledger's value: two ledgers with the same contents are equal whatever their
/// histories (`==` is always true here), and the snapshot does not store it, so a ledger loaded
/// from one starts a history of its own.
public struct LedgerHistory: Sendable, Equatable {
    /// Unique in the process to one ledger value: every event folded in gets a new revision, so two
    /// ledgers that went separate ways from a common value never share one.
    public private(set) var revision: UInt64
    /// `events[i]` took the ledger from `revisions[i]` to `revisions[i + 1]`; `revisions.last == revision`.
    private var revisions: [UInt64]
    private var events: [DomainEvent] = []

    /// How many of the latest events are kept; a reader further behind rebuilds from the ledger.
    static let capacity = 1_024

    init() {
        revision = Self.nextRevision()
        revisions = [revision]
    }

    /// Records that `event` was folded in, giving the ledger a new revision.
    mutating func record(_ event: DomainEvent) {
        if events.count >= Self.capacity {
            let dropped = Self.capacity / 2
            events.removeFirst(dropped)
            revisions.removeFirst(dropped)
        }
        revision = Self.nextRevision()
        events.append(event)
        revisions.append(revision)
    }

    /// The events folded in after the ledger was at `revision`, oldest first: empty when it still
    /// is, nil when `revision` is not an earlier value of this history or is too far back.
    public func events(since revision: UInt64) -> ArraySlice<DomainEvent>? {
        // Revisions only grow along one history.
        let low = partitionPoint(revisions) { $0 >= revision }
        guard low < revisions.count, revisions[low] == revision else { return nil }
        return events[low...]
    }

    public static func == (lhs: LedgerHistory, rhs: LedgerHistory) -> Bool { true }

    private static let counter = Atomic<UInt64>(0)

    private static func nextRevision() -> UInt64 {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
