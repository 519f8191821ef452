import Foundation

/// A request line the planner may serve: where it is in the ledger's open lines and its tier.
///
/// Everything else about the line stays in the open lines (`OpenLines.Ordered`), read again only where it is
/// needed (explanations, substitutes); what changes while planning, the units still to find, is kept apart
/// (`PlanningInput.needs`).
struct Demand {
    /// Where the line is in the ledger's open lines.
    var entry: Int
    var tier: Tier
}

/// A line's place in a pool, with what sharing the pool reads of it, so that planning a pool reads its
/// members in sequence instead of reaching into the day's demands.
struct PoolMember {
    /// Index into `PlanningInput.demands`.
    var demand: Int
    var neededBy: Date
    var asked: Int
    /// The units the line had to find when it joined the pool.
    var need: Int
    var tier: Tier
    /// Whether a pool planned before this one may have served the line (its directed pool, or its own spec's pools
    /// for a substitute): its need is then read from `PlanningInput.needs`, a cache miss in a large array, instead
    /// of `need`.
    var mayBeServed = false
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
    /// The kind+spec's number in the ledger.
    var itemNumber: Int
    /// The number in the ledger of the recipient the lots are directed to, nil for open lots.
    var owner: Int?
    var supplies: [Int] = []
    /// The lines that may draw on the pool, in the groups that are shared one after another (`PlanningRule.groups`):
    /// one per tier, highest first, for the default rule, one for the others; in the order they are shared.
    var members: [[PoolMember]] = []
}

/// The candidates of a day: the lots, read from the ledger in one pass, and the lines, from the
/// ledger's open lines (`OpenLines`, kept up to date event by event).
///
/// `demands` are kept in tie order (earliest needed-by, then request id in natural order, then
/// line), so a demand's index is its tie rank and every later grouping keeps that order without
/// sorting again.
struct PlanningInput {
    /// The ledger's open lines in tie order, which `Demand.entry` indexes.
    let lines: OpenLines.Ordered
    var demands: [Demand] = []
    /// Units each demand still has to find, by demand index; lowered as pools award them.
    var needs: [Int] = []
    var supplies: [Supply] = []
    /// In planning order: every directed pool, then the open pool of each kind+spec, then the substitute pools.
    var pools: [PoolSpec] = []
    /// The substitutions allowed for each demand that has any, by demand index.
    var substitutes: [Int: [Substitution]] = [:]

    /// Lots: the day's available and expected goods (as `DayLists` defines them)
    /// with free units, not expired at `now`. Lines: those of requests awaiting a
    /// decision, submitted before the day's end, with units still to propose. From `twoThreadsFrom` open lines on,
    /// they are gathered on two threads.
    init(ledger: Ledger, day: CivilDate, now: Date, rule: PlanningRule, twoThreadsFrom: Int = .max) {
        lines = ledger.openLines.ordered()
        let end = ledger.calendar.window(of: day).end
        // Each kind+spec by its number in the ledger, as its first listed lot spells it.
        var items = [ItemKey?](repeating: nil, count: ledger.itemNumbers.count)
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
            // Every lot's kind+spec has a number: the ledger gives one when it registers the first lot of it.
            guard let item = ledger.itemNumbers[lot.item] else { continue }
            if items[item] == nil { items[item] = lot.item }
            lots.append((lot, item))
        }
        let poolIndex = makePools(lots, items: items, recipientNumbers: ledger.recipientNumbers)
        rankPicks(lots)
        gatherDemands(end: end, pools: poolIndex, rule: rule, twoThreadsFrom: twoThreadsFrom)
        addSubstitutePools(ledger, rule: rule)
    }

    /// The supplies and their pools, directed pools first, each kind by kind+spec then recipient, without members;
    /// `items` spells the kinds+specs of the lots.
    private mutating func makePools(
        _ lots: [(lot: Lot, item: Int)], items: [ItemKey?], recipientNumbers: [RecipientID: Int]
    ) -> PoolIndex {
        var keys: [PoolKey: [Int]] = [:]
        for (index, entry) in lots.enumerated() {
            let lot = entry.lot
            supplies.append(Supply(id: lot.id, packSize: max(1, lot.packSize), eta: lot.eta, free: lot.free))
            keys[PoolKey(item: entry.item, owner: lot.designatedRecipient), default: []].append(index)
        }
        let ordered = keys.keys.sorted { lhs, rhs in
            if (lhs.owner == nil) != (rhs.owner == nil) { return lhs.owner != nil }
            if lhs.item != rhs.item { return items[lhs.item]! < items[rhs.item]! }
            return (lhs.owner ?? "") < (rhs.owner ?? "")
        }
        var openPool = Array(repeating: -1, count: items.count)
        var directedPools = Array(repeating: [(item: Int, pool: Int)](), count: recipientNumbers.count)
        for key in ordered {
            // A lot is directed only to a registered recipient, so its owner has a number.
            let owner = key.owner.map { recipientNumbers[$0] ?? -1 }
            if let owner {
                if directedPools.indices.contains(owner) { directedPools[owner].append((key.item, pools.count)) }
            } else {
                openPool[key.item] = pools.count
            }
            pools.append(
                PoolSpec(
                    source: owner == nil ? .general : .directed, item: items[key.item]!, itemNumber: key.item,
                    owner: owner, supplies: keys[key] ?? []))
        }
        let anyDirected = pools.contains { $0.source == .directed }
        return PoolIndex(openPool: openPool, directedPools: anyDirected ? directedPools : [])
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

    private struct PoolKey: Hashable {
        var item: Int
        var owner: RecipientID?
    }
}
