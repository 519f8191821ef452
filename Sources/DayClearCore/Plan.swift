import Foundation

/// The planner's proposal for a day: allocations of lots to request lines and what is still missing.
///
/// A plan holds compact records that refer to the ledger's open lines and the day's lots (`PlanTable`);
/// each `PlannedLine` and `PlannedAllocation` is built when it is read, so a plan recorded straight away
/// (the group screen's `P`) never builds the 180,000 lines it does not show.
public struct Plan: Equatable, Sendable {
    public var rule: PlanningRule
    public var day: CivilDate
    /// One entry per lot and request line, in the order they should be recorded.
    public let allocations: Allocations
    /// Every line the planner considered, in tier then tie order, with what it got and what is missing.
    public let lines: Lines

    init(rule: PlanningRule, day: CivilDate, table: PlanTable) {
        self.rule = rule
        self.day = day
        allocations = Allocations(table: table)
        lines = Lines(table: table)
    }

    /// The lines that still miss units after the plan.
    public var shortfalls: [PlannedLine] {
        lines.table.lines.indices.filter { lines.table.lines[$0].shortfall > 0 }.map { lines[$0] }
    }

    /// The events that record the plan as the task force's proposal.
    public var events: [DomainEvent] {
        let table = allocations.table
        return table.allocations.map { allocation in
            // The request id and line number read together, with one look at the open line.
            let (request, number) = table.openLines.withLine(at: table.lines[allocation.line].entry) {
                ($0.pointee.request, $0.pointee.number)
            }
            return .allocationProposed(
                AllocationProposal(
                    request: request, line: number, lot: table.lots[allocation.lot], quantity: allocation.quantity))
        }
    }

    /// Units planned in all (saturating), summed over the plan's records without building an allocation.
    public var units: Int { allocations.table.allocations.reduce(0) { $0.saturatingAdd($1.quantity) } }

    /// Units planned, each weighted by its tier (8, 4, 2, 1 for tiers 1–4): the benchmark's objective.
    public var tierWeightedUnits: Int {
        let table = allocations.table
        return table.allocations.reduce(0) { total, allocation in
            total + allocation.quantity * table.tier(of: table.lines[allocation.line]).planningWeight
        }
    }

    /// The plan's allocations, each built when read.
    public struct Allocations: RandomAccessCollection, Equatable, Sendable {
        let table: PlanTable

        public var startIndex: Int { 0 }
        public var endIndex: Int { table.allocations.count }

        public subscript(position: Int) -> PlannedAllocation {
            let allocation = table.allocations[position]
            let line = table.lines[allocation.line]
            return PlannedAllocation(
                request: table.request(of: line), line: table.number(of: line), lot: table.lots[allocation.lot],
                quantity: allocation.quantity, source: allocation.source, explanation: table.explanations?[position])
        }

        public static func == (lhs: Allocations, rhs: Allocations) -> Bool { lhs.elementsEqual(rhs) }
    }

    /// The plan's lines, each built when read.
    public struct Lines: RandomAccessCollection, Equatable, Sendable {
        let table: PlanTable

        public var startIndex: Int { 0 }
        public var endIndex: Int { table.lines.count }

        public subscript(position: Int) -> PlannedLine {
            let record = table.lines[position]
            let open = table.openLines[record.entry]
            return PlannedLine(
                request: open.request, line: open.number, item: open.item, recipient: open.recipient, tier: open.tier,
                asked: open.asked, alreadyProposed: open.proposed,
                planned: open.asked - open.proposed - record.shortfall)
        }

        public static func == (lhs: Lines, rhs: Lines) -> Bool { lhs.elementsEqual(rhs) }
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
