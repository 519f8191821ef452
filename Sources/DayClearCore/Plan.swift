import Foundation

/// The planner's proposal for a day: allocations of lots to request lines and what is still missing.
public struct Plan: Equatable, Sendable {
    public var rule: PlanningRule
    public var day: CivilDate
    /// One entry per lot and request line, in the order they should be recorded.
    public var allocations: [PlannedAllocation]
    /// Every line the planner considered, with what it got and what is missing.
    public var lines: [PlannedLine]

    /// The lines that still miss units after the plan.
    public var shortfalls: [PlannedLine] { lines.filter { $0.shortfall > 0 } }

    /// The events that record the plan as the task force's proposal.
    public var events: [DomainEvent] {
        allocations.map {
            .allocationProposed(
                AllocationProposal(request: $0.request, line: $0.line, lot: $0.lot, quantity: $0.quantity))
        }
    }

    /// Units planned, each weighted by its tier (8, 4, 2, 1 for tiers 1–4): the benchmark's objective.
    public var tierWeightedUnits: Int {
        let tiers = Dictionary(lines.map { (LineKey(request: $0.request, line: $0.line), $0.tier) }) { a, _ in a }
        return allocations.reduce(0) { total, allocation in
            let tier = tiers[LineKey(request: allocation.request, line: allocation.line)] ?? .community
            return total + allocation.quantity * tier.planningWeight
        }
    }
}

/// Units of one lot planned for one request line.
public struct PlannedAllocation: Equatable, Sendable {
    public var request: RequestID
    public var line: Int
    public var lot: LotID
    public var quantity: Int
    /// Directed lots, open lots or an allowed substitute.
    public var source: PlanExplanation.Source
    /// Held by reference: an unexplained plan's 170,000 allocations then copy 8 bytes each, not 130.
    private var explained: ExplanationBox?

    /// Why this quantity: built only when the plan was asked for explanations (`Planner.plan(…, explained: true)`).
    public var explanation: PlanExplanation? {
        get { explained?.value }
        set { explained = newValue.map(ExplanationBox.init) }
    }

    public init(
        request: RequestID, line: Int, lot: LotID, quantity: Int, source: PlanExplanation.Source,
        explanation: PlanExplanation? = nil
    ) {
        self.request = request
        self.line = line
        self.lot = lot
        self.quantity = quantity
        self.source = source
        self.explanation = explanation
    }

    public static func == (lhs: PlannedAllocation, rhs: PlannedAllocation) -> Bool {
        lhs.request == rhs.request && lhs.line == rhs.line && lhs.lot == rhs.lot && lhs.quantity == rhs.quantity
            && lhs.source == rhs.source && lhs.explanation == rhs.explanation
    }
}

/// An explanation that never changes once made, shared by the copies of its allocation.
private final class ExplanationBox: Sendable {
    let value: PlanExplanation

    init(_ value: PlanExplanation) {
        self.value = value
    }
}

/// One request line as the planner saw it.
public struct PlannedLine: Equatable, Sendable {
    public var request: RequestID
    public var line: Int
    public var item: ItemKey
    public var recipient: RecipientID
    public var tier: Tier
    public var asked: Int
    public var alreadyProposed: Int
    /// Units this plan adds.
    public var planned: Int

    /// What is still missing once the plan is recorded.
    public var shortfall: Int { asked - alreadyProposed - planned }
}

struct LineKey: Hashable {
    var request: RequestID
    var line: Int
}

extension Tier {
    /// The weight of a unit for this tier in the benchmark objective (8, 4, 2, 1).
    public var planningWeight: Int { 1 << (Tier.allCases.count - rawValue) }
}
