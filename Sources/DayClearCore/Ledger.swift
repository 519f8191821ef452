import Foundation

/// The in-memory model: the fold of every recorded event.
///
/// `apply` checks an event against the rules before changing anything, so a
/// refused event leaves the ledger exactly as it was. Commands use the same
/// check, which makes "what the store accepts" and "what replay rebuilds" one rule.
public struct Ledger: Equatable, Sendable {
    public internal(set) var calendar = OperationalCalendar(timeZone: .gmt)
    public internal(set) var recipients: [RecipientID: Recipient] = [:]
    /// Each recipient's number (0, 1, 2… in the order they were registered), kept in the open lines so that the
    /// planner finds a line's directed pools without hashing its recipient's id.
    var recipientNumbers: [RecipientID: Int] = [:]
    public internal(set) var lots: [LotID: Lot] = [:]
    public internal(set) var requests: [RequestID: Request] = [:]
    /// Every allocation ever proposed; `allocations[i].id == i + 1`.
    public internal(set) var allocations: [Allocation] = []
    /// The unit each kind+spec is counted in, learned from its first lot.
    public internal(set) var itemUnits: [ItemKey: String] = [:]
    /// Registered units per kind+spec. Kept so that registering a lot can refuse
    /// one that would make the item's total overflow; every per-item sum in the
    /// reports is then safe.
    var unitsByItem: [ItemKey: Int] = [:]
    /// Each kind+spec's number (0, 1, 2… in the order its first lot was registered), kept in the open lines so
    /// that the planner finds a line's pool without reading its strings.
    var itemNumbers: [ItemKey: Int] = [:]
    /// The substitutions supervisors allowed, per request, in the order they were allowed.
    public internal(set) var substitutions: [RequestID: [Substitution]] = [:]
    /// The latest shuttle runs adopted for each day.
    public internal(set) var shuttlePlans: [CivilDate: ShuttleRunsPlanned] = [:]
    /// Who may do what, from the role events.
    public internal(set) var roster = Roster()
    /// The sequence number of the last event folded in.
    public internal(set) var lastSequence: Int64 = 0
    /// This value's place in its history and the latest events; not part of the ledger's value.
    public internal(set) var history = LedgerHistory()

    var allocationIndicesByRequest: [RequestID: [Int]] = [:]
    var allocationIndicesByLot: [LotID: [Int]] = [:]
    /// Who was approved units of each lot, for `routeClass(of:)`; rebuilt from the allocations.
    var takersByLot: [LotID: LotTakers] = [:]
    /// The lines awaiting a decision, for the planner; stored in the snapshot.
    var openLines = OpenLines()
    /// While true, `apply` leaves `openLines` alone (set by `deferOpenLines()`).
    var defersOpenLines = false

    public init() {}

    // MARK: - Queries

    public func allocations(of request: RequestID) -> [Allocation] {
        (allocationIndicesByRequest[request] ?? []).map { allocations[$0] }
    }

    public func allocations(of lot: LotID) -> [Allocation] {
        (allocationIndicesByLot[lot] ?? []).map { allocations[$0] }
    }

    /// Units awaiting a decision for one line.
    public func proposedQuantity(_ request: RequestID, line: Int) -> Int {
        sum(of: request, line: line, status: .proposed) { $0.proposedQuantity }
    }

    /// Units approved for one line, dispatched or not.
    public func approvedQuantity(_ request: RequestID, line: Int) -> Int {
        allocations(of: request).filter { $0.line == line }.reduce(0) { $0 + ($1.approvedQuantity ?? 0) }
    }

    public func dispatchedQuantity(_ request: RequestID, line: Int) -> Int {
        sum(of: request, line: line, status: .dispatched) { $0.approvedQuantity ?? 0 }
    }

    /// The specs registered for a kind, for "did you mean" hints.
    public func knownSpecs(of kind: String) -> [String] {
        itemUnits.keys.filter { $0.kind == kind }.map(\.spec).sorted()
    }

    private func sum(
        of request: RequestID, line: Int, status: Allocation.Status, _ value: (Allocation) -> Int
    ) -> Int {
        var total = 0
        for index in allocationIndicesByRequest[request] ?? []
        where allocations[index].line == line && allocations[index].status == status {
            total += value(allocations[index])
        }
        return total
    }
}
