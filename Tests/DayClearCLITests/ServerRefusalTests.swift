import Foundation
import Testing

/// A terminal connected to `dayclear serve` whose action another user's made impossible: the server's
/// refusal reads as a local store's would, in the terminal's language, naming who changed what.
@Suite(
    "Server refusals in the terminal's language (real users)", .serialized,
    .enabled(if: ServerHost.canRun, "needs root to create operating-system users with useradd (CI runs as root)"))
struct ServerRefusalTests {
    @Test("approve all after another user returned a request: the refusal says so in Chinese, and nothing is approved")
    func lostRaceInChinese() throws {
        try #require(TmuxSession.isAvailable, "tmux is needed")
        let host = try ServerHost("refusal")
        defer { host.tearDown() }
        let approver = try host.addUser("appr")
        let other = try host.addUser("other")
        try host.serveDemo(granting: [(approver, ["approver", "task-force"]), (other, ["approver"])])
        try host.proposeDirectedN95(as: approver)

        let tui = try TmuxSession(
            "srvrefusal", command: host.shellCommand(as: approver, ["tui", "--connect", host.socket, "--lang", "zh"]))
        defer { tui.kill() }
        try tui.waitFor("第二张清单")
        try tui.send("2")
        try tui.waitFor("R-0001 proposed in the queue") { $0.contains("▶ R-0001") }
        // `A` fixes what it will approve when it asks; the other user returns R-0001 before the answer.
        try tui.send("A")
        try tui.waitFor("一并批准")
        let returned = try host.dayclear(
            as: other, ["--connect", host.socket, "return", "R-0001", "--reason", "请核对数量"])
        try #require(returned.succeeded, returned.comment)

        try tui.send("y")
        let screen = try tui.waitFor("the refusal, in Chinese") {
            $0.contains("R-0001 已由 \(other) 于") && $0.contains("不能再改为“已批准”")
        }
        #expect(!screen.contains("Refused"), "\(screen)")
        let history = try history(on: host, as: other)
        #expect(history.last?.contains("\t\(other)\treturned R-0001") == true, "\(history.suffix(2))")
        #expect(!history.contains { $0.contains("approved") }, "\(history.suffix(3))")
    }
}
