import Foundation

/// Shares one pool among groups of lines, one group after another, keeping
/// every prefix of arrival classes within supply.
struct Sharing {
    var capacity: PrefixCapacity
    var pack: Int
    var source: PlanExplanation.Source
    var rule: PlanningRule
    /// Whether each line's outcome is recorded, for the explanations.
    var explained: Bool

    /// Awards units to the lines of `group`, a range of `lines` in the order they are shared.
    mutating func share(
        _ group: Range<Int>, lines: inout [PoolLine], outcomes: inout [PlanningPool.Outcome]
    ) {
        // A used-up pool gives nothing (the lower tiers of a short pool): no need to share it out.
        guard !capacity.isFull else { return }
        if rule == .strictPriority {
            for line in group {
                if capacity.isFull { break }
                let given = fill(line, lines: &lines)
                guard given > 0, explained else { continue }
                outcomes.append(
                    PlanningPool.Outcome(
                        demand: lines[line].demand, source: source, exactShare: Double(given), fillRatio: nil,
                        awarded: given, packSize: pack, rounding: lines[line].need == 0 ? .fullNeed : .exact))
            }
            return
        }
        let first = group.lowerBound
        let weights = group.map { rule == .equalAwards ? 1.0 : Double(lines[$0].asked) }
        let (shares, ratios) = waterFill(group, weights: weights, lines: lines)
        // Each line is granted its share rounded down to whole packs, or its whole need when the share covers it.
        var base = Array(repeating: 0, count: group.count)
        var given = Array(repeating: 0, count: group.count)
        for position in given.indices {
            let need = lines[first + position].need
            let share = shares[position]
            let (wholePacks, overflow) = Self.units((share + 1e-6) / Double(pack)).multipliedReportingOverflow(by: pack)
            base[position] = share >= Double(need) - 1e-6 || overflow ? need : min(need, wholePacks)
            given[position] = grant(base[position], to: first + position, lines: &lines)
        }
        // Largest remainder: one more pack (or the last partial one) while the exact total lasts.
        var remaining = Self.units(shares.reduce(0, +).rounded()) - given.reduce(0, +)
        if remaining > 0 {
            for position in Self.largestRemaindersFirst(shares: shares, base: base) {
                let extra = grant(min(pack, remaining), to: first + position, lines: &lines)
                given[position] += extra
                remaining -= extra
                if remaining <= 0 { break }
            }
        }
        // Whatever rounding could not place goes to the first lines with room, so the group's total is maximal.
        for position in given.indices {
            if capacity.isFull { break }
            given[position] += fill(first + position, lines: &lines)
        }
        guard explained else { return }
        for position in given.indices where given[position] > 0 {
            let exact = shares[position]
            let rounding: PlanExplanation.Rounding
            if lines[first + position].need == 0 {
                rounding = .fullNeed
            } else if abs(Double(given[position]) - exact) < 1e-6 {
                rounding = .exact
            } else {
                rounding = Double(given[position]) > exact ? .up : .down
            }
            outcomes.append(
                PlanningPool.Outcome(
                    demand: lines[first + position].demand, source: source, exactShare: exact,
                    fillRatio: ratios[position], awarded: given[position], packSize: pack, rounding: rounding))
        }
    }

    /// The positions whose share was rounded down, by decreasing remainder (share − base, compared in millionths
    /// of a unit so that float noise cannot break a tie), ties in position order. Each pair is packed into one
    /// integer when it fits (remainders below 2³¹ millionths, that is packs under 2,147 units), the remainder's
    /// complement above the position, and the integers radix sorted.
    private static func largestRemaindersFirst(shares: [Double], base: [Int]) -> [Int] {
        var remainders: [(remainder: Int, position: Int)] = []
        var most = 0
        for position in shares.indices where shares[position] > Double(base[position]) + 1e-9 {
            let remainder = units(((shares[position] - Double(base[position])) * 1e6).rounded())
            remainders.append((remainder, position))
            most = max(most, remainder)
        }
        guard most < 1 << 31, shares.count < 1 << 32 else {
            return remainders.map { (-$0.remainder, $0.position) }.sorted(by: <).map(\.1)
        }
        let positionBits = UInt64(Int.bitWidth - shares.count.leadingZeroBitCount)
        let keys = radixSorted(remainders.map { UInt64(most - $0.remainder) << positionBits | UInt64($0.position) })
        let positionMask: UInt64 = (1 << positionBits) - 1
        return keys.map { Int($0 & positionMask) }
    }

    /// `value` (never negative here) toward zero as a whole number, held at `Int.max`: a pool of lots near
    /// `Int.max` units, or a pack as large, gives shares whose `Double` rounds to 2⁶³ or beyond, where
    /// `Int(_:)` traps.
    private static func units(_ value: Double) -> Int { value < 0x1p63 ? Int(value) : .max }

    /// Gives a line as much of its need as the pool still allows.
    private mutating func fill(_ line: Int, lines: inout [PoolLine]) -> Int {
        grant(lines[line].need, to: line, lines: &lines)
    }

    /// Gives up to `units` to a line, within its need and the room of its prefixes.
    private mutating func grant(_ units: Int, to line: Int, lines: inout [PoolLine]) -> Int {
        let lineClass = lines[line].lineClass
        // The room of the line's prefixes costs a pass over the classes: not asked when nothing is wanted.
        guard units > 0, lines[line].need > 0 else { return 0 }
        let given = min(units, lines[line].need, capacity.room(from: lineClass))
        guard given > 0 else { return 0 }
        capacity.award(given, to: lineClass)
        lines[line].need -= given
        lines[line].award += given
        return given
    }

    /// Progressive filling: raise λ for all lines, each taking min(need, λ × weight),
    /// until a prefix of arrival classes is full; freeze its lines and go on with the rest.
    ///
    /// A class's lines stay active or frozen together, so each class is summarised once
    /// (`ClassLevels`): trying a λ costs one binary search per class, not a pass over the lines,
    /// and λ itself is solved exactly between the breakpoints where lines reach their need.
    private func waterFill(_ group: Range<Int>, weights: [Double], lines: [PoolLine]) -> (
        shares: [Double], ratios: [Double]
    ) {
        var shares = Array(repeating: 0.0, count: group.count)
        var ratios = Array(repeating: 0.0, count: group.count)
        var slack = capacity.slack
        let classCount = slack.count
        let needs = group.map { Double(lines[$0].need) }
        // The group's positions class by class, ascending within each.
        let byClass = CountingGroups(needs.indices, keyCount: classCount) { lines[group.lowerBound + $0].lineClass }
        let levels = (0..<classCount).map { ClassLevels(byClass[$0], needs: needs, weights: weights) }
        // Classes below `frozen` are done.
        var frozen = (0..<classCount).first { !byClass.isEmpty($0) } ?? classCount
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
                // last breakpoint that fits (λ = 0 always does), then solve each prefix's line exactly.
                let points = Self.distinctBreaks(active.map { levels[$0].breaks }, below: top)
                let high = partitionPoint(points) { !fits($0) }
                let from = high > 0 ? points[high - 1] : 0
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

    /// The distinct values below `top` of some ascending arrays, ascending.
    private static func distinctBreaks(_ arrays: [[Double]], below top: Double) -> [Double] {
        var all: [Double] = []
        for breaks in arrays { all += breaks[..<partitionPoint(breaks) { $0 >= top }] }
        all.sort()
        var distinct: [Double] = []
        distinct.reserveCapacity(all.count)
        for value in all where value != distinct.last { distinct.append(value) }
        return distinct
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

    /// `positions` are ascending, so ties between breakpoints stay in position order.
    init(_ positions: ArraySlice<Int>, needs: [Double], weights: [Double]) {
        var order = Array(positions)
        breaks = order.map { needs[$0] / weights[$0] }
        // Often already in order (lines that kept their whole need all break at λ = 1): the sort is then skipped.
        if !breaks.indices.dropFirst().allSatisfy({ breaks[$0 - 1] <= breaks[$0] }) {
            var ordered = zip(breaks, order).map { ($0, $1) }
            ordered.sort(by: <)
            breaks = ordered.map(\.0)
            order = ordered.map(\.1)
        }
        let count = order.count
        needBefore = Array(unsafeUninitializedCapacity: count + 1) { buffer, initialized in
            buffer[0] = 0
            for offset in 0..<count { buffer[offset + 1] = buffer[offset] + needs[order[offset]] }
            initialized = count + 1
        }
        weightFrom = Array(unsafeUninitializedCapacity: count + 1) { buffer, initialized in
            buffer[count] = 0
            for offset in (0..<count).reversed() { buffer[offset] = buffer[offset + 1] + weights[order[offset]] }
            initialized = count + 1
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
