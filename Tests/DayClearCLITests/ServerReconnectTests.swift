import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An open terminal UI across a restart of `dayclear serve`: it says the connection is down,
/// refuses actions meanwhile, reconnects by itself, loads what was recorded while it was away,
/// and then records again.
@Suite(
    "Server: the terminal UI reconnects (real users)", .serialized,
    .enabled(if: ServerHost.canRun, "needs root to create operating-system users with useradd (CI runs as root)"))
struct ServerReconnectTests {
    @Test("restart the server under an open TUI: notice, refusal, reconnection, resynchronisation, then an approval")
    func tuiSurvivesARestart() throws {
        try #require(TmuxSession.isAvailable, "tmux is needed")
        let host = try ServerHost("reconnect")
        defer { host.tearDown() }
        let approver = try host.addUser("appr")
        try host.serveDemo(granting: [(approver, ["approver", "task-force"])])
        try host.proposeDirectedN95(as: approver)

        let tui = try TmuxSession(
            "reconnect", command: host.shellCommand(as: approver, ["tui", "--connect", host.socket, "--lang", "zh"]))
        defer { tui.kill() }
        try tui.waitFor("第二张清单")
        try tui.send("2")
        try tui.waitFor("R-0001 proposed and selected") { $0.contains("▶ R-0001") && $0.contains("已建议 1 项") }

        // The server goes away (as in a crash or `systemctl restart`), and comes back further down.
        host.signalServer(SIGKILL)
        let notice = "与服务器的连接已断开，正在重连…"
        try tui.waitFor(notice)
        try tui.send("a")
        let refused = try tui.waitFor("the approve refused while disconnected") { $0.contains("未连接服务器") }
        #expect(refused.contains("没有记录任何改动"), "\(refused)")
        #expect(!refused.contains("已批准 R-0001"), "\(refused)")

        // While the server is down, the service account records a proposal directly in the data.
        let direct = try host.dayclear(
            as: host.service,
            ["propose", "R-0002", "--lot", "L-0003", "--quantity", "8000", "--data", host.data.path])
        try #require(direct.succeeded, direct.comment)

        try host.startServer()
        let back = try tui.waitFor("the TUI to reconnect and load the proposal made meanwhile", timeout: 20) {
            !$0.contains(notice) && $0.contains("已建议 2 项")
        }
        #expect(back.contains("已重新连接服务器"), "\(back)")
        #expect(back.contains("R-0002"), "\(back)")
        #expect(back.contains("▶ R-0001"), "\(back)")

        try tui.send("a")
        try tui.waitFor("已批准 R-0001")
        let history = try history(on: host, as: approver)
        let approvals = history.filter { $0.contains("approved R-0001") }
        #expect(approvals.count == 1 && approvals[0].contains("\t\(approver)\t"), "\(history.suffix(3))")
        let verified = try host.dayclear(as: host.service, ["verify", "--data", host.data.path])
        #expect(verified.succeeded, verified.comment)
    }
}
