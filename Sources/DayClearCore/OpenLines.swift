import Foundation

/// The lines of the requests awaiting a decision (submitted or proposed), each with the units
/// already proposed for it: the planner's candidates, kept in the planner's tie order.
///
/// `Ledger.apply` keeps them up to date event by event (submission, resubmission, proposal,
/// approval, return, rejection, cancellation), so a plan reads them in order from one array instead
/// of walking, sorting and looking up every request and its allocations. Newly opened lines wait in
/// `recent` and are merged into the sorted `settled` array once they are an eighth of it; a closed
/// line stays in `settled`, marked, until the next merge. So an event costs a hash or a binary search,
/// merges cost O(1) per line amortised, and a plan sorts only the recent lines.
///
/// Two values are equal when they hold the same open lines, however they are split between
/// `settled` and `recent`. A snapshot stores them (`OpenLines+Snapshot.swift`); `Ledger.walkOpenLines()`
/// rebuilds them from scratch, which is what the tests compare them with.
struct OpenLines: Equatable, Sendable {
    /// The tie order: earliest needed-by, then request id in natural order, then line.
    struct Order: Comparable, Sendable {
        var neededBy: Date
        /// The request id's `NaturalOrder` lead, compared before the id itself.
        var idLead: NaturalOrder.Lead
        var request: RequestID
        var line: Int

        init(request: Request, line: Int) {
            neededBy = request.neededBy
            idLead = NaturalOrder(request.id.rawValue).lead
            self.request = request.id
            self.line = line
        }

        static func < (lhs: Order, rhs: Order) -> Bool {
            if lhs.neededBy != rhs.neededBy { return lhs.neededBy < rhs.neededBy }
            if lhs.idLead != rhs.idLead { return lhs.idLead < rhs.idLead }
            // Only identifiers sharing their first sixteen encoded bytes get here: compare them whole.
            if lhs.request != rhs.request {
                return NaturalOrder(lhs.request.rawValue) < NaturalOrder(rhs.request.rawValue)
            }
            return lhs.line < rhs.line
        }
    }

    /// One line of a request awaiting a decision.
    struct Line: Equatable, Sendable {
        var order: Order
        var recipient: RecipientID
        /// The recipient's number in the ledger (`Ledger.recipientNumbers`), so that the planner finds the line's
        /// directed pools without hashing the recipient's id.
        var recipientNumber: Int
        var item: ItemKey
        /// The kind+spec's number in the ledger (`Ledger.itemNumbers`), so that the planner finds the line's pool
        /// without reading the kind+spec's strings (a cache miss per line, as they lie all over the heap).
        var itemNumber: Int
        /// The recipient's tier (a recipient's tier never changes once registered).
        var tier: Tier
        var submittedAt: Date
        var asked: Int
        /// Units in allocations of this line still awaiting the decision.
        var proposed: Int
        /// Closed since the last merge: left out of every reading.
        var isClosed = false

        var request: RequestID { order.request }
        var number: Int { order.line }
        var neededBy: Date { order.neededBy }
    }

    /// Lines in tie order, some of them closed.
    private(set) var settled: [Line] = []
    /// Lines opened since the last merge.
    private var recent: [LineKey: Line] = [:]
    private var closedCount = 0

    init() {}

    /// The lines given, in any order, all settled.
    init(lines: [Line]) {
        settled = Self.inTieOrder(lines)
    }

    /// Adds every line of a request that now awaits a decision, nothing proposed yet. Every line's kind+spec is
    /// in `itemNumbers`, as the ledger accepts no request line of a kind+spec without lots.
    mutating func open(_ request: Request, tier: Tier, recipientNumber: Int, itemNumbers: [ItemKey: Int]) {
        for line in request.lines {
            recent[LineKey(request: request.id, line: line.number)] = Line(
                order: Order(request: request, line: line.number), recipient: request.recipient,
                recipientNumber: recipientNumber, item: line.item, itemNumber: itemNumbers[line.item] ?? -1, tier: tier,
                submittedAt: request.submittedAt, asked: line.quantity, proposed: 0)
        }
        if recent.count > max(1_024, settled.count / 8) { settle() }
    }

    /// Counts units newly proposed for a line of `request` (whose needed-by is the one it was opened with).
    mutating func propose(_ units: Int, request: Request, line: Int) {
        let key = LineKey(request: request.id, line: line)
        if recent[key] != nil {
            recent[key]?.proposed += units
        } else if let index = settledIndex(Order(request: request, line: line)) {
            settled[index].proposed += units
        }
    }

    /// Drops a request's lines: it was decided, returned, rejected or cancelled.
    mutating func close(_ request: Request) {
        for line in request.lines {
            if recent.removeValue(forKey: LineKey(request: request.id, line: line.number)) != nil { continue }
            if let index = settledIndex(Order(request: request, line: line.number)) {
                settled[index].isClosed = true
                closedCount += 1
            }
        }
        if closedCount > max(1_024, settled.count / 2) { settle() }
    }

    /// The largest kind+spec number of a line (closed ones included), or -1 when there are none.
    var largestItemNumber: Int {
        max(settled.reduce(-1) { max($0, $1.itemNumber) }, recent.values.reduce(-1) { max($0, $1.itemNumber) })
    }

    /// The open lines in tie order: the settled ones (closed ones included, marked) and the recent ones sorted.
    func ordered() -> Ordered {
        Ordered(settled: settled, recent: Self.inTieOrder(Array(recent.values)))
    }

    /// `lines` sorted in tie order (an import rebuilds a million at once; a plan sorts the recent ones).
    ///
    /// Sorting plain keys (needed-by, the id's lead, position) moves 32 bytes where sorting the lines would move a
    /// whole line at every step, and compares them in place where sorting bare positions would look up two lines
    /// at random; only keys equal in both look at the whole order.
    private static func inTieOrder(_ lines: [Line]) -> [Line] {
        let keys = lines.indices.map {
            (neededBy: lines[$0].order.neededBy, lead: lines[$0].order.idLead, position: $0)
        }
        let order = keys.sorted { lhs, rhs in
            if lhs.neededBy != rhs.neededBy { return lhs.neededBy < rhs.neededBy }
            if lhs.lead != rhs.lead { return lhs.lead < rhs.lead }
            return lines[lhs.position].order < lines[rhs.position].order
        }
        return order.map { lines[$0.position] }
    }

    /// The open lines in tie order, as two sorted arrays a reader merges.
    struct Ordered {
        let settled: [Line]
        let recent: [Line]

        /// The line at `entry`: a position in `settled`, or past it, in `recent`.
        subscript(entry: Int) -> Line {
            entry < settled.count ? settled[entry] : recent[entry - settled.count]
        }

        /// `body` applied to the line at `entry` where it is stored, so that reading a field or two does not copy
        /// (and retain the strings of) the whole line.
        func withLine<Value>(at entry: Int, _ body: (UnsafePointer<Line>) -> Value) -> Value {
            if entry < settled.count { return settled.withUnsafeBufferPointer { body($0.baseAddress! + entry) } }
            return recent.withUnsafeBufferPointer { body($0.baseAddress! + (entry - settled.count)) }
        }

        /// Calls `body` with the entry and line of every open line, in tie order.
        func forEach(_ body: (Int, Line) -> Void) {
            forEachInPlace { entry, line in body(entry, line.pointee) }
        }

        /// A stretch of the open lines in tie order: the settled and the recent lines it holds.
        struct Part: Sendable {
            var settled: Range<Int>
            var recent: Range<Int>
        }

        /// All the lines.
        var whole: Part { Part(settled: settled.indices, recent: recent.indices) }

        /// The lines split in two stretches, one after the other in tie order, with about as many open settled lines
        /// each: the lines before the middle open settled line in tie order, and the rest. (Recent lines are at most
        /// an eighth of the settled ones once there are many.) Up to half the settled lines may be closed, and the
        /// earliest needed are the likeliest to be decided, so the middle is found among the open lines of a sample
        /// of a thousand or so, not by position.
        var halves: (Part, Part) {
            let step = max(1, settled.count / 1_024)
            let sampled = stride(from: 0, to: settled.count, by: step).filter { !settled[$0].isClosed }
            let split = sampled.isEmpty ? settled.count / 2 : sampled[sampled.count / 2]
            let recentSplit =
                split < settled.count ? partitionPoint(recent) { !($0.order < settled[split].order) } : recent.count
            return (
                Part(settled: 0..<split, recent: 0..<recentSplit),
                Part(settled: split..<settled.count, recent: recentSplit..<recent.count)
            )
        }

        /// Calls `body` with the entry of every open line of `part` (all of them by default), in tie order, and the
        /// line where it is stored, so that a reader of a few fields does not copy (and retain the strings of)
        /// every line.
        func forEachInPlace(in part: Part? = nil, _ body: (Int, UnsafePointer<Line>) -> Void) {
            let part = part ?? whole
            settled.withUnsafeBufferPointer { settled in
                recent.withUnsafeBufferPointer { recent in
                    var s = part.settled.lowerBound
                    var r = part.recent.lowerBound
                    let (settledEnd, recentEnd) = (part.settled.upperBound, part.recent.upperBound)
                    while s < settledEnd || r < recentEnd {
                        if s < settledEnd, settled[s].isClosed {
                            s += 1
                        } else if r == recentEnd || (s < settledEnd && settled[s].order < recent[r].order) {
                            body(s, settled.baseAddress! + s)
                            s += 1
                        } else {
                            body(settled.count + r, recent.baseAddress! + r)
                            r += 1
                        }
                    }
                }
            }
        }

        /// Every open line in tie order.
        var all: [Line] {
            var lines: [Line] = []
            lines.reserveCapacity(settled.count + recent.count)
            forEach { _, line in lines.append(line) }
            return lines
        }
    }

    /// The same open lines. Immediate when both share their storage (a ledger compared with itself or an
    /// unchanged copy, as the TUI's memo does); `Ledger ==` compares `lastSequence` before, so two ledgers
    /// that differ by an event never get here.
    static func == (lhs: OpenLines, rhs: OpenLines) -> Bool {
        if lhs.settled == rhs.settled, lhs.recent == rhs.recent { return true }
        return lhs.ordered().all == rhs.ordered().all
    }

    /// Merges the recent lines into the settled ones and drops the closed ones.
    private mutating func settle() {
        settled = ordered().all
        recent = [:]
        closedCount = 0
    }

    /// Where the open line with this order is among the settled lines.
    private func settledIndex(_ order: Order) -> Int? {
        var index = partitionPoint(settled) { !($0.order < order) }
        while index < settled.count, !(order < settled[index].order) {
            if !settled[index].isClosed { return index }
            index += 1
        }
        return nil
    }
}

extension Ledger {
    /// The open lines computed from scratch: every line of each request awaiting a decision, with the
    /// units of its allocations still proposed.
    func walkOpenLines() -> OpenLines {
        // Counted first: growing the array step by step copied a million lines over and over.
        var lines: [OpenLines.Line] = []
        lines.reserveCapacity(requests.values.reduce(0) { $0 + ($1.state.awaitsDecision ? $1.lines.count : 0) })
        var numbers = ItemNumbers(itemNumbers)
        for request in requests.values where request.state.awaitsDecision {
            var proposed: [Int: Int] = [:]
            for allocation in allocations(of: request.id) where allocation.status == .proposed {
                proposed[allocation.line, default: 0] += allocation.proposedQuantity
            }
            let tier = recipients[request.recipient]?.tier ?? .community
            let recipientNumber = recipientNumbers[request.recipient] ?? -1
            for line in request.lines {
                lines.append(
                    OpenLines.Line(
                        order: OpenLines.Order(request: request, line: line.number), recipient: request.recipient,
                        recipientNumber: recipientNumber, item: line.item,
                        itemNumber: numbers.number(of: line.item) ?? -1, tier: tier,
                        submittedAt: request.submittedAt, asked: line.quantity, proposed: proposed[line.number] ?? 0))
            }
        }
        return OpenLines(lines: lines)
    }
}
