import Foundation

/// Shares one pool among groups of lines, one group after another, keeping
/// every prefix of arrival classes within supply.
struct Sharing {
    var capacity: PrefixCapacity
    var pack: Int
    var source: PlanExplanation.Source
    var rule: PlanningRule

    /// Awards units to the lines of `group` (given in tie order).
    mutating func share(
        _ group: [Int], demands: inout [Demand], outcomes: inout [PlanningPool.Outcome]
    ) {
        if rule == .strictPriority {
            for line in group {
                let given = fill(line, demands: &demands)
                guard given > 0 else { continue }
                outcomes.append(
                    PlanningPool.Outcome(
                        demand: line, source: source, exactShare: Double(given), fillRatio: nil, awarded: given,
                        packSize: pack, rounding: demands[line].need == 0 ? .fullNeed : .exact))
            }
            return
        }
        let weights = group.map { rule == .equalAwards ? 1.0 : Double(demands[$0].asked) }
        let (shares, ratios) = waterFill(group, weights: weights, demands: demands)
        let base = zip(group, shares).map { line, share -> Int in
            let need = demands[line].need
            if share >= Double(need) - 1e-6 { return need }
            return min(need, Int((share + 1e-6) / Double(pack)) * pack)
        }
        var given = Array(repeating: 0, count: group.count)
        for position in group.indices {
            given[position] = grant(base[position], to: group[position], demands: &demands)
        }
        // Largest remainder: one more pack (or the last partial one) while the exact total lasts.
        var remaining = Int(shares.reduce(0, +).rounded()) - given.reduce(0, +)
        // Remainders compared in millionths of a unit, so float noise cannot break a tie.
        let remainders = group.indices.map { Int(((shares[$0] - Double(base[$0])) * 1e6).rounded()) }
        let byRemainder = group.indices.sorted { lhs, rhs in
            remainders[lhs] != remainders[rhs] ? remainders[lhs] > remainders[rhs] : lhs < rhs
        }
        for position in byRemainder where remaining > 0 && shares[position] > Double(base[position]) + 1e-9 {
            let extra = grant(min(pack, remaining), to: group[position], demands: &demands)
            given[position] += extra
            remaining -= extra
        }
        // Whatever rounding could not place goes to the first lines with room, so the group's total is maximal.
        for position in group.indices {
            given[position] += fill(group[position], demands: &demands)
        }
        for position in group.indices where given[position] > 0 {
            let exact = shares[position]
            let rounding: PlanExplanation.Rounding
            if demands[group[position]].need == 0 {
                rounding = .fullNeed
            } else if abs(Double(given[position]) - exact) < 1e-6 {
                rounding = .exact
            } else {
                rounding = Double(given[position]) > exact ? .up : .down
            }
            outcomes.append(
                PlanningPool.Outcome(
                    demand: group[position], source: source, exactShare: exact, fillRatio: ratios[position],
                    awarded: given[position], packSize: pack, rounding: rounding))
        }
    }

    /// Gives a line as much of its need as the pool still allows.
    private mutating func fill(_ line: Int, demands: inout [Demand]) -> Int {
        grant(demands[line].need, to: line, demands: &demands)
    }

    /// Gives up to `units` to a line, within its need and the room of its prefixes.
    private mutating func grant(_ units: Int, to line: Int, demands: inout [Demand])
        -> Int
    {
        let lineClass = demands[line].poolClass
        let given = min(units, demands[line].need, capacity.room(from: lineClass))
        guard given > 0 else { return 0 }
        capacity.award(given, to: lineClass)
        demands[line].need -= given
        demands[line].award += given
        return given
    }

    /// Progressive filling: raise λ for all lines, each taking min(need, λ × weight),
    /// until a prefix of arrival classes is full; freeze its lines and go on with the rest.
    private func waterFill(_ group: [Int], weights: [Double], demands: [Demand]) -> (shares: [Double], ratios: [Double])
    {
        var shares = Array(repeating: 0.0, count: group.count)
        var ratios = Array(repeating: 0.0, count: group.count)
        var slack = capacity.slack
        let needs = group.map { Double(demands[$0].need) }
        let classes = group.map { demands[$0].poolClass }
        var active = Array(group.indices)
        while !active.isEmpty {
            func prefixUse(_ lambda: Double) -> [Double] {
                var use = Array(repeating: 0.0, count: slack.count)
                for position in active { use[classes[position]] += min(needs[position], lambda * weights[position]) }
                for k in use.indices.dropFirst() { use[k] += use[k - 1] }
                return use
            }
            func fits(_ lambda: Double) -> Bool {
                zip(prefixUse(lambda), slack).allSatisfy { $0 <= $1 + 1e-7 }
            }
            let top = active.map { needs[$0] / weights[$0] }.max() ?? 0
            var lambda = top
            if !fits(top) {
                var low = 0.0
                var high = top
                for _ in 0..<64 where high - low > 1e-12 * max(1, high) {
                    let middle = (low + high) / 2
                    if fits(middle) { low = middle } else { high = middle }
                }
                lambda = low
            }
            let use = prefixUse(lambda)
            // The largest prefix left with less than a unit of room is full: its lines stop here.
            let full = use.indices.last { slack[$0] - use[$0] < 0.5 } ?? (slack.count - 1)
            var still: [Int] = []
            for position in active {
                guard classes[position] <= full || lambda >= top else {
                    still.append(position)
                    continue
                }
                let share = min(needs[position], lambda * weights[position])
                // Snap bisection noise to the whole unit it approximates.
                shares[position] = abs(share - share.rounded()) < 1e-6 ? share.rounded() : share
                ratios[position] = lambda
                for k in classes[position]..<slack.count { slack[k] -= shares[position] }
            }
            active = still
        }
        return (shares, ratios)
    }
}
