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

    public init(rule: PlanningRule = .default) {
        self.rule = rule
    }

    /// The plan for `day` as the ledger stands at `now`. With `explained`, each allocation carries
    /// its `PlanExplanation`; the plan's lines, lots and quantities are the same either way.
    public func plan(ledger: Ledger, day: CivilDate, now: Date, explained: Bool = false) -> Plan {
        var input = PlanningInput(ledger: ledger, day: day, now: now)
        var pieces: [PlanningPool.Piece] = []
        var outcomes: [PlanningPool.Outcome] = []
        pieces.reserveCapacity(input.demands.count + input.supplies.count)
        outcomes.reserveCapacity(input.demands.count)
        // The pool of each substitute outcome and piece, for their explanations.
        var substitutePool = SubstitutePoolTrail()
        for (index, pool) in input.pools.enumerated() {
            let before = (pieces.count, outcomes.count)
            PlanningPool.allocate(
                pool, rule: rule, demands: &input.demands, supplies: &input.supplies, pieces: &pieces,
                outcomes: &outcomes)
            if pool.source == .substitute {
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
        // Each line's outcome from its directed pool and from its open pool.
        var directed = Array(repeating: -1, count: demands.count)
        var general = Array(repeating: -1, count: demands.count)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome.source {
            case .directed: directed[outcome.demand] = index
            case .general: general[outcome.demand] = index
            case .substitute: break
            }
        }
        // Each line's pieces as a list threaded through `next`, in the order they were picked.
        var first = Array(repeating: -1, count: demands.count)
        var last = Array(repeating: -1, count: demands.count)
        var next = Array(repeating: -1, count: pieces.count)
        for (index, piece) in pieces.enumerated() {
            if last[piece.demand] >= 0 { next[last[piece.demand]] = index } else { first[piece.demand] = index }
            last[piece.demand] = index
        }
        var allocations: [PlannedAllocation] = []
        allocations.reserveCapacity(pieces.count)
        var lines: [PlannedLine] = []
        lines.reserveCapacity(demands.count)
        for tier in PlanningPool.byTier(Array(demands.indices), demands: demands) {
            for index in tier {
                let demand = demands[index]
                let open = input.lines[demand.entry]
                lines.append(
                    PlannedLine(
                        request: open.request, line: demand.line, item: open.item, recipient: open.recipient,
                        tier: demand.tier, asked: demand.asked, alreadyProposed: demand.alreadyProposed,
                        planned: demand.asked - demand.alreadyProposed - demand.need))
                var position = first[index]
                while position >= 0 {
                    let piece = pieces[position]
                    var allocation = PlannedAllocation(
                        request: open.request, line: demand.line, lot: input.supplies[piece.supply].id,
                        quantity: piece.quantity, source: piece.source)
                    if explained {
                        allocation.explanation = explanation(
                            of: piece, at: position, demand: index, input: input, outcomes: outcomes,
                            directed: directed[index], general: general[index], substitutePool: substitutePool)
                    }
                    allocations.append(allocation)
                    position = next[position]
                }
            }
        }
        return Plan(rule: rule, day: day, allocations: allocations, lines: lines)
    }

    /// Why a piece was planned: the outcome of the pool it came from and the line's shortfall.
    private func explanation(
        of piece: PlanningPool.Piece, at position: Int, demand index: Int, input: PlanningInput,
        outcomes: [PlanningPool.Outcome], directed: Int, general: Int, substitutePool: SubstitutePoolTrail
    ) -> PlanExplanation {
        let demand = input.demands[index]
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
            rule: rule, tier: demand.tier, source: piece.source, asked: demand.asked,
            alreadyProposed: demand.alreadyProposed, exactShare: outcome?.exactShare ?? 0,
            fillRatio: outcome?.fillRatio, awarded: outcome?.awarded ?? piece.quantity,
            packSize: outcome?.packSize ?? 1, rounding: outcome?.rounding ?? .exact, shortfall: demand.need)
        explanation.substitute = substitution?.item
        explanation.substituteAllowedBy = substitution?.allowedBy
        return explanation
    }
}
