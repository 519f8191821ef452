import Foundation
import Testing

/// Collects results from concurrent runs.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [RunResult] = []
    func append(_ result: RunResult) { lock.withLock { storage.append(result) } }
    var all: [RunResult] { lock.withLock { storage } }
}

@Suite("durability")
struct DurabilityTests {
    @Test("an acknowledged approval is there for the next process")
    func approvalSurvivesTheProcess() throws {
        let sandbox = try Sandbox.withSampleDay()
        let lists = try sandbox.listsJSON()
        let source = try #require(
            lists.stock.first { ($0.string("directed_to") ?? "").isEmpty && ($0.int("on_hand") ?? 0) >= 10 })
        let lot = try #require(source.string("lot"))
        let line = try #require(
            lists.requests.first {
                $0.string("kind") == source.string("kind") && $0.string("spec") == source.string("spec")
            })
        let request = try #require(line.string("request"))
        try #require(try sandbox.dayclear("propose", request, "--lot", lot, "--quantity", "10").succeeded)

        let approved = try sandbox.dayclear("approve", request)
        try #require(approved.status == 0, approved.comment)
        let event = try #require(
            eventNumbers(in: approved.stdout).first, "the confirmation names its event: \(approved)")

        let history = try sandbox.history()
        let recorded = try #require(
            history.first { $0.hasPrefix("\(event)\t") }, "event \(event) missing from \(history)")
        #expect(recorded.contains("approved \(request)"), "\(recorded)")
        #expect(recorded.split(separator: "\t").dropFirst(2).first == Substring(currentUser))
        #expect(history.last == recorded, "the approval is the latest event")
        #expect(try sandbox.listsJSON().lot(lot)?.int("approved") == 10)
    }

    @Test("concurrent processes cannot together over-allocate a lot")
    func concurrentProposals() throws {
        let sandbox = try Sandbox.withSampleDay()
        let lists = try sandbox.listsJSON()
        // A lot, and several requests each asking for more than half of it: any one
        // proposal of just over half fits, any two together do not.
        var chosen: (lot: String, free: Int, requests: [String])?
        for row in lists.stock where (row.string("directed_to") ?? "").isEmpty && (row.int("on_hand") ?? 0) >= 10 {
            let half = (row.int("free") ?? 0) / 2 + 1
            let asking = lists.requests.filter {
                $0.string("kind") == row.string("kind") && $0.string("spec") == row.string("spec")
                    && ($0.int("asked") ?? 0) >= half
            }.compactMap { $0.string("request") }
            if Set(asking).count >= 3 {
                chosen = (row.string("lot") ?? "", row.int("free") ?? 0, Array(Set(asking)).sorted())
                break
            }
        }
        let (lot, free, requests) = try #require(chosen, "the sample day has a contested lot")
        let each = free / 2 + 1
        let results = Results()
        let data = sandbox.data.path
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            do {
                results.append(
                    try run(["propose", requests[index], "--lot", lot, "--quantity", "\(each)", "--data", data]))
            } catch {
                Issue.record("could not run dayclear: \(error)")
            }
        }
        let succeeded = results.all.filter(\.succeeded)
        #expect(succeeded.count == 1, "exactly one proposal fits: \(results.all.map(\.description))")
        for refused in results.all where !refused.succeeded {
            #expect(!refused.stderr.isEmpty, refused.comment)
        }
        let after = try sandbox.listsJSON()
        #expect(after.lot(lot)?.int("proposed") == each * succeeded.count)
        #expect((after.lot(lot)?.int("free") ?? -1) >= 0)
        let proposals = try sandbox.history("--lot", lot).filter { $0.contains("proposed") }
        #expect(proposals.count == succeeded.count)
    }
}
