import Foundation
import SeededRandom
import Testing

@testable import DayClearCore

/// The planner's open lines on their own, with enough lines that recent lines are merged and closed
/// ones dropped many times (the ledger's random runs stay below the merge thresholds).
@Suite("Open lines kept for the planner")
struct OpenLinesTests {
    private static let start = Date(timeIntervalSince1970: 1_770_000_000)
    /// The kinds+specs of `request`'s lines and their numbers: line n asks for spec Nn, numbered n - 1.
    private static let itemNumbers = Dictionary(
        uniqueKeysWithValues: (1...3).map { (ItemKey(kind: "口罩", spec: "N\($0)"), $0 - 1) })

    /// A request of one to three lines; some ids share their first sixteen bytes, some needed-by times tie.
    private static func request(_ number: Int, revision: Int, rng: inout SplitMix64) -> Request {
        let id = number % 3 == 0 ? "REQUEST-2026-11-30-\(number)" : "R-\(number)"
        let lines = (1...rng.int(1...3)).map { line in
            RequestLine(
                number: line, item: ItemKey(kind: "口罩", spec: "N\(line)"), unit: "只", quantity: rng.int(1...500))
        }
        return Request(
            id: RequestID(id), recipient: RecipientID("H\(number % 7)"),
            neededBy: start.addingTimeInterval(Double(rng.int(0...40) * 600 + revision)),
            submittedAt: start, lines: lines)
    }

    @Test(
        "random opens, proposals, closes and reopenings equal a plain table, in tie order",
        arguments: [UInt64(1), 2, 3])
    func matchesPlainTable(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var open = OpenLines()
        // The plain model: each open request and the units proposed per line.
        var model: [Int: (request: Request, proposed: [Int: Int])] = [:]
        var revisions: [Int: Int] = [:]
        var merges = 0
        var lastSettled = 0
        for step in 1...12_000 {
            let number = rng.int(0...3_000)
            if var entry = model[number] {
                if rng.chance(60) {
                    let line = rng.int(1...entry.request.lines.count)
                    let units = rng.int(1...50)
                    open.propose(units, request: entry.request, line: line)
                    entry.proposed[line, default: 0] += units
                    model[number] = entry
                } else {
                    open.close(entry.request)
                    model[number] = nil
                }
            } else {
                // A new request, or one reopened (resubmitted) with another needed-by time.
                revisions[number, default: 0] += 1
                let request = Self.request(number, revision: revisions[number] ?? 0, rng: &rng)
                open.open(request, tier: .community, recipientNumber: number % 7, itemNumbers: Self.itemNumbers)
                model[number] = (request, [:])
            }
            if open.settled.count != lastSettled {
                merges += 1
                lastSettled = open.settled.count
            }
            guard step % 2_000 == 0 else { continue }
            let expected = model.flatMap { number, entry in
                entry.request.lines.map { line in
                    OpenLines.Line(
                        order: OpenLines.Order(request: entry.request, line: line.number),
                        recipient: entry.request.recipient, recipientNumber: number % 7, item: line.item,
                        itemNumber: line.number - 1,
                        tier: .community,
                        submittedAt: entry.request.submittedAt, asked: line.quantity,
                        proposed: entry.proposed[line.number] ?? 0)
                }
            }.sorted { $0.order < $1.order }
            let ordered = open.ordered()
            #expect(ordered.all == expected, "seed \(seed), step \(step)")
            #expect(open == OpenLines(lines: expected), "seed \(seed), step \(step)")
            var entries: [Int] = []
            var misread = 0
            ordered.forEach { entry, line in
                entries.append(entry)
                if ordered[entry] != line { misread += 1 }
            }
            #expect(misread == 0, "seed \(seed), step \(step): entries that read another line")
            #expect(Set(entries).count == entries.count, "seed \(seed), step \(step): an entry read twice")
            // The planner's two halves read the same entries, one half after the other.
            var halves: [Int] = []
            ordered.forEachInPlace(in: ordered.halves.0) { entry, _ in halves.append(entry) }
            let firstHalf = halves.count
            ordered.forEachInPlace(in: ordered.halves.1) { entry, _ in halves.append(entry) }
            #expect(halves == entries, "seed \(seed), step \(step): the halves read other entries")
            #expect(
                abs(2 * firstHalf - entries.count) < entries.count / 3,
                "seed \(seed), step \(step): halves of \(firstHalf) and \(entries.count - firstHalf) lines")
        }
        #expect(merges > 5, "seed \(seed): the run merged recent lines and dropped closed ones")
    }

    @Test("the planner's halves hold about as many open lines each when the earliest lines are closed")
    func halvesBalancedOverClosedLines() {
        var rng = SplitMix64(seed: 9)
        // 3,000 one-line requests, needed one minute apart, all settled; the earliest 1,400 decided (under the
        // half that would merge them away), as the earliest needed tend to be.
        let requests = (0..<3_000).map { number in
            var request = Self.request(number, revision: 0, rng: &rng)
            request.neededBy = Self.start.addingTimeInterval(Double(number * 60))
            request.lines = [request.lines[0]]
            return request
        }
        var open = OpenLines(
            lines: requests.map { request in
                OpenLines.Line(
                    order: OpenLines.Order(request: request, line: 1), recipient: request.recipient,
                    recipientNumber: 0, item: request.lines[0].item, itemNumber: 0, tier: .community,
                    submittedAt: request.submittedAt, asked: request.lines[0].quantity, proposed: 0)
            })
        for request in requests.prefix(1_400) { open.close(request) }
        let ordered = open.ordered()
        #expect(ordered.settled.count == 3_000, "the closed lines are still in place")
        var counts = [0, 0]
        ordered.forEachInPlace(in: ordered.halves.0) { _, _ in counts[0] += 1 }
        ordered.forEachInPlace(in: ordered.halves.1) { _, _ in counts[1] += 1 }
        #expect(counts[0] + counts[1] == 1_600)
        #expect(abs(counts[0] - counts[1]) < 160, "halves of \(counts[0]) and \(counts[1]) open lines")
    }

    @Test("tie order: needed-by, then request id in natural order (R-9 before R-10), then line")
    func tieOrder() {
        let at = Self.start
        func line(_ id: String, _ neededBy: Date, _ number: Int) -> OpenLines.Order {
            let request = Request(
                id: RequestID(id), recipient: "H", neededBy: neededBy, submittedAt: at,
                lines: [RequestLine(number: number, item: ItemKey(kind: "k", spec: ""), unit: "u", quantity: 1)])
            return OpenLines.Order(request: request, line: number)
        }
        let later = at.addingTimeInterval(60)
        let orders = [
            line("R-1", later, 1), line("R-10", at, 2), line("R-10", at, 1), line("R-9", at, 1),
            line("REQUEST-2026-11-30-10", at, 1), line("REQUEST-2026-11-30-9", at, 1),
        ]
        let sorted = orders.sorted().map { "\($0.request) \($0.line)" }
        #expect(
            sorted == [
                "R-9 1", "R-10 1", "R-10 2", "REQUEST-2026-11-30-9 1", "REQUEST-2026-11-30-10 1", "R-1 1",
            ])
    }
}
