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

    static func allocate(
        _ pool: PoolSpec, rule: PlanningRule, demands: inout [Demand], supplies: inout [Supply],
        pieces: inout [Piece], outcomes: inout [Outcome]
    ) {
        let etas = Array(Set(pool.supplies.compactMap { supplies[$0].eta })).sorted()
        let supplyClass = pool.supplies.map { index in supplies[index].eta.map { 1 + lowerBound(etas, $0) } ?? 0 }
        var byClass = Array(repeating: 0, count: etas.count + 1)
        for (position, index) in pool.supplies.enumerated() { byClass[supplyClass[position]] += supplies[index].free }
        let capacity = PrefixCapacity(supplyByClass: byClass)
        let lines = pool.demands.filter { demands[$0].need > 0 }
        guard !lines.isEmpty else { return }
        // A line may take lots expected no later than its needed-by time.
        for index in lines {
            demands[index].poolClass = upperBound(etas, demands[index].neededBy)
            demands[index].award = 0
        }
        let pack = packSize(of: pool.supplies.map { supplies[$0].packSize })

        var sharing = Sharing(
            capacity: capacity, pack: pack, source: pool.source, rule: rule)
        for group in groups(of: lines, rule: rule, demands: demands) {
            sharing.share(group, demands: &demands, outcomes: &outcomes)
        }

        assign(
            lines, pool: pool, supplyClass: supplyClass, classes: etas.count + 1, demands: &demands,
            supplies: &supplies, pieces: &pieces)
    }

    /// The groups shared one after another, each in tie order (`lines` are in tie order).
    private static func groups(of lines: [Int], rule: PlanningRule, demands: [Demand]) -> [[Int]] {
        switch rule {
        case .default:
            return byTier(lines, demands: demands).filter { !$0.isEmpty }
        case .proRata, .equalAwards:
            return [lines]
        case .strictPriority:
            let sorted = lines.sorted { lhs, rhs in
                (demands[lhs].tier, demands[lhs].neededBy, demands[lhs].submittedAt, lhs)
                    < (demands[rhs].tier, demands[rhs].neededBy, demands[rhs].submittedAt, rhs)
            }
            return [sorted]
        }
    }

    /// The lines split by tier, highest tier first, keeping their order within each.
    static func byTier(_ lines: [Int], demands: [Demand]) -> [[Int]] {
        var tiers = Array(repeating: [Int](), count: Tier.allCases.count)
        for line in lines { tiers[demands[line].tier.rawValue - 1].append(line) }
        return tiers
    }

    /// Gives the awarded units lots: most constrained lines first (lowest arrival class, then
    /// tier and tie order), earliest expiry first. Lines and lots are put in class order by
    /// counting, and the open lots are kept sorted by pick rank, the first to pick last.
    private static func assign(
        _ candidates: [Int], pool: PoolSpec, supplyClass: [Int], classes: Int, demands: inout [Demand],
        supplies: inout [Supply], pieces: inout [Piece]
    ) {
        var linesByClass = Array(repeating: [Int](), count: classes)
        for tier in byTier(candidates, demands: demands) {
            for line in tier where demands[line].award > 0 { linesByClass[demands[line].poolClass].append(line) }
        }
        var lotsByClass = Array(repeating: [Int](), count: classes)
        for (position, index) in pool.supplies.enumerated() { lotsByClass[supplyClass[position]].append(index) }
        var open: [Int] = []
        for lineClass in 0..<classes {
            for lot in lotsByClass[lineClass] {
                let rank = supplies[lot].pickRank
                open.insert(lot, at: partitionPoint(open) { supplies[$0].pickRank < rank })
            }
            for line in linesByClass[lineClass] {
                var wanted = demands[line].award
                while wanted > 0, let lot = open.last {
                    let taken = min(wanted, supplies[lot].free)
                    if taken > 0 {
                        pieces.append(
                            Piece(demand: line, supply: lot, quantity: taken, source: pool.source))
                        supplies[lot].free -= taken
                        wanted -= taken
                    }
                    if supplies[lot].free == 0 { open.removeLast() }
                }
                // Unreachable while the awards keep Hall's condition; an unassigned unit stays a shortfall.
                demands[line].need += wanted
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
