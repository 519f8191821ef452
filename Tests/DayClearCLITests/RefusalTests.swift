import Foundation
import Testing

/// Runs a command that must be refused, and checks that it said why and recorded nothing.
private func expectRefusal(
    _ sandbox: Sandbox, _ arguments: [String], mentions: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let before = try sandbox.history()
    let result = try sandbox.dayclear(arguments: arguments)
    #expect(result.status != 0, "must be refused: \(result)", sourceLocation: sourceLocation)
    #expect(!result.stderr.isEmpty, "a refusal explains itself on stderr: \(result)", sourceLocation: sourceLocation)
    #expect(!result.stdout.contains("(event "), "nothing was recorded: \(result)", sourceLocation: sourceLocation)
    for word in mentions {
        #expect(
            result.stderr.contains(word), "stderr should mention \(word): \(result)", sourceLocation: sourceLocation)
    }
    let after = try sandbox.history()
    #expect(after.count == before.count, "history grew after a refusal: \(result)", sourceLocation: sourceLocation)
    #expect(after == before, sourceLocation: sourceLocation)
}

/// Requests, lots and recipients of the sample files, as plain rows.
private struct Sample {
    var stock: [[String: String]]
    var requests: [[String: String]]

    init() throws {
        stock = try SampleFiles.stock().records
        requests = try SampleFiles.requests().records
    }

    /// The first request line asking for kind+spec, optionally for (or not for) a recipient.
    func request(kind: String, spec: String, where keep: (String) -> Bool = { _ in true }) -> [String: String]? {
        requests.first { $0["物资名称"] == kind && $0["规格"] == spec && keep($0["申请单位"] ?? "") }
    }
}

@Suite("refusals are clear and change nothing")
struct RefusalTests {
    @Test("approving a rejected request names it and both states")
    func approveRejected() throws {
        let sandbox = try Sandbox.withSampleDay()
        let sample = try Sample()
        let request = try #require(sample.requests.first?["申请编号"])
        let rejected = try sandbox.dayclear("reject", request, "--reason", "not needed")
        try #require(rejected.succeeded, rejected.comment)
        try expectRefusal(sandbox, ["approve", request], mentions: [request, "rejected", "approved"])
        try expectRefusal(sandbox, ["dispatch", request], mentions: [request, "rejected"])
        try expectRefusal(sandbox, ["reject", request, "--reason", "twice"], mentions: [request, "rejected"])
        try expectRefusal(sandbox, ["resubmit", request], mentions: [request, "rejected"])
        try expectRefusal(sandbox, ["paperwork-done", request], mentions: [request])
    }

    @Test("directed stock goes only to its named recipient")
    func directedStock() throws {
        let sandbox = try Sandbox.withSampleDay()
        let sample = try Sample()
        // A directed lot that has arrived, and a request for the same goods from someone else.
        var chosen: (lot: String, to: String, request: String)?
        for lot in sample.stock where !(lot["定向单位"] ?? "").isEmpty && !(lot["到货时间"] ?? "").isEmpty {
            let to = lot["定向单位"] ?? ""
            if let other = sample.request(kind: lot["物资名称"] ?? "", spec: lot["规格"] ?? "", where: { $0 != to }) {
                chosen = (lot["批次号"] ?? "", to, other["申请编号"] ?? "")
                break
            }
        }
        let (lot, to, request) = try #require(chosen)
        try expectRefusal(
            sandbox, ["propose", request, "--lot", lot, "--quantity", "10"], mentions: [lot, to, request])
        // The named recipient may have it.
        let own = try #require(
            sample.stock.first { $0["批次号"] == lot }.flatMap { row in
                sample.request(kind: row["物资名称"] ?? "", spec: row["规格"] ?? "", where: { $0 == to })
            })
        let allowed = try sandbox.dayclear("propose", own["申请编号"] ?? "", "--lot", lot, "--quantity", "10")
        #expect(allowed.status == 0, allowed.comment)
    }

    @Test("a lot cannot be allocated beyond what is free")
    func overAllocation() throws {
        let sandbox = try Sandbox.withSampleDay()
        let lists = try sandbox.listsJSON()
        let sample = try Sample()
        var chosen: (lot: String, free: Int, request: String)?
        for row in lists.stock
        where (row.string("directed_to") ?? "").isEmpty && (row.int("on_hand") ?? 0) > 0 && (row.int("free") ?? 0) > 0 {
            if let asking = sample.request(kind: row.string("kind") ?? "", spec: row.string("spec") ?? ""),
                let asked = Int(asking["数量"] ?? ""), asked > (row.int("free") ?? 0)
            {
                chosen = (row.string("lot") ?? "", row.int("free") ?? 0, asking["申请编号"] ?? "")
                break
            }
        }
        let (lot, free, request) = try #require(chosen)
        try expectRefusal(
            sandbox, ["propose", request, "--lot", lot, "--quantity", "\(free + 1)"], mentions: [lot, "\(free)"])

        // Exactly what is free is fine; then one more unit for anyone is not.
        let all = try sandbox.dayclear("propose", request, "--lot", lot, "--quantity", "\(free)")
        #expect(all.status == 0, all.comment)
        #expect(try sandbox.listsJSON().lot(lot)?.int("free") == 0)
        try expectRefusal(sandbox, ["propose", request, "--lot", lot, "--quantity", "1"], mentions: [lot])
        // An approval above what was proposed cannot take more than the lot holds either.
        let line = sample.requests.filter { $0["申请编号"] == request }
            .firstIndex { row in
                lists.lot(lot).map { $0.string("kind") == row["物资名称"] && $0.string("spec") == row["规格"] } ?? false
            }
        if let line {
            try expectRefusal(sandbox, ["approve", request, "--line", "\(line + 1)=\(free + 1)"], mentions: [request])
        }
    }

    @Test("stock of one kind+spec never fills a line asking for another")
    func wrongGoods() throws {
        let sandbox = try Sandbox.withSampleDay()
        let lists = try sandbox.listsJSON()
        let line = try #require(lists.requests.first)
        let request = try #require(line.string("request"))
        let other = try #require(
            lists.stock.first {
                ($0.string("kind"), $0.string("spec")) != (line.string("kind"), line.string("spec"))
                    && ($0.string("directed_to") ?? "").isEmpty && ($0.int("on_hand") ?? 0) > 0
            })
        let lot = try #require(other.string("lot"))
        try expectRefusal(
            sandbox, ["propose", request, "--lot", lot, "--quantity", "1", "--line", "\(line.int("line") ?? 1)"],
            mentions: [lot, other.string("kind") ?? "", line.string("kind") ?? ""])
        try expectRefusal(
            sandbox, ["propose", request, "--lot", lot, "--quantity", "1", "--line", "99"], mentions: [request, "99"])
    }

    @Test("reject and return need a reason")
    func reasonRequired() throws {
        let sandbox = try Sandbox.withSampleDay()
        let request = try #require(try Sample().requests.first?["申请编号"])
        try expectRefusal(sandbox, ["reject", request], mentions: [request, "reason"])
        try expectRefusal(sandbox, ["return", request], mentions: [request, "reason"])
        try expectRefusal(sandbox, ["reject", request, "--reason", ""], mentions: [request, "reason"])
        try expectRefusal(sandbox, ["reject", request, "--reason", "   "], mentions: [request, "reason"])
    }

    @Test("unknown request and lot ids are named")
    func unknownIDs() throws {
        let sandbox = try Sandbox.withSampleDay()
        let sample = try Sample()
        let request = try #require(sample.requests.first?["申请编号"])
        let lot = try #require(sample.stock.first?["批次号"])
        for command in ["approve", "dispatch", "deliver", "paperwork-done", "cancel", "resubmit"] {
            try expectRefusal(sandbox, [command, "R-NOPE"], mentions: ["R-NOPE"])
        }
        try expectRefusal(sandbox, ["reject", "R-NOPE", "--reason", "x"], mentions: ["R-NOPE"])
        try expectRefusal(sandbox, ["return", "R-NOPE", "--reason", "x"], mentions: ["R-NOPE"])
        try expectRefusal(sandbox, ["propose", "R-NOPE", "--lot", lot, "--quantity", "1"], mentions: ["R-NOPE"])
        try expectRefusal(sandbox, ["propose", request, "--lot", "L-NOPE", "--quantity", "1"], mentions: ["L-NOPE"])
        try expectRefusal(sandbox, ["receive", "L-NOPE"], mentions: ["L-NOPE"])
        try expectRefusal(sandbox, ["value", "L-NOPE", "--fen", "100", "--invoiced"], mentions: ["L-NOPE"])
    }

    @Test("malformed options are refused before anything is recorded")
    func malformedOptions() throws {
        let sandbox = try Sandbox.withSampleDay()
        let request = try #require(try Sample().requests.first?["申请编号"])
        try expectRefusal(sandbox, ["approve", request, "--line", "1:300"], mentions: ["--line"])
        try expectRefusal(sandbox, ["approve", request, "--line", "1=-3"], mentions: ["negative"])
        try expectRefusal(sandbox, ["approve", request, "--line", "1=3", "--line", "1=4"], mentions: ["twice"])
        try expectRefusal(sandbox, ["lists", "--day", "tomorrow"], mentions: ["--day"])
        try expectRefusal(sandbox, ["receive"], mentions: [])
        // A negative number is read as the option's value (not as an unknown option) and refused for what it is.
        let lot = try #require(try Sample().stock.first?["批次号"])
        try expectRefusal(
            sandbox, ["propose", request, "--lot", lot, "--quantity", "-5", "--line", "1"],
            mentions: [request, "must be positive", "-5"])
        try expectRefusal(sandbox, ["value", lot, "--fen", "-1", "--invoiced"], mentions: ["--fen", "negative"])
        try expectRefusal(sandbox, ["propose", request, "--lot", lot, "--quantity"], mentions: ["--quantity"])
    }

    @Test("a command against a missing data directory says how to create one")
    func notInitialised() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.dayclear("lists")
        #expect(result.status != 0, result.comment)
        #expect(result.stderr.contains("init"), result.comment)
        #expect(!FileManager.default.fileExists(atPath: sandbox.data.appendingPathComponent("dayclear.sqlite").path))
    }
}
