import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `dayclear serve` on a host with real users: identities from the kernel, roles
/// from the roster, the data directory closed to everyone but the service
/// account, live pushes between terminals, and a server killed mid-command.
@Suite(
    "Server end to end (real users)", .serialized,
    .enabled(if: ServerHost.canRun, "needs root to create operating-system users with useradd (CI runs as root)"))
struct ServerEndToEndTests {
    @Test("a coordinator's approve is refused by the server; an approver's is recorded in their name")
    func rolesAreCheckedAgainstTheKernelsUser() throws {
        let host = try ServerHost("roles")
        defer { host.tearDown() }
        let approver = try host.addUser("appr")
        let coordinator = try host.addUser("coord")
        try host.serveDemo(granting: [(approver, ["approver", "task-force"]), (coordinator, ["coordinator"])])
        let connect = ["--connect", host.socket]

        try host.proposeDirectedN95(as: approver)
        let before = try history(on: host, as: approver)

        let refused = try host.dayclear(as: coordinator, connect + ["approve", "R-0001"])
        #expect(!refused.succeeded, refused.comment)
        #expect(refused.stderr.contains("approving needs the approver role"), refused.comment)
        #expect(refused.stderr.contains(coordinator), refused.comment)
        #expect(try history(on: host, as: approver) == before, "the refused approve left a trace")
        #expect(host.serverText().contains("\(coordinator) refused: approving needs the approver role"))

        let approved = try host.dayclear(as: approver, connect + ["approve", "R-0001"])
        try #require(approved.succeeded, approved.comment)
        let after = try history(on: host, as: coordinator)
        #expect(after.count == before.count + 1)
        let last = try #require(after.last).split(separator: "\t").map(String.init)
        #expect(last.count >= 4 && last[2] == approver && last[3].hasPrefix("approved R-0001"), "\(last)")
        // The service account, reading the data directly, sees the same name.
        let direct = try host.dayclear(as: host.service, ["history", "--request", "R-0001", "--data", host.data.path])
        #expect(direct.stdout.contains("\t\(approver)\tapproved R-0001"), direct.comment)
    }

    @Test("a user outside the group cannot connect, even with a role; only the service account can open the database")
    func outsidersAreKeptOut() throws {
        let host = try ServerHost("outsiders")
        defer { host.tearDown() }
        let member = try host.addUser("member")
        let outsider = try host.addUser("out", inGroup: false)
        try host.serveDemo(granting: [(member, ["approver"]), (outsider, ["approver"])])

        let kept = try host.dayclear(as: outsider, ["lists", "--connect", host.socket])
        #expect(!kept.succeeded, kept.comment)
        #expect(kept.stderr.contains("Permission denied"), kept.comment)
        #expect(!host.serverText().contains("\(outsider) connected"), "\(host.serverText())")

        // A member not in the roster reaches the socket but is refused by the server.
        let stranger = try host.addUser("stranger")
        let refused = try host.dayclear(as: stranger, ["lists", "--connect", host.socket])
        #expect(!refused.succeeded, refused.comment)
        #expect(refused.stderr.contains("\(stranger) is not in the DayClear roster"), refused.comment)

        let database = host.data.appendingPathComponent("dayclear.sqlite").path
        for user in [member, outsider, stranger] {
            let sqlite = try runProgram(
                "/usr/bin/setpriv",
                host.switchUser(user) + ["/usr/bin/sqlite3", database, "SELECT count(*) FROM events"])
            #expect(!sqlite.succeeded, "\(user) opened the database: \(sqlite)")
            let direct = try host.dayclear(as: user, ["lists", "--data", host.data.path])
            #expect(!direct.succeeded, "\(user) read the data directory: \(direct)")
        }
        // The checkpoint signing key: the service account's alone.
        let key = host.data.appendingPathComponent("checkpoint.key").path
        for user in [member, outsider, stranger] {
            let read = try runProgram("/usr/bin/setpriv", host.switchUser(user) + ["/bin/cat", key])
            #expect(!read.succeeded && !read.stdout.contains("PRIVATE KEY"), "\(user) read the key: \(read)")
        }
        let keyMode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? NSNumber
        #expect(keyMode?.intValue == 0o600)
        let owner = try runProgram(
            "/usr/bin/setpriv",
            host.switchUser(host.service) + ["/usr/bin/sqlite3", database, "SELECT count(*) FROM events"])
        #expect(owner.succeeded, owner.comment)
        let socketMode = try FileManager.default.attributesOfItem(atPath: host.socket)[.posixPermissions] as? NSNumber
        #expect(socketMode?.intValue == 0o660)
        let dataMode = try FileManager.default.attributesOfItem(atPath: host.data.path)[.posixPermissions] as? NSNumber
        #expect(dataMode?.intValue == 0o700)
    }

    @Test("two users' terminals: one approves, the other's group screen shows it within a second")
    func twoTerminalsSeeEachOther() throws {
        try #require(TmuxSession.isAvailable, "tmux is needed")
        let host = try ServerHost("tuis")
        defer { host.tearDown() }
        let approver = try host.addUser("appr")
        let watcher = try host.addUser("watch")
        try host.serveDemo(granting: [(approver, ["approver", "task-force"]), (watcher, ["coordinator"])])
        try host.proposeDirectedN95(as: approver)

        let first = try TmuxSession(
            "srvfirst", command: host.shellCommand(as: approver, ["tui", "--connect", host.socket, "--lang", "zh"]))
        let second = try TmuxSession(
            "srvsecond", command: host.shellCommand(as: watcher, ["tui", "--connect", host.socket, "--lang", "zh"]))
        defer {
            first.kill()
            second.kill()
        }
        for (tui, user) in [(first, approver), (second, watcher)] {
            let screen = try tui.waitFor("第二张清单")
            #expect(screen.components(separatedBy: "\n")[0].contains("用户 \(user)"), "\(screen)")
            try tui.send("2")
            try tui.waitFor("R-0001 proposed in the queue") { $0.contains("▶ R-0001") && $0.contains("已建议 1 项") }
        }

        try first.send("a")
        try first.waitFor("已批准 R-0001")
        let shown = Date()
        let seen = try second.waitFor("the approval in the other user's terminal", timeout: 1.5) {
            !$0.contains("R-0001") && $0.contains("已建议 0 项")
        }
        let latency = Date().timeIntervalSince(shown)
        print("Server end to end: the other user's terminal showed the approval \(Int(latency * 1000)) ms later")
        #expect(latency < 1.0, "latency \(Int(latency * 1000)) ms:\n\(seen)")
        let history = try history(on: host, as: watcher)
        #expect(history.last?.contains("\t\(approver)\tapproved R-0001") == true, "\(history.suffix(2))")
    }

    @Test(
        "SIGKILL while a terminal waits for its approve: it says not confirmed; after a restart every acknowledged action is there and verify passes"
    )
    func killedMidCommand() throws {
        try #require(TmuxSession.isAvailable, "tmux is needed")
        let host = try ServerHost("kill")
        defer { host.tearDown() }
        let approver = try host.addUser("appr")
        try host.serveDemo(granting: [(approver, ["approver", "task-force", "coordinator"])])
        let connect = ["--connect", host.socket]

        // Acknowledged actions: each printed its event number.
        var acknowledged: [String] = []
        for (request, lot, quantity) in [("R-0001", "L-0001", "2000"), ("R-0001", "L-0002", "400")] {
            let result = try host.dayclear(
                as: approver, connect + ["propose", request, "--lot", lot, "--quantity", quantity])
            try #require(result.succeeded, result.comment)
            acknowledged.append(try #require(eventNumber(in: result.stdout), result.comment))
        }
        let rejected = try host.dayclear(as: approver, connect + ["reject", "R-0003", "--reason", "重复申请"])
        try #require(rejected.succeeded, rejected.comment)
        acknowledged.append(try #require(eventNumber(in: rejected.stdout), rejected.comment))

        let tui = try TmuxSession(
            "srvkill", command: host.shellCommand(as: approver, ["tui", "--connect", host.socket, "--lang", "zh"]))
        defer { tui.kill() }
        try tui.waitFor("第二张清单")
        try tui.send("2")
        try tui.waitFor("R-0001 selected") { $0.contains("▶ R-0001") }

        // Freeze the server, press approve, and wait until the request sits unread in the server's socket.
        host.signalServer(SIGSTOP)
        try tui.send("a")
        try waitUntil("the approve request queued at the stopped server", timeout: 10) {
            try unreadBytes(at: host.socket) > 0
        }
        host.signalServer(SIGKILL)
        let screen = try tui.waitFor("not confirmed") { $0.contains("操作未确认") }
        #expect(!screen.contains("已批准 R-0001"), "\(screen)")

        try host.startServer()
        let history = try history(on: host, as: approver).joined(separator: "\n")
        for number in acknowledged {
            #expect(
                history.contains("\n\(number)\t") || history.hasPrefix("\(number)\t"),
                "event \(number) lost:\n\(history)")
        }
        #expect(!history.contains("approved R-0001"), "the unconfirmed approve was never read, so it is not there")
        let verified = try host.dayclear(as: approver, connect + ["verify"])
        #expect(verified.succeeded && verified.stdout.hasPrefix("OK: "), verified.comment)
        let direct = try host.dayclear(as: host.service, ["verify", "--data", host.data.path])
        #expect(direct.succeeded, direct.comment)
    }

    @Test("the server signs every N events and a terminal's day-end export; the exported key verifies the store")
    func signedCheckpoints() throws {
        let host = try ServerHost("checkpoints")
        defer { host.tearDown() }
        let approver = try host.addUser("appr")
        let viewer = try host.addUser("view")
        try host.serveDemo(
            granting: [(approver, ["approver"]), (viewer, ["viewer"])], options: ["--checkpoint-every", "5"])
        for request in ["R-0003", "R-0004", "R-0005", "R-0006", "R-0007"] {
            let rejected = try host.dayclear(
                as: approver, ["--connect", host.socket, "reject", request, "--reason", "重复申请"])
            try #require(rejected.succeeded, rejected.comment)
        }
        // A folder the approver owns, for the export.
        let out = host.root.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let entry = try #require(getpwnam(approver))
        chown(out.path, entry.pointee.pw_uid, entry.pointee.pw_gid)
        // Five events crossed exactly one multiple of 5: the last one at or before the last event.
        let last = try #require(
            try history(on: host, as: approver).last?.split(separator: "\t").first.flatMap { Int($0) })
        #expect(host.serverText().contains("signed a checkpoint at event \(last / 5 * 5)"), "\(host.serverText())")

        let viewerOut = host.root.appendingPathComponent("viewer-export")
        try FileManager.default.createDirectory(at: viewerOut, withIntermediateDirectories: true)
        let viewerEntry = try #require(getpwnam(viewer))
        chown(viewerOut.path, viewerEntry.pointee.pw_uid, viewerEntry.pointee.pw_gid)
        let refused = try host.dayclear(
            as: viewer, ["--connect", host.socket, "export", "day-end", "--out", viewerOut.path])
        #expect(!refused.succeeded, refused.comment)
        #expect(
            refused.stderr.contains("\(viewer) may not export the day-end: it needs one of the roles"), refused.comment)
        #expect(try FileManager.default.contentsOfDirectory(atPath: viewerOut.path).isEmpty, refused.comment)

        let exported = try host.dayclear(
            as: approver, ["--connect", host.socket, "export", "day-end", "--out", out.path])
        try #require(exported.succeeded, exported.comment)
        #expect(host.serverText().contains("\(approver) had a day-end checkpoint signed at event"))
        let key = try #require(
            try FileManager.default.contentsOfDirectory(atPath: out.path).first {
                $0.hasSuffix("-checkpoint-public-key.pem")
            })

        let verified = try host.dayclear(
            as: host.service,
            ["verify", "--data", host.data.path, "--public-key", out.appendingPathComponent(key).path])
        #expect(verified.succeeded, verified.comment)
        // One periodic checkpoint at least (five events crossed a multiple of 5) and the day-end one.
        let count = verified.stdout.components(separatedBy: "checkpoints: ").last.flatMap {
            Int($0.prefix { $0.isNumber })
        }
        #expect((count ?? 0) >= 2, verified.comment)
        #expect(verified.stdout.contains("signed, all by the given public key"), verified.comment)
    }
}

// MARK: - Helpers

func grant(_ user: String, _ roles: [String], on host: ServerHost) throws {
    let result = try host.dayclear(as: host.service, ["roster", "grant", user] + roles + ["--data", host.data.path])
    try #require(result.succeeded, result.comment)
}

extension ServerHost {
    /// The demo store with each user granted their roles, served over the socket with `options`.
    func serveDemo(granting roles: [(user: String, roles: [String])], options: [String] = []) throws {
        try initialiseDemo()
        for (user, granted) in roles { try grant(user, granted, on: self) }
        try startServer(options)
    }

    /// `user` proposes the demo's directed N95 for R-0001 (2000 from L-0001) through the server.
    func proposeDirectedN95(as user: String) throws {
        let proposed = try dayclear(
            as: user, ["--connect", socket, "propose", "R-0001", "--lot", "L-0001", "--quantity", "2000"])
        try #require(proposed.succeeded, proposed.comment)
    }
}

func history(on host: ServerHost, as user: String) throws -> [String] {
    let result = try host.dayclear(as: user, ["history", "--connect", host.socket])
    try #require(result.succeeded, result.comment)
    return result.stdout.split(separator: "\n").map(String.init)
}

/// `… (event 93)` → "93".
private func eventNumber(in output: String) -> String? {
    guard let range = output.range(of: "(event ", options: .backwards) else { return nil }
    return String(output[range.upperBound...].prefix { $0.isNumber })
}

/// Bytes waiting to be read on the server's side of connections to `socket` (`ss -x`).
func unreadBytes(at socket: String) throws -> Int {
    let result = try runProgram("/usr/bin/ss", ["-xn"])
    return result.stdout.split(separator: "\n").filter { $0.contains(socket) }.reduce(0) { total, line in
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        return total + (fields.count > 2 ? Int(fields[2]) ?? 0 : 0)
    }
}
