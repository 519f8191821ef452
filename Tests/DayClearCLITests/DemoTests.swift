import Foundation
import Testing

@Suite("demo")
struct DemoTests {
    @Test("demo --data DIR creates a working data directory and prints the lists")
    func demo() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.dayclear("demo")
        #expect(result.status == 0, result.comment)
        #expect(result.stdout.contains(sandbox.data.path), result.comment)
        #expect(result.stdout.contains("可供调拨和预到物资清单"), result.comment)
        #expect(result.stdout.contains("捐赠款物调拨清单"), result.comment)
        #expect(result.stdout.contains("口罩"), result.comment)
        #expect(FileManager.default.fileExists(atPath: sandbox.data.appendingPathComponent("dayclear.sqlite").path))

        let lists = try sandbox.dayclear("lists")
        #expect(lists.status == 0, lists.comment)
        #expect(lists.stdout.contains("可供调拨和预到物资清单"), lists.comment)

        let json = try sandbox.listsJSON()
        #expect(!json.stock.isEmpty)
        #expect(!json.requests.isEmpty)
        // The demo moves the sample day onto now: the requests are waiting minutes, not months.
        let waits = json.requests.compactMap { $0.int("waiting_minutes") }
        #expect(!waits.isEmpty)
        #expect(waits.allSatisfy { $0 < 24 * 60 }, "waiting minutes \(waits)")

        let history = try sandbox.history()
        #expect(history.count > 80, "the demo records the sample day: \(history.count) events")
        #expect(history.allSatisfy { $0.split(separator: "\t").dropFirst(2).first == Substring(currentUser) })

        // The demo's data is a normal data directory: the workflow runs on it.
        let lot = try #require(
            json.stock.first { row in
                (row.string("directed_to") ?? "").isEmpty && (row.int("on_hand") ?? 0) >= 10
                    && json.requests.contains { line in
                        line.string("kind") == row.string("kind") && line.string("spec") == row.string("spec")
                            && line.string("state") == "已提交"
                    }
            })
        let request = try #require(
            json.requests.first {
                $0.string("kind") == lot.string("kind") && $0.string("spec") == lot.string("spec")
                    && $0.string("state") == "已提交"
            }?.string("request"))
        let proposed = try sandbox.dayclear("propose", request, "--lot", lot.string("lot") ?? "", "--quantity", "10")
        #expect(proposed.status == 0, proposed.comment)
    }

    @Test("demo refuses a directory that already holds data, and leaves it intact")
    func demoTwice() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.dayclear("demo").succeeded)
        let before = try sandbox.history()
        let again = try sandbox.dayclear("demo")
        #expect(again.status != 0, again.comment)
        #expect(again.stderr.contains(sandbox.data.path), again.comment)
        #expect(try sandbox.history() == before)
    }
}
