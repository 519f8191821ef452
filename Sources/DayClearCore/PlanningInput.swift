import Foundation

/// A request line the planner may serve.
///
/// Plain values only: the request's id, recipient and line are read from the ledger once the plan
/// is built, so moving and copying 180,000 demands retains no strings.
struct Demand {
    /// Where the request is in the ledger's `requests`.
    var request: Dictionary<RequestID, Request>.Index
    /// The line's number, and its position in the request's `lines`.
    var line: Int
    var lineOffset: Int
    var tier: Tier
    var neededBy: Date
    var submittedAt: Date
    var asked: Int
    var alreadyProposed: Int
    /// Units still to find; lowered as the planner awards them.
    var need: Int
    /// The arrival class of the line in the pool being planned.
    var poolClass = 0
    /// Units awarded from the pool being planned.
    var award = 0
}

/// A lot the planner may draw on.
struct Supply {
    var id: LotID
    var packSize: Int
    var eta: Date?
    /// Units still free; lowered as the planner uses them.
    var free: Int
    /// Position in the pick order: earliest expiry, then earliest ETA, then lot id.
    var pickRank = 0
}

/// Interchangeable lots and the lines that may draw on them.
struct PoolSpec {
    var source: PlanExplanation.Source
    var item: ItemKey
    var owner: RecipientID?
    var supplies: [Int] = []
    /// Indices into `PlanningInput.demands`, in tie order.
    var demands: [Int] = []
}

/// The candidates of a day, read from the ledger in one pass over the lots and one over the requests.
///
/// `demands` are kept in tie order (earliest needed-by, then request id in natural order, then
/// line), so a demand's index is its tie rank and every later grouping keeps that order without
/// sorting again.
struct PlanningInput {
    /// The ledger's requests, which `Demand.request` indexes.
    let requests: [RequestID: Request]
    var demands: [Demand] = []
    var supplies: [Supply] = []
    /// In planning order: every directed pool, then the open pool of each kind+spec, then the substitute pools.
    var pools: [PoolSpec] = []
    /// The substitutions allowed for each demand that has any, by demand index.
    var substitutes: [Int: [Substitution]] = [:]

    /// Lots: the day's available and expected goods (as `DayLists` defines them)
    /// with free units, not expired at `now`. Lines: those of requests awaiting a
    /// decision, submitted before the day's end, with units still to propose.
    init(ledger: Ledger, day: CivilDate, now: Date) {
        requests = ledger.requests
        let end = ledger.calendar.window(of: day).end
        var numbers = ItemNumbers()
        var lots = [(lot: Lot, item: Int)]()
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
            lots.append((lot, numbers.add(lot.item)))
        }
        let (openPool, directedPools) = makePools(lots, items: numbers.items)
        rankPicks(lots)
        gatherDemands(ledger, end: end, numbers: &numbers, openPool: openPool, directedPools: directedPools)
        addSubstitutePools(ledger)
    }

    /// The supplies and their pools, directed pools first, each kind by kind+spec then recipient.
    /// Returns each item's open pool (or -1) and, per recipient, its directed pools by item.
    private mutating func makePools(_ lots: [(lot: Lot, item: Int)], items: [ItemKey]) -> (
        [Int], [RecipientID: [(item: Int, pool: Int)]]
    ) {
        var keys: [PoolKey: [Int]] = [:]
        for (index, entry) in lots.enumerated() {
            let lot = entry.lot
            supplies.append(Supply(id: lot.id, packSize: max(1, lot.packSize), eta: lot.eta, free: lot.free))
            keys[PoolKey(item: entry.item, owner: lot.designatedRecipient), default: []].append(index)
        }
        let ordered = keys.keys.sorted { lhs, rhs in
            if (lhs.owner == nil) != (rhs.owner == nil) { return lhs.owner != nil }
            if lhs.item != rhs.item { return items[lhs.item] < items[rhs.item] }
            return (lhs.owner ?? "") < (rhs.owner ?? "")
        }
        var openPool = Array(repeating: -1, count: items.count)
        var directedPools: [RecipientID: [(item: Int, pool: Int)]] = [:]
        for key in ordered {
            if let owner = key.owner {
                directedPools[owner, default: []].append((key.item, pools.count))
            } else {
                openPool[key.item] = pools.count
            }
            pools.append(
                PoolSpec(
                    source: key.owner == nil ? .general : .directed, item: items[key.item], owner: key.owner,
                    supplies: keys[key] ?? []))
        }
        return (openPool, directedPools)
    }

    /// Ranks the supplies in pick order once, so assigning lots compares integers.
    private mutating func rankPicks(_ lots: [(lot: Lot, item: Int)]) {
        let expiry = lots.map { $0.lot.expiry ?? .distantFuture }
        let eta = lots.map { $0.lot.eta ?? .distantPast }
        let id = lots.map { NaturalOrder($0.lot.id.rawValue) }
        let order = lots.indices.sorted { lhs, rhs in
            if expiry[lhs] != expiry[rhs] { return expiry[lhs] < expiry[rhs] }
            if eta[lhs] != eta[rhs] { return eta[lhs] < eta[rhs] }
            return id[lhs] < id[rhs]
        }
        for (rank, index) in order.enumerated() { supplies[index].pickRank = rank }
    }

    /// The lines of the open requests, in tie order, each added to the pools it may draw on.
    private mutating func gatherDemands(
        _ ledger: Ledger, end: Date, numbers: inout ItemNumbers, openPool: [Int],
        directedPools: [RecipientID: [(item: Int, pool: Int)]]
    ) {
        let requests = ledger.requests
        var positions: [Dictionary<RequestID, Request>.Index] = []
        var open: [TieKey] = []
        positions.reserveCapacity(requests.count)
        open.reserveCapacity(requests.count)
        var index = requests.startIndex
        while index != requests.endIndex {
            let request = requests.values[index]
            if request.state.awaitsDecision, request.submittedAt < end {
                let id = NaturalOrder(request.id.rawValue)
                open.append(
                    TieKey(
                        neededBy: request.neededBy.timeIntervalSinceReferenceDate, first: id.first, second: id.second,
                        position: positions.count))
                positions.append(index)
            }
            requests.formIndex(after: &index)
        }
        open.sort { lhs, rhs in
            if lhs.neededBy != rhs.neededBy { return lhs.neededBy < rhs.neededBy }
            if lhs.first != rhs.first { return lhs.first < rhs.first }
            if lhs.second != rhs.second { return lhs.second < rhs.second }
            // Only identifiers sharing their first sixteen encoded bytes get here: compare them whole.
            return NaturalOrder(requests.keys[positions[lhs.position]].rawValue)
                < NaturalOrder(requests.keys[positions[rhs.position]].rawValue)
        }
        demands.reserveCapacity(open.count * 2)
        for entry in open {
            let position = positions[entry.position]
            let request = requests.values[position]
            let tier = ledger.recipients[request.recipient]?.tier ?? .community
            let directed = directedPools.isEmpty ? nil : directedPools[request.recipient]
            let proposed = request.state == .proposed ? proposedByLine(request, ledger) : [:]
            for (offset, line) in request.lines.enumerated() {
                let already = proposed[line.number] ?? 0
                guard line.quantity > already else { continue }
                let demand = demands.count
                demands.append(
                    Demand(
                        request: position, line: line.number, lineOffset: offset, tier: tier,
                        neededBy: request.neededBy, submittedAt: request.submittedAt, asked: line.quantity,
                        alreadyProposed: already, need: line.quantity - already))
                guard let item = numbers.number(of: line.item) else { continue }
                if let pool = directed?.first(where: { $0.item == item })?.pool { pools[pool].demands.append(demand) }
                if openPool[item] >= 0 { pools[openPool[item]].demands.append(demand) }
            }
        }
    }

    /// Units awaiting a decision per line of a proposed request, from one look-up of its allocations.
    private func proposedByLine(_ request: Request, _ ledger: Ledger) -> [Int: Int] {
        var units: [Int: Int] = [:]
        for index in ledger.allocationIndicesByRequest[request.id] ?? [] {
            let allocation = ledger.allocations[index]
            if allocation.status == .proposed { units[allocation.line, default: 0] += allocation.proposedQuantity }
        }
        return units
    }

    /// A request's place in the tie order in plain values, so sorting 100,000 of them moves no references.
    private struct TieKey {
        var neededBy: Double
        var first: UInt64
        var second: UInt64
        var position: Int
    }

    private struct PoolKey: Hashable {
        var item: Int
        var owner: RecipientID?
    }
}
