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

    /// The plan for `day` as the ledger stands at `now`.
    public func plan(ledger: Ledger, day: CivilDate, now: Date) -> Plan {
        var input = PlanningInput(ledger: ledger, day: day, now: now)
        var pieces: [PlanningPool.Piece] = []
        var outcomes: [PlanningPool.Outcome] = []
        for pool in input.pools() {
            let result = PlanningPool.allocate(pool, rule: rule, demands: &input.demands, supplies: &input.supplies)
            pieces += result.pieces
            outcomes += result.outcomes
        }
        return assemble(input: input, pieces: pieces, outcomes: outcomes, day: day)
    }

    private func assemble(
        input: PlanningInput, pieces: [PlanningPool.Piece], outcomes: [PlanningPool.Outcome], day: CivilDate
    ) -> Plan {
        let demands = input.demands
        // Each line's outcome from its directed pool and from its open pool.
        var directed = Array(repeating: -1, count: demands.count)
        var general = Array(repeating: -1, count: demands.count)
        for (index, outcome) in outcomes.enumerated() {
            if outcome.source == .directed { directed[outcome.demand] = index } else { general[outcome.demand] = index }
        }
        let ordered = pieces.sorted { lhs, rhs in
            (demands[lhs.demand].tier, demands[lhs.demand].tieRank, lhs.order)
                < (demands[rhs.demand].tier, demands[rhs.demand].tieRank, rhs.order)
        }
        let allocations = ordered.map { piece -> PlannedAllocation in
            let demand = demands[piece.demand]
            let position = piece.source == .directed ? directed[piece.demand] : general[piece.demand]
            let outcome = position >= 0 ? outcomes[position] : nil
            let explanation = PlanExplanation(
                rule: rule, tier: demand.tier, source: piece.source, asked: demand.asked,
                alreadyProposed: demand.alreadyProposed, exactShare: outcome?.exactShare ?? 0,
                fillRatio: outcome?.fillRatio, awarded: outcome?.awarded ?? piece.quantity,
                packSize: outcome?.packSize ?? 1, rounding: outcome?.rounding ?? .exact,
                shortfall: demand.need)
            return PlannedAllocation(
                request: demand.request, line: demand.line, lot: input.supplies[piece.supply].id,
                quantity: piece.quantity, explanation: explanation)
        }
        let lines = demands.indices.sorted {
            (demands[$0].tier, demands[$0].tieRank) < (demands[$1].tier, demands[$1].tieRank)
        }.map { index in
            let demand = demands[index]
            return
                PlannedLine(
                    request: demand.request, line: demand.line, item: demand.item, recipient: demand.recipient,
                    tier: demand.tier, asked: demand.asked, alreadyProposed: demand.alreadyProposed,
                    planned: demand.asked - demand.alreadyProposed - demand.need)
        }
        return Plan(rule: rule, day: day, allocations: allocations, lines: lines)
    }
}
