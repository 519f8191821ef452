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
        // A used-up pool gives nothing (the lower tiers of a short pool): no need to share it out.
        guard !capacity.isFull else { return }
        if rule == .strictPriority {
            for line in group {
                if capacity.isFull { break }
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
        let byRemainder = group.indices.filter { shares[$0] > Double(base[$0]) + 1e-9 }
            .map { (-remainders[$0], $0) }.sorted(by: <).map(\.1)
        for position in byRemainder where remaining > 0 {
            let extra = grant(min(pack, remaining), to: group[position], demands: &demands)
            given[position] += extra
            remaining -= extra
        }
        // Whatever rounding could not place goes to the first lines with room, so the group's total is maximal.
        for position in group.indices {
            if capacity.isFull { break }
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
    ///
    /// A class's lines stay active or frozen together, so each class is summarised once
    /// (`ClassLevels`): trying a λ costs one binary search per class, not a pass over the lines,
    /// and λ itself is solved exactly between the breakpoints where lines reach their need.
    private func waterFill(_ group: [Int], weights: [Double], demands: [Demand]) -> (shares: [Double], ratios: [Double])
    {
        var shares = Array(repeating: 0.0, count: group.count)
        var ratios = Array(repeating: 0.0, count: group.count)
        var slack = capacity.slack
        let classCount = slack.count
        let needs = group.map { Double(demands[$0].need) }
        var byClass = Array(repeating: [Int](), count: classCount)
        for position in group.indices { byClass[demands[group[position]].poolClass].append(position) }
        let levels = byClass.map { ClassLevels($0, needs: needs, weights: weights) }
        // Classes below `frozen` are done.
        var frozen = byClass.firstIndex { !$0.isEmpty } ?? classCount
        while frozen < classCount {
            let active = frozen..<classCount
            func fits(_ lambda: Double) -> Bool {
                var use = 0.0
                for k in 0..<classCount {
                    if k >= frozen { use += levels[k].units(at: lambda) }
                    if use > slack[k] + 1e-7 { return false }
                }
                return true
            }
            let top = active.map { levels[$0].top }.max() ?? 0
            var lambda = top
            if !fits(top) {
                // Between two consecutive breakpoints every prefix's use is linear in λ: find the
                // last breakpoint that fits, then solve each prefix's line exactly.
                var points = Array(Set(active.flatMap { levels[$0].breaks }.filter { $0 < top })).sorted()
                points.insert(0, at: 0)
                var low = 0
                var high = points.count
                while high - low > 1 {
                    let middle = (low + high) / 2
                    if fits(points[middle]) { low = middle } else { high = middle }
                }
                let from = points[low]
                lambda = high < points.count ? points[high] : top
                var units = 0.0
                var slope = 0.0
                for k in 0..<classCount {
                    if k >= frozen {
                        let line = levels[k].line(after: from)
                        units += line.units
                        slope += line.slope
                    }
                    if slope > 0 { lambda = min(lambda, (slack[k] - units) / slope) }
                }
                lambda = max(from, lambda)
            }
            // The largest prefix left with less than a unit of room is full: its lines stop here.
            var use = 0.0
            var full = classCount - 1
            var last = -1
            for k in 0..<classCount {
                if k >= frozen { use += levels[k].units(at: lambda) }
                if slack[k] - use < 0.5 { last = k }
            }
            if last >= frozen && lambda < top { full = last }
            var taken = 0.0
            for k in 0..<classCount {
                if k >= frozen && k <= full {
                    for position in byClass[k] {
                        let share = min(needs[position], lambda * weights[position])
                        // Snap floating-point noise to the whole unit it approximates.
                        shares[position] = abs(share - share.rounded()) < 1e-6 ? share.rounded() : share
                        ratios[position] = lambda
                        taken += shares[position]
                    }
                }
                slack[k] -= taken
            }
            frozen = full + 1
        }
        return (shares, ratios)
    }
}

/// The lines of one arrival class ordered by the λ at which each reaches its need, with running
/// sums of needs and weights, so the units the class takes at a given λ cost one binary search.
private struct ClassLevels {
    /// need ÷ weight of each line, ascending: the λ at which it reaches its need.
    private(set) var breaks: [Double] = []
    /// Needs of the lines before position j (j = 0…count).
    private var needBefore: [Double] = [0]
    /// Weights of the lines from position j on (j = 0…count).
    private var weightFrom: [Double] = []

    init(_ positions: [Int], needs: [Double], weights: [Double]) {
        let ordered = positions.map { (needs[$0] / weights[$0], $0) }.sorted(by: <)
        breaks = ordered.map(\.0)
        for (_, position) in ordered { needBefore.append(needBefore[needBefore.count - 1] + needs[position]) }
        weightFrom = Array(repeating: 0, count: ordered.count + 1)
        for (offset, entry) in ordered.enumerated().reversed() {
            weightFrom[offset] = weightFrom[offset + 1] + weights[entry.1]
        }
    }

    /// The largest λ at which some line of the class still grows.
    var top: Double { breaks.last ?? 0 }

    /// Σ min(need, λ × weight) over the class's lines.
    func units(at lambda: Double) -> Double {
        let reached = line(after: lambda)
        return reached.units + lambda * reached.slope
    }

    /// The class's use as units + λ × slope, valid from `lambda` up to the next breakpoint.
    func line(after lambda: Double) -> (units: Double, slope: Double) {
        let reached = partitionPoint(breaks) { $0 > lambda }
        return (needBefore[reached], weightFrom[reached])
    }
}
