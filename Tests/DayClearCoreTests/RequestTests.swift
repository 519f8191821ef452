import Foundation
import Testing

@testable import DayClearCore

private func submission(
    _ id: RequestID = "R-1", for recipient: RecipientID = Units.otherHospital, lines: [RequestLine]
) -> DomainEvent {
    .requestSubmitted(RequestSubmission(id: id, recipient: recipient, neededBy: Clock.comfortablyLater, lines: lines))
}

private func line(_ number: Int, _ item: ItemKey, _ quantity: Int, unit: String? = nil) -> RequestLine {
    RequestLine(number: number, item: item, unit: unit ?? Items.units[item] ?? "个", quantity: quantity)
}

private func isInvalid(_ error: DomainError) -> Bool {
    if case .invalid = error { return true }
    return false
}

@Suite("Requests")
struct RequestTests {
    @Test("a submitted request keeps its lines, recipient and times")
    func submitted() throws {
        var f = try Fixture()
        let lines = [line(1, Items.n95, 500), line(2, Items.gownL, 40)]
        let when = Clock.at(2026, 2, 10, 8, 15)
        try f.record(submission(lines: lines), at: when, actor: "hospital-clerk")
        let request = try f.request("R-1")
        #expect(request.state == .submitted)
        #expect(request.recipient == Units.otherHospital)
        #expect(request.lines == lines)
        #expect(request.lines.allSatisfy { $0.received == nil })
        #expect(request.neededBy == Clock.comfortablyLater)
        #expect(request.submittedAt == when)
        #expect(request.decidedAt == nil)
        #expect(request.paperwork == nil)
        #expect(request.line(2)?.item == Items.gownL)
        #expect(request.line(3) == nil)
    }

    @Test("the department's own submission time is kept when given")
    func explicitSubmissionTime() throws {
        var f = try Fixture()
        let sent = Clock.at(2026, 2, 10, 7, 50)
        try f.record(
            .requestSubmitted(
                RequestSubmission(
                    id: "R-1", recipient: Units.district, neededBy: Clock.comfortablyLater, submittedAt: sent,
                    lines: [line(1, Items.n95, 10)])))
        #expect(try f.request("R-1").submittedAt == sent)
    }

    @Test("an unknown recipient is refused")
    func unknownRecipient() throws {
        var f = try Fixture()
        f.expectRefusal(submission(for: "H99", lines: [line(1, Items.n95, 10)]), .unknownRecipient("H99"))
    }

    @Test("an unknown kind+spec is refused with the known specs of the kind as a hint")
    func unknownItem() throws {
        var f = try Fixture()
        let kn95 = ItemKey(kind: "口罩", spec: "KN95")
        let error = f.refuse(submission(lines: [line(1, kn95, 10, unit: "个")]))
        #expect(error == .unknownItem(kn95, knownSpecs: ["医用外科", "医用防护口罩 N95"]))
        let message = try #require(error).description
        #expect(message.contains("KN95"))
        #expect(message.contains("医用外科"))
        #expect(message.contains("医用防护口罩 N95"))
        // A kind never seen has no hint.
        let goggles = ItemKey(kind: "护目镜", spec: "防雾")
        let other = f.refuse(submission(lines: [line(1, goggles, 10, unit: "副")]))
        #expect(other == .unknownItem(goggles, knownSpecs: []))
        #expect(other?.description.contains("known specs") == false)
        #expect(f.ledger.knownSpecs(of: "口罩") == ["医用外科", "医用防护口罩 N95"])
    }

    @Test("a request with no lines is refused")
    func emptyLines() throws {
        var f = try Fixture()
        f.expectRefusal(submission(lines: []), where: isInvalid)
    }

    @Test("the same kind+spec twice in one request is refused")
    func repeatedItem() throws {
        var f = try Fixture()
        f.expectRefusal(
            submission(lines: [line(1, Items.n95, 10), line(2, Items.gownL, 5), line(3, Items.n95, 20)]),
            .repeatedItem("R-1", line: 3, Items.n95, firstLine: 1))
        // Two specs of one kind are two items.
        try f.record(submission(lines: [line(1, Items.n95, 10), line(2, Items.surgical, 20)]))
    }

    /// A request of up to eight lines compares each item with the earlier ones; a longer one hashes them.
    @Test("a repeated item is named with both lines, in a short request and a long one", arguments: [5, 8, 9, 12])
    func repeatedItemNamed(_ count: Int) throws {
        var f = try Fixture()
        let lines = (1...count).map { line($0, Items.all[($0 - 1) % Items.all.count], 10) }
        f.expectRefusal(
            submission(lines: lines), .repeatedItem("R-1", line: 5, Items.all[0], firstLine: 1))
        try f.record(submission(lines: Array(lines.prefix(4))))
    }

    @Test(
        "lines must be numbered 1, 2, 3…",
        arguments: [[2], [0], [1, 3], [1, 1], [2, 1], [-1, 0]])
    func badNumbering(_ numbers: [Int]) throws {
        var f = try Fixture()
        let items = [Items.n95, Items.gownL]
        let lines = numbers.enumerated().map { index, number in line(number, items[index], 10) }
        f.expectRefusal(submission(lines: lines), where: isInvalid)
    }

    @Test("non-positive line quantities are refused", arguments: [0, -1, Int.min])
    func nonPositiveQuantity(_ quantity: Int) throws {
        var f = try Fixture()
        f.expectRefusal(submission(lines: [line(1, Items.n95, 10), line(2, Items.gownL, quantity)])) {
            if case .invalidQuantity = $0 { return true }
            return false
        }
    }

    @Test("a line's unit must match the item's; an empty unit means the item's own")
    func lineUnits() throws {
        var f = try Fixture()
        f.expectRefusal(
            submission(lines: [line(1, Items.n95, 10, unit: "箱")]), .unitMismatch(Items.n95, expected: "个", got: "箱"))
        try f.record(submission(lines: [line(1, Items.n95, 10, unit: "")]))
    }

    @Test("duplicate and empty request ids are refused")
    func requestIDs() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 10)])
        f.expectRefusal(submission("R-1", lines: [line(1, Items.gownL, 5)]), .duplicate("request R-1"))
        f.expectRefusal(submission(" ", lines: [line(1, Items.gownL, 5)]), where: isInvalid)
        // Even a closed request keeps its id.
        try f.cancel("R-1")
        f.expectRefusal(submission("R-1", lines: [line(1, Items.gownL, 5)]), .duplicate("request R-1"))
    }
}
