import Foundation

/// Plans one pool of interchangeable lots: shares it among its lines by the rule,
/// rounds to whole packs, then assigns lots.
enum PlanningPool {
    /// Units of one lot for one line.
    struct Piece {
        var demand: Int
        var supply: Int
        var quantity: Int
        var source: PlanExplanation.Source
    }

    /// What one line got from one pool, for the explanation.
    struct Outcome {
        var demand: Int
        var source: PlanExplanation.Source
        var exactShare: Double
        var fillRatio: Double?
        var awarded: Int
        var packSize: Int
        var rounding: PlanExplanation.Rounding
    }

    /// Plans `pool`: lowers `needs` and the supplies' free units by what it awards, and appends the pieces (and,
    /// when `explained`, each line's outcome).
    static func allocate(
        _ pool: PoolSpec, rule: PlanningRule, explained: Bool, needs: inout [Int],
        supplies: inout [Supply], pieces: inout [Piece], outcomes: inout [Outcome]
    ) {
        let etas = Array(Set(pool.supplies.compactMap { supplies[$0].eta })).sorted()
        let supplyClass = pool.supplies.map { index in supplies[index].eta.map { 1 + lowerBound(etas, $0) } ?? 0 }
        var byClass = Array(repeating: 0, count: etas.count + 1)
        for (position, index) in pool.supplies.enumerated() { byClass[supplyClass[position]] += supplies[index].free }
        let capacity = PrefixCapacity(supplyByClass: byClass)
        // The lines with units still to find, group by group, each group a range of `lines`. A line may take lots
        // expected no later than its needed-by time.
        var lines: [PoolLine] = []
        lines.reserveCapacity(pool.members.reduce(0) { $0 + $1.count })
        var groups: [Range<Int>] = []
        for group in pool.members {
            let start = lines.count
            for member in group {
                let need = member.mayBeServed ? needs[member.demand] : member.need
                guard need > 0 else { continue }
                lines.append(
                    PoolLine(
                        demand: member.demand, lineClass: upperBound(etas, member.neededBy), tier: member.tier,
                        asked: member.asked, need: need))
            }
            if lines.count > start { groups.append(start..<lines.count) }
        }
        guard !lines.isEmpty else { return }
        let pack = packSize(of: pool.supplies.map { supplies[$0].packSize })

        var sharing = Sharing(capacity: capacity, pack: pack, source: pool.source, rule: rule, explained: explained)
        for group in groups {
            sharing.share(group, lines: &lines, outcomes: &outcomes)
        }

        assign(
            &lines, rule: rule, pool: pool, supplyClass: supplyClass, classes: etas.count + 1, supplies: &supplies,
            pieces: &pieces)
        // A line awarded nothing kept its need.
        for line in lines where line.award > 0 { needs[line.demand] = line.need }
    }

    /// Gives the awarded units lots: most constrained lines first (lowest arrival class, then
    /// tier and tie order), earliest expiry first. Lines and lots are put in class order by
    /// counting, and the open lots are kept sorted by pick rank, the first to pick last.
    private static func assign(
        _ lines: inout [PoolLine], rule: PlanningRule, pool: PoolSpec, supplyClass: [Int], classes: Int,
        supplies: inout [Supply], pieces: inout [Piece]
    ) {
        // The awarded lines class by class, in tier then tie order within each. The default rule's lines are
        // already in tier then tie order (a demand's index is its tie rank).
        let awarded = lines.indices.filter { lines[$0].award > 0 }
        let inTierOrder =
            rule == .default
            ? awarded : awarded.sorted { (lines[$0].tier, lines[$0].demand) < (lines[$1].tier, lines[$1].demand) }
        let byClass = CountingGroups(inTierOrder, keyCount: classes) { lines[$0].lineClass }
        var lotsByClass = Array(repeating: [Int](), count: classes)
        for (position, index) in pool.supplies.enumerated() { lotsByClass[supplyClass[position]].append(index) }
        var open: [Int] = []
        for lineClass in 0..<classes {
            for lot in lotsByClass[lineClass] {
                let rank = supplies[lot].pickRank
                open.insert(lot, at: partitionPoint(open) { supplies[$0].pickRank < rank })
            }
            for line in byClass[lineClass] {
                var wanted = lines[line].award
                while wanted > 0, let lot = open.last {
                    let taken = min(wanted, supplies[lot].free)
                    if taken > 0 {
                        pieces.append(
                            Piece(demand: lines[line].demand, supply: lot, quantity: taken, source: pool.source))
                        supplies[lot].free -= taken
                        wanted -= taken
                    }
                    if supplies[lot].free == 0 { open.removeLast() }
                }
                // Unreachable while the awards keep Hall's condition; an unassigned unit stays a shortfall.
                lines[line].need += wanted
            }
        }
    }

    /// The pool's pack size: the most common among its lots, the smallest on a tie.
    private static func packSize(of sizes: [Int]) -> Int {
        var counts: [Int: Int] = [:]
        for size in sizes { counts[size, default: 0] += 1 }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 1
    }
}

/// Index of the first element not less than `value`.
func lowerBound(_ sorted: [Date], _ value: Date) -> Int {
    partitionPoint(sorted) { $0 >= value }
}

/// Index of the first element greater than `value`: the count of elements ≤ `value`.
func upperBound(_ sorted: [Date], _ value: Date) -> Int {
    partitionPoint(sorted) { $0 > value }
}
