import Foundation

/// A request line the planner may serve.
struct Demand {
    var request: RequestID
    var line: Int
    var item: ItemKey
    var recipient: RecipientID
    var tier: Tier
    var neededBy: Date
    var submittedAt: Date
    var asked: Int
    var alreadyProposed: Int
    /// Units still to find; lowered as the planner awards them.
    var need: Int
    /// Position in the tie order: earliest needed-by, then request id, then line.
    var tieRank = 0
    /// The arrival class of the line in the pool being planned.
    var poolClass = 0
    /// Units awarded from the pool being planned.
    var award = 0
}

/// A lot the planner may draw on.
struct Supply {
    var id: LotID
    var item: ItemKey
    var packSize: Int
    var designatedRecipient: RecipientID?
    var eta: Date?
    var expiry: Date?
    /// Units still free; lowered as the planner uses them.
    var free: Int
}

/// Interchangeable lots and the lines that may draw on them.
struct PoolSpec {
    var source: PlanExplanation.Source
    var supplies: [Int]
    var demands: [Int]
}

/// The candidates of a day, read from the ledger.
struct PlanningInput {
    var demands: [Demand] = []
    var supplies: [Supply] = []

    /// Lots: the day's available and expected goods (as `DayLists` defines them)
    /// with free units, not expired at `now`. Lines: those of requests awaiting a
    /// decision, submitted before the day's end, with units still to propose.
    init(ledger: Ledger, day: CivilDate, now: Date) {
        let end = ledger.calendar.window(of: day).end
        for lot in ledger.lots.values {
            let listed: Bool
            if let at = lot.arrivedAt {
                listed = at < end && lot.onHand > 0
            } else if let eta = lot.eta {
                listed = eta < end
            } else {
                listed = false
            }
            guard listed, lot.free > 0 else { continue }
            if let expiry = lot.expiry, expiry <= now { continue }
            supplies.append(
                Supply(
                    id: lot.id, item: lot.item, packSize: max(1, lot.packSize),
                    designatedRecipient: lot.designatedRecipient, eta: lot.eta, expiry: lot.expiry, free: lot.free))
        }
        // Requests in id order, so a stable sort by needed-by breaks ties by request id, then line.
        let open = ledger.requests.indices.filter {
            let request = ledger.requests[$0].value
            return request.state.awaitsDecision && request.submittedAt < end
        }
        let byID = open.map { NaturalOrder(ledger.requests[$0].key.rawValue) }
        demands.reserveCapacity(open.count * 2)
        for position in open.indices.sorted(by: { byID[$0] < byID[$1] }) {
            let request = ledger.requests[open[position]].value
            let tier = ledger.recipients[request.recipient]?.tier ?? .community
            for line in request.lines {
                let already = request.state == .proposed ? ledger.proposedQuantity(request.id, line: line.number) : 0
                guard line.quantity > already else { continue }
                demands.append(
                    Demand(
                        request: request.id, line: line.number, item: line.item, recipient: request.recipient,
                        tier: tier, neededBy: request.neededBy, submittedAt: request.submittedAt,
                        asked: line.quantity, alreadyProposed: already, need: line.quantity - already))
            }
        }
        let neededBy = demands.map(\.neededBy)
        let order = demands.indices.sorted { (neededBy[$0], $0) < (neededBy[$1], $1) }
        for (rank, index) in order.enumerated() { demands[index].tieRank = rank }
    }

    /// The pools in planning order: every directed pool, then the open pool of each kind+spec.
    func pools() -> [PoolSpec] {
        var directed: [DirectedKey: [Int]] = [:]
        var open: [ItemKey: [Int]] = [:]
        for (index, supply) in supplies.enumerated() {
            if let owner = supply.designatedRecipient {
                directed[DirectedKey(item: supply.item, recipient: owner), default: []].append(index)
            } else {
                open[supply.item, default: []].append(index)
            }
        }
        var byItem: [ItemKey: [Int]] = [:]
        var byOwner: [DirectedKey: [Int]] = [:]
        for (index, demand) in demands.enumerated() {
            byItem[demand.item, default: []].append(index)
            let key = DirectedKey(item: demand.item, recipient: demand.recipient)
            if directed[key] != nil { byOwner[key, default: []].append(index) }
        }
        let first = directed.sorted { ($0.key.item, $0.key.recipient) < ($1.key.item, $1.key.recipient) }.compactMap {
            key, lots -> PoolSpec? in
            guard let lines = byOwner[key] else { return nil }
            return PoolSpec(source: .directed, supplies: lots, demands: lines)
        }
        let then = open.sorted { $0.key < $1.key }.compactMap { item, lots -> PoolSpec? in
            guard let lines = byItem[item] else { return nil }
            return PoolSpec(source: .general, supplies: lots, demands: lines)
        }
        return first + then
    }

    private struct DirectedKey: Hashable {
        var item: ItemKey
        var recipient: RecipientID
    }
}
