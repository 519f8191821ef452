/// What a `Plan` stores: each line as its place in the ledger's open lines and its shortfall, each allocation
/// as its line's and its lot's positions, the quantity and the source. Nothing is copied out of the open lines
/// until a reader asks for a `PlannedLine` or `PlannedAllocation`.
struct PlanTable: Sendable {
    struct Line: Sendable {
        /// Where the line is in `openLines`.
        var entry: Int
        /// Units still missing once the plan is recorded.
        var shortfall: Int
    }

    struct Allocation: Sendable {
        /// Position of the allocation's line in `lines`.
        var line: Int
        /// Position of the lot in `lots`.
        var lot: Int
        var quantity: Int
        var source: PlanExplanation.Source
    }

    /// The ledger's open lines as the plan read them.
    let openLines: OpenLines.Ordered
    let lots: [LotID]
    /// In tier then tie order.
    let lines: [Line]
    /// Each line's allocations in the order they were picked, line after line.
    let allocations: [Allocation]
    /// One per allocation, when the plan was asked for explanations.
    let explanations: [PlanExplanation]?

    func request(of line: Line) -> RequestID { openLines.withLine(at: line.entry) { $0.pointee.request } }

    func number(of line: Line) -> Int { openLines.withLine(at: line.entry) { $0.pointee.number } }

    func tier(of line: Line) -> Tier { openLines.withLine(at: line.entry) { $0.pointee.tier } }
}
