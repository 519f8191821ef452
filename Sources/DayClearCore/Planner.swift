import Foundation

/// Proposes an allocation of a day's available and expected goods across the
/// requests awaiting a decision (分配建议). Pure: the ledger and time are passed in.
///
/// Goods are planned per pool of interchangeable stock: each kind+spec's lots
/// designated to one recipient, then its open lots. Within a pool, a line may
/// take a lot only when the lot is arrived or expected no later than the line's
/// needed-by time, so the lines' choices are nested; the planner keeps every
/// prefix of them within supply (Hall's condition), which makes each tier's
/// total the most the pool can give it and every plan assignable to lots.
public struct Planner: Sendable {
    public var rule: PlanningRule
    /// From how many lines a plan runs on two threads: the open lines gathered in two halves
    /// (`PlanningInput.gatherDemands`), the own pools split by kind+spec (`OwnPoolHalves`). Below it two threads
    /// measured no faster (at 5,400 lines 2.9–5.4 ms against 3.0–5.0 ms on one). Tests set it to compare both ways;
    /// the plan is the same.
    var twoThreadsFrom = 10_000

    public init(rule: PlanningRule = .default) {
        self.rule = rule
    }

    /// The plan for `day` as the ledger stands at `now`. With `explained`, each allocation carries
    /// its `PlanExplanation`; the plan's lines, lots and quantities are the same either way.
    public func plan(ledger: Ledger, day: CivilDate, now: Date, explained: Bool = false) -> Plan {
        var input = PlanningInput(ledger: ledger, day: day, now: now, rule: rule, twoThreadsFrom: twoThreadsFrom)
        var pieces: [PlanningPool.Piece] = []
        var outcomes: [PlanningPool.Outcome] = []
        pieces.reserveCapacity(input.demands.count + input.supplies.count)
        outcomes.reserveCapacity(input.demands.count)
        // The pool of each substitute outcome and piece, for their explanations.
        var substitutePool = SubstitutePoolTrail()
        var next = 0
        if input.demands.count >= twoThreadsFrom {
            let own = input.pools.firstIndex { $0.source == .substitute } ?? input.pools.count
            OwnPoolHalves(0..<own, of: input).allocate(
                into: &input, rule: rule, explained: explained, pieces: &pieces, outcomes: &outcomes)
            next = own
        }
        for index in next..<input.pools.count {
            let pool = input.pools[index]
            let before = (pieces.count, outcomes.count)
            PlanningPool.allocate(
                pool, rule: rule, explained: explained, needs: &input.needs,
                supplies: &input.supplies, pieces: &pieces, outcomes: &outcomes)
            if explained, pool.source == .substitute {
                substitutePool.record(
                    pool: index, pieces: before.0..<pieces.count, outcomes: before.1..<outcomes.count, of: outcomes)
            }
        }
        return assemble(
            input: input, pieces: pieces, outcomes: outcomes, substitutePool: substitutePool, day: day,
            explained: explained)
    }

    /// The plan's lines in tier then tie order, each followed by its allocations in pick order.
    private func assemble(
        input: PlanningInput, pieces: [PlanningPool.Piece], outcomes: [PlanningPool.Outcome],
        substitutePool: SubstitutePoolTrail, day: CivilDate, explained: Bool
    ) -> Plan {
        let demands = input.demands
        // The lines in tier then tie order: a stable bucket pass over the demands, which are in tie order.
        var next = Array(repeating: 0, count: Tier.allCases.count + 1)
        for demand in demands { next[demand.tier.rawValue] += 1 }
        for tier in 1..<next.count { next[tier] += next[tier - 1] }
        var rank = Array(repeating: 0, count: demands.count)
        var lines = Array(repeating: PlanTable.Line(entry: 0, shortfall: 0), count: demands.count)
        for (index, demand) in demands.enumerated() {
            let position = next[demand.tier.rawValue - 1]
            next[demand.tier.rawValue - 1] += 1
            rank[index] = position
            lines[position] = PlanTable.Line(entry: demand.entry, shortfall: input.needs[index])
        }
        // Each line's pieces, in the order they were picked, placed after the pieces of the lines before it (and, for
        // the explanations, the piece behind each allocation). Each piece's line is looked up once: `rank` is large
        // and the pieces reach into it in no order.
        let pieceLine = pieces.map { rank[$0.demand] }
        var start = Array(repeating: 0, count: demands.count + 1)
        for line in pieceLine { start[line + 1] += 1 }
        for line in 1..<start.count { start[line] += start[line - 1] }
        var allocations = Array(
            repeating: PlanTable.Allocation(line: 0, lot: 0, quantity: 0, source: .general), count: pieces.count)
        var order = Array(repeating: 0, count: explained ? pieces.count : 0)
        for (index, piece) in pieces.enumerated() {
            let line = pieceLine[index]
            allocations[start[line]] = PlanTable.Allocation(
                line: line, lot: piece.supply, quantity: piece.quantity, source: piece.source)
            if explained { order[start[line]] = index }
            start[line] += 1
        }
        let explanations =
            explained
            ? explain(order, input: input, pieces: pieces, outcomes: outcomes, substitutePool: substitutePool) : nil
        return Plan(
            rule: rule, day: day,
            table: PlanTable(
                openLines: input.lines, lots: input.supplies.map(\.id), lines: lines, allocations: allocations,
                explanations: explanations))
    }

    /// The explanation of each piece, in the order given.
    private func explain(
        _ order: [Int], input: PlanningInput, pieces: [PlanningPool.Piece], outcomes: [PlanningPool.Outcome],
        substitutePool: SubstitutePoolTrail
    ) -> [PlanExplanation] {
        // Each line's outcome from its directed pool and from its open pool.
        var directed = Array(repeating: -1, count: input.demands.count)
        var general = Array(repeating: -1, count: input.demands.count)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome.source {
            case .directed: directed[outcome.demand] = index
            case .general: general[outcome.demand] = index
            case .substitute: break
            }
        }
        return order.map { position in
            let demand = pieces[position].demand
            return explanation(
                of: pieces[position], at: position, demand: demand, input: input, outcomes: outcomes,
                directed: directed[demand], general: general[demand], substitutePool: substitutePool)
        }
    }

    /// Why a piece was planned: the outcome of the pool it came from and the line's shortfall.
    private func explanation(
        of piece: PlanningPool.Piece, at position: Int, demand index: Int, input: PlanningInput,
        outcomes: [PlanningPool.Outcome], directed: Int, general: Int, substitutePool: SubstitutePoolTrail
    ) -> PlanExplanation {
        let demand = input.demands[index]
        let open = input.lines[demand.entry]
        let from: Int
        var substitution: Substitution?
        switch piece.source {
        case .directed: from = directed
        case .general: from = general
        case .substitute:
            let pool = substitutePool.pool(ofPiece: position)
            from = substitutePool.outcome(of: index, pool: pool) ?? -1
            substitution = input.substitution(for: index, pool: pool)
        }
        let outcome = from >= 0 ? outcomes[from] : nil
        var explanation = PlanExplanation(
            rule: rule, tier: demand.tier, source: piece.source, asked: open.asked,
            alreadyProposed: open.proposed, exactShare: outcome?.exactShare ?? 0,
            fillRatio: outcome?.fillRatio, awarded: outcome?.awarded ?? piece.quantity,
            packSize: outcome?.packSize ?? 1, rounding: outcome?.rounding ?? .exact, shortfall: input.needs[index])
        explanation.substitute = substitution?.item
        explanation.substituteAllowedBy = substitution?.allowedBy
        return explanation
    }
}
