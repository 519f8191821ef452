import Foundation
import Testing

/// `allow-substitute` end to end on the sample day: refused before, accepted after, shown by `history`
/// and used by `plan` after the line's own spec, with the approver named in the explanation.
@Suite("substitutes from the command line")
struct SubstitutionCLITests {
    @Test("a KN95 substitute for R-0005's N95 line: refused until allowed, then planned and explained")
    func allowThenPlan() throws {
        let sandbox = try Sandbox.withSampleDay()
        let refused = try sandbox.dayclear("propose", "R-0005", "--lot", "L-0010", "--quantity", "100", "--line", "1")
        #expect(refused.status != 0, refused.comment)
        #expect(refused.stderr.contains("L-0010") && refused.stderr.contains("allow-substitute"), refused.comment)

        let allowed = try sandbox.dayclear("allow-substitute", "R-0005", "--line", "1", "--spec", "KN95")
        try #require(allowed.succeeded, allowed.comment)
        #expect(allowed.stdout.contains("Allowed 口罩 / KN95 for R-0005 line 1"), allowed.comment)
        let again = try sandbox.dayclear("allow-substitute", "R-0005", "--line", "1", "--spec", "KN95")
        #expect(again.status != 0 && again.stderr.contains("R-0005 line 1"), again.comment)
        let typo = try sandbox.dayclear("allow-substitute", "R-0005", "--line", "1", "--spec", "KN9")
        #expect(typo.status != 0 && typo.stderr.contains("known specs of 口罩"), typo.comment)
        let history = try sandbox.history("--request", "R-0005")
        #expect(history.contains { $0.contains("allowed spec KN95 for R-0005 line 1") }, "\(history)")
        #expect(history.filter { $0.contains("allowed spec") }.count == 1, "\(history)")

        let json = try sandbox.dayclear("plan", "--day", "2026-02-10", "--format", "json")
        try #require(json.succeeded, json.comment)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let allocations = try #require(document["allocations"] as? [[String: Any]])
        let mine = allocations.filter { $0["request_id"] as? String == "R-0005" }
        let substitutes = mine.filter { ($0["explanation"] as? [String: Any])?["source"] as? String == "substitute" }
        #expect(!substitutes.isEmpty, json.comment)
        for allocation in substitutes {
            #expect(["L-0010", "L-0022"].contains(allocation["lot_id"] as? String ?? ""), "\(allocation)")
            let explanation = try #require(allocation["explanation"] as? [String: Any])
            #expect(explanation["substitute_allowed_by"] as? String == currentUser, "\(explanation)")
            #expect((allocation["english"] as? String)?.contains("substitute KN95 after the own spec") == true)
        }
        // R-0007 asked for KN95 itself and is served in full before any substitute.
        let kn95Asked = allocations.filter { $0["request_id"] as? String == "R-0007" && $0["line"] as? Int == 1 }
        #expect(kn95Asked.reduce(0) { $0 + ($1["quantity"] as? Int ?? 0) } == 3000, json.comment)

        let explained = try sandbox.dayclear("plan", "--day", "2026-02-10", "--explain")
        #expect(explained.stdout.contains("替代规格 KN95"), explained.comment)
        #expect(explained.stdout.contains("替代 KN95"), explained.comment)
        let applied = try sandbox.dayclear("plan", "--day", "2026-02-10", "--apply")
        try #require(applied.succeeded, applied.comment)
        let verified = try sandbox.dayclear("verify")
        #expect(verified.succeeded, verified.comment)
    }
}
