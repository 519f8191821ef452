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
        var outcomeByKey: [OutcomeKey: PlanningPool.Outcome] = [:]
        for outcome in outcomes {
            outcomeByKey[OutcomeKey(demand: outcome.demand, source: outcome.source)] = outcome
        }
        let ordered = pieces.sorted { lhs, rhs in
            let left = demands[lhs.demand]
            let right = demands[rhs.demand]
            return (left.tier, left.tieRank, lhs.order) < (right.tier, right.tieRank, rhs.order)
        }
        let allocations = ordered.map { piece -> PlannedAllocation in
            let demand = demands[piece.demand]
            let outcome = outcomeByKey[OutcomeKey(demand: piece.demand, source: piece.source)]
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
        let lines = demands.sorted { ($0.tier, $0.tieRank) < ($1.tier, $1.tieRank) }.map { demand in
            PlannedLine(
                request: demand.request, line: demand.line, item: demand.item, recipient: demand.recipient,
                tier: demand.tier, asked: demand.asked, alreadyProposed: demand.alreadyProposed,
                planned: demand.asked - demand.alreadyProposed - demand.need)
        }
        return Plan(rule: rule, day: day, allocations: allocations, lines: lines)
    }

    private struct OutcomeKey: Hashable {
        var demand: Int
        var source: PlanExplanation.Source
    }
}
