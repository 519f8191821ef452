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
        /// Position in the pool's assignment, to keep pieces in pick order.
        var order: Int
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
        _ pool: PoolSpec, rule: PlanningRule, demands: inout [Demand], supplies: inout [Supply]
    ) -> (pieces: [Piece], outcomes: [Outcome]) {
        let etas = Array(Set(pool.supplies.compactMap { supplies[$0].eta })).sorted()
        let supplyClass = pool.supplies.map { index in supplies[index].eta.map { 1 + lowerBound(etas, $0) } ?? 0 }
        var byClass = Array(repeating: 0, count: etas.count + 1)
        for (position, index) in pool.supplies.enumerated() { byClass[supplyClass[position]] += supplies[index].free }
        let capacity = PrefixCapacity(supplyByClass: byClass)
        let lines = pool.demands.filter { demands[$0].need > 0 }
        // A line may take lots expected no later than its needed-by time.
        for index in lines {
            demands[index].poolClass = upperBound(etas, demands[index].neededBy)
            demands[index].award = 0
        }
        let pack = packSize(of: pool.supplies.map { supplies[$0].packSize })

        var outcomes: [Outcome] = []
        var sharing = Sharing(
            capacity: capacity, pack: pack, source: pool.source, rule: rule)
        for group in groups(of: lines, rule: rule, demands: demands) {
            sharing.share(group, demands: &demands, outcomes: &outcomes)
        }

        let pieces = assign(
            lines, pool: pool, supplyClass: supplyClass, demands: &demands,
            supplies: &supplies)
        return (pieces, outcomes)
    }

    /// The groups shared one after another, each in tie order.
    private static func groups(of lines: [Int], rule: PlanningRule, demands: [Demand]) -> [[Int]] {
        switch rule {
        case .default:
            let sorted = lines.sorted {
                (demands[$0].tier, demands[$0].tieRank) < (demands[$1].tier, demands[$1].tieRank)
            }
            var result: [[Int]] = []
            for index in sorted {
                if let last = result.last?.last, demands[last].tier == demands[index].tier {
                    result[result.count - 1].append(index)
                } else {
                    result.append([index])
                }
            }
            return result
        case .proRata, .equalAwards:
            return [lines.sorted { demands[$0].tieRank < demands[$1].tieRank }]
        case .strictPriority:
            let sorted = lines.sorted { lhs, rhs in
                (demands[lhs].tier, demands[lhs].neededBy, demands[lhs].submittedAt, demands[lhs].tieRank)
                    < (demands[rhs].tier, demands[rhs].neededBy, demands[rhs].submittedAt, demands[rhs].tieRank)
            }
            return [sorted]
        }
    }

    /// Gives the awarded units lots: most constrained lines first, earliest expiry first.
    private static func assign(
        _ candidates: [Int], pool: PoolSpec, supplyClass: [Int], demands: inout [Demand],
        supplies: inout [Supply]
    ) -> [Piece] {
        let awarded = candidates.filter { demands[$0].award > 0 }
        let keys = awarded.map { (demands[$0].poolClass, demands[$0].tier, demands[$0].tieRank) }
        let lines = awarded.indices.sorted { keys[$0] < keys[$1] }.map { awarded[$0] }
        let lots = zip(pool.supplies, supplyClass).sorted { $0.1 < $1.1 }
        // Open lots, the earliest expiry last so it is taken with popLast.
        var open: [Int] = []
        var nextLot = 0
        var pieces: [Piece] = []
        func pickKey(_ index: Int) -> (Date, Date, LotID) {
            (supplies[index].expiry ?? .distantFuture, supplies[index].eta ?? .distantPast, supplies[index].id)
        }
        for line in lines {
            let lineClass = demands[line].poolClass
            while nextLot < lots.count, lots[nextLot].1 <= lineClass {
                let index = lots[nextLot].0
                let key = pickKey(index)
                let position = partitionPoint(open) { pickKey($0) <= key }
                open.insert(index, at: position)
                nextLot += 1
            }
            var wanted = demands[line].award
            while wanted > 0, let lot = open.last {
                let taken = min(wanted, supplies[lot].free)
                if taken > 0 {
                    pieces.append(
                        Piece(demand: line, supply: lot, quantity: taken, source: pool.source, order: pieces.count))
                    supplies[lot].free -= taken
                    wanted -= taken
                }
                if supplies[lot].free == 0 { open.removeLast() }
            }
            // Unreachable while the awards keep Hall's condition; an unassigned unit stays a shortfall.
            demands[line].need += wanted
        }
        return pieces
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

/// The first index where `isAfter` holds, for a predicate false then true along the array.
func partitionPoint<T>(_ array: [T], _ isAfter: (T) -> Bool) -> Int {
    var low = 0
    var high = array.count
    while low < high {
        let middle = (low + high) / 2
        if isAfter(array[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
}
