import DayClearCore
import Foundation
import Testing

@testable import DayClearStore

#if canImport(Glibc)
    import Glibc
#endif

/// What a dropped SSH session does to a terminal connected to `dayclear serve`:
/// the terminal gets SIGHUP (here: its tmux server is killed) in the middle of a
/// command, or the connection simply ends part-way through a message. Each time
/// the store holds the whole command or none of it, `verify` passes, and the
/// server goes on serving everyone else.
///
/// The server is stopped (SIGSTOP) while the command is under way, so the test
/// knows exactly how much of it the server had been sent when the terminal went.
@Suite(
    "Server: dropped sessions (real users)", .serialized,
    .enabled(if: ServerHost.canRun, "needs root to create operating-system users with useradd (CI runs as root)"))
struct ServerDroppedSessionTests {
    @Test("an import whose terminal hangs up half-way through sending it records nothing")
    func importCutOffMidMessage() throws {
        try #require(TmuxSession.isAvailable, "tmux is needed")
        let host = try ServerHost("dropimport")
        defer { host.tearDown() }
        let coordinator = try host.addUser("coord")
        try host.serveDemo(granting: [(coordinator, ["coordinator"])])
        let before = try eventCount(on: host, as: coordinator)

        let rows = 20_000
        let stock = host.root.appendingPathComponent("stock.csv")
        let csv = largeStock(rows: rows)
        try csv.write(to: stock)
        chmod(stock.path, 0o644)
        let tui = try TmuxSession(
            "dropimport",
            command: host.shellCommand(as: coordinator, ["--connect", host.socket, "import", "stock", stock.path]))
        defer { tui.kill() }
        // The client reads (maps) the file only once it has connected and caught up; it then spends
        // a while checking 20,000 rows, and the server is stopped before it sends them.
        var client: pid_t = 0
        try waitUntil("the client to read the whole stock file", timeout: 30) {
            client = liveProcesses(of: coordinator, named: "dayclear").first ?? 0
            return client > 0 && (bytesRead(by: client) >= csv.count || maps(client, stock.path))
        }
        host.signalServer(SIGSTOP)
        var resumed = false
        defer { if !resumed { host.signalServer(SIGCONT) } }

        // The request is far larger than the socket's buffer: the client is blocked part-way through it.
        try waitUntil("the import's request to fill the stopped server's socket", timeout: 60) {
            try unreadBytes(at: host.socket) > 64 * 1024
        }
        #expect(kill(client, 0) == 0, "the client should still be sending")
        tui.kill()
        try waitUntil("the hung-up client to end", timeout: 20) { liveProcesses(of: coordinator).isEmpty }
        host.signalServer(SIGCONT)
        resumed = true
        try waitUntil("the server to notice the client left", timeout: 20) {
            host.serverText().contains("\(coordinator) disconnected")
        }

        #expect(!host.serverText().contains("\(coordinator) recorded"), "\(host.serverText())")
        #expect(try eventCount(on: host, as: coordinator) == before, "part of the cut-off import was recorded")
        let history = try history(on: host, as: coordinator).joined(separator: "\n")
        #expect(!history.contains("L-9"), "a lot from the cut-off import is in the history")
        try expectServerStillServes(host, as: coordinator, expecting: before)
    }

    @Test("a terminal that hangs up after sending its whole approve has it recorded once, and then ends")
    func approveSentWholeThenHungUp() throws {
        try #require(TmuxSession.isAvailable, "tmux is needed")
        let host = try ServerHost("dropapprove")
        defer { host.tearDown() }
        let approver = try host.addUser("appr")
        let coordinator = try host.addUser("coord")
        try host.serveDemo(granting: [(approver, ["approver", "task-force"]), (coordinator, ["coordinator"])])
        try host.proposeDirectedN95(as: approver)
        let before = try eventCount(on: host, as: coordinator)

        let tui = try TmuxSession(
            "dropapprove",
            command: host.shellCommand(as: approver, ["tui", "--connect", host.socket, "--lang", "zh"]))
        defer { tui.kill() }
        try tui.waitFor("第二张清单")
        try tui.send("2")
        try tui.waitFor("R-0001 selected") { $0.contains("▶ R-0001") }

        host.signalServer(SIGSTOP)
        var resumed = false
        defer { if !resumed { host.signalServer(SIGCONT) } }
        try tui.send("a")
        try waitUntil("the approve request queued at the stopped server", timeout: 10) {
            try unreadBytes(at: host.socket) > 0
        }
        tui.kill()
        host.signalServer(SIGCONT)
        resumed = true
        // The request was whole when the terminal went: the server records it, and the terminal,
        // told of its hang-up, ends once the reply is in rather than lingering.
        try waitUntil("the approve to be recorded", timeout: 20) {
            host.serverText().contains("\(approver) recorded event")
        }
        try waitUntil("the hung-up terminal to end", timeout: 40) { liveProcesses(of: approver).isEmpty }

        #expect(try eventCount(on: host, as: coordinator) == before + 1)
        let approvals = try history(on: host, as: coordinator).filter { $0.contains("approved R-0001") }
        #expect(approvals.count == 1, "\(approvals)")
        #expect(approvals.first?.contains("\t\(approver)\t") == true, "\(approvals)")
        try expectServerStillServes(host, as: coordinator, expecting: before + 1)
    }

    @Test("a connection that ends part-way through a message records nothing; the same message whole is recorded")
    func rawSocketHalfFrame() throws {
        let host = try ServerHost("halfframe")
        defer { host.tearDown() }
        let coordinator = try host.addUser("coord")
        // The raw client is this test process, so the kernel names it as the user running the tests.
        try host.serveDemo(granting: [(coordinator, ["coordinator"]), (currentUser, ["approver"])])
        let before = try eventCount(on: host, as: coordinator)

        let body = try WireProtocol.encode(
            ClientMessage.perform(
                id: 1, base: Int64(before), reason: "重复申请",
                events: [try ProposedEvent(.requestRejected(RequestReference(request: "R-0003")))]))
        var length = UInt32(body.count).bigEndian
        let frame = Data(bytes: &length, count: 4) + body
        for (cut, what) in [(2, "half the length"), (4 + body.count / 2, "half the message")] {
            let client = try RawClient(host.socket)
            try client.greet()
            try client.send(frame.prefix(cut))
            client.close()
            try waitUntil("the server to drop the connection cut after \(what)", timeout: 20) {
                host.serverText().components(separatedBy: "\(currentUser) disconnected").count - 1
                    == (cut == 2 ? 1 : 2)
            }
            #expect(try eventCount(on: host, as: coordinator) == before, "\(what) was recorded")
        }

        let whole = try RawClient(host.socket)
        defer { whole.close() }
        try whole.greet()
        try whole.send(frame)
        let reply = try whole.reply(to: 1)
        guard case .performed(_, let sequences) = reply else {
            Issue.record("the whole message was not recorded: \(reply)")
            return
        }
        #expect(sequences == [Int64(before + 1)])
        try expectServerStillServes(host, as: coordinator, expecting: before + 1)
        let history = try history(on: host, as: coordinator)
        #expect(history.filter { $0.contains("rejected R-0003") }.count == 1, "\(history.suffix(3))")
    }
}

// MARK: - Helpers

/// `verify` through the server and directly both pass with `count` events, and a new command is recorded.
private func expectServerStillServes(_ host: ServerHost, as coordinator: String, expecting count: Int) throws {
    let direct = try host.dayclear(as: host.service, ["verify", "--data", host.data.path])
    #expect(direct.succeeded && direct.stdout.hasPrefix("OK: \(count) events"), direct.comment)
    let small = host.root.appendingPathComponent("small-stock.csv")
    try largeStock(rows: 3, firstNumber: 8_000).write(to: small)
    chmod(small.path, 0o644)
    let imported = try host.dayclear(as: coordinator, ["--connect", host.socket, "import", "stock", small.path])
    #expect(imported.succeeded && imported.stdout.contains("Imported 3 stock"), imported.comment)
    #expect(try eventCount(on: host, as: coordinator) == count + 3)
}

/// The number of events `verify` reports through the server (which also checks the chain and every rule).
private func eventCount(on host: ServerHost, as user: String) throws -> Int {
    let result = try host.dayclear(as: user, ["--connect", host.socket, "verify"])
    try #require(result.succeeded, result.comment)
    let words = result.stdout.split(separator: " ")
    return try #require(words.count > 1 ? Int(words[1]) : nil, result.comment)
}

/// A stock file of `rows` new lots, `L-9…` from `firstNumber`, arrived an hour ago.
private func largeStock(rows: Int, firstNumber: Int = 0) -> Data {
    let format = DateFormatter()
    format.dateFormat = "yyyy-MM-dd HH:mm"
    format.timeZone = TimeZone(identifier: "Asia/Shanghai")
    format.locale = Locale(identifier: "en_US_POSIX")
    let arrived = format.string(from: Date().addingTimeInterval(-3600))
    var text = "批次号,物资名称,规格,数量,单位,每箱数量,捐赠方,定向单位,到货时间,预计到达,有效期,价值(元),估值\n"
    for number in firstNumber..<(firstNumber + rows) {
        text += "L-9\(String(format: "%04d", number)),口罩,医用防护N95,100,只,20,某某商会,,\(arrived),,2028-12-31,1000.00,\n"
    }
    return Data(text.utf8)
}

/// The bytes a process has read so far, from any file or socket (`rchar` in /proc/PID/io).
private func bytesRead(by process: pid_t) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/\(process)/io", encoding: .utf8) else { return 0 }
    let line = text.split(separator: "\n").first { $0.hasPrefix("rchar:") }
    return line.flatMap { Int($0.dropFirst("rchar:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
}

/// Whether the process has `path` mapped into memory (the import maps the files it reads).
private func maps(_ process: pid_t, _ path: String) -> Bool {
    (try? String(contentsOfFile: "/proc/\(process)/maps", encoding: .utf8))?.contains(path) ?? false
}

/// A client speaking the wire protocol by hand, so a test can cut a message wherever it likes.
private final class RawClient {
    let socket: FramedSocket

    init(_ path: String) throws { socket = try FramedSocket.connect(to: path) }

    /// Exchanges hellos; the server then sends its history.
    func greet() throws {
        try socket.send(WireProtocol.encode(Hello(program: WireProtocol.name, version: WireProtocol.version, after: 0)))
        let data = try #require(try socket.receive(), "the server closed the connection before greeting")
        let hello = try WireProtocol.decode(Hello.self, from: data)
        try #require(hello.refusal == nil, "refused: \(hello.refusal ?? "")")
    }

    /// Writes raw bytes, framed or not.
    func send(_ bytes: Data) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.send(socket.descriptor, raw.baseAddress! + offset, raw.count - offset, 0)
                if written < 0 && errno == EINTR { continue }
                try #require(written > 0, "send: \(String(cString: strerror(errno)))")
                offset += written
            }
        }
    }

    /// Reads messages, skipping pushed events, until the reply to request `id`.
    func reply(to id: Int64) throws -> ServerMessage {
        while try socket.waitReadable(milliseconds: 20_000) {
            let data = try #require(try socket.receive(), "the server closed the connection")
            let message = try WireProtocol.decode(ServerMessage.self, from: data)
            switch message {
            case .performed(id, _), .refused(id, _): return message
            default: continue
            }
        }
        throw ServerTestError.timedOut("the reply to request \(id)")
    }

    func close() { socket.close() }
}
