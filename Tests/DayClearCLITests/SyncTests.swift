import Foundation
import Testing

/// One system call from an `strace -y` log: its name and the first argument as strace shows it.
private struct TracedCall {
    var name: String
    var target: String
    var line: String

    /// Parses `4242 pwrite64(5</tmp/x/dayclear.sqlite-wal>, "…", 4120, 0) = 4120`.
    init?(_ line: String) {
        let body = line.drop { $0.isNumber || $0 == " " }
        guard let open = body.firstIndex(of: "(") else { return nil }
        name = String(body[..<open])
        let rest = body[body.index(after: open)...]
        target = String(rest.prefix { $0 != "," && $0 != ")" })
        self.line = line
    }
}

@Suite("each acknowledged command was synced")
struct SyncTests {
    static let traced = "write,pwrite64,fsync,fdatasync"

    /// Runs `dayclear` under strace and returns the traced calls and what it printed.
    private func traced(_ arguments: [String], sandbox: Sandbox) throws -> (calls: [TracedCall], result: RunResult) {
        let log = sandbox.path("strace-\(UUID().uuidString.prefix(6)).log")
        let binary = try #require(Package.binary)
        let result = try runSystemTool(
            "strace",
            ["-f", "-y", "-qq", "-s", "256", "-e", "trace=\(Self.traced)", "-o", log, binary.path] + arguments)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        return (text.split(separator: "\n").compactMap { TracedCall(String($0)) }, result)
    }

    @Test(
        "propose, approve and import: the WAL is synced after the last write to it and before success is printed",
        .enabled(if: toolWorks("strace", ["-o", "/dev/null", "true"]), "needs strace allowed to trace")
    )
    func syncedBeforeAcknowledged() throws {
        let sandbox = try Sandbox.withSampleDay()
        let lists = try sandbox.listsJSON()
        let row = try #require(
            lists.stock.first { ($0.string("directed_to") ?? "").isEmpty && ($0.int("free") ?? 0) >= 10 })
        let lot = try #require(row.string("lot"))
        let request = try #require(
            lists.requests.first { $0.string("kind") == row.string("kind") && $0.string("spec") == row.string("spec") }?
                .string("request"))
        let stock = sandbox.path("more.csv")
        try Data("批次号,物资名称,规格,数量,单位,捐赠方,到货时间\nS-1,口罩,KN95,7,只,某人,2026-02-10 09:00\n".utf8)
            .write(to: URL(fileURLWithPath: stock))
        let data = ["--data", sandbox.data.path]

        for arguments in [
            ["propose", request, "--lot", lot, "--quantity", "10"], ["approve", request], ["import", "stock", stock],
        ] {
            let (calls, result) = try traced(arguments + data, sandbox: sandbox)
            try #require(result.status == 0, result.comment)
            let printed = try #require(
                calls.lastIndex { $0.name == "write" && $0.target.hasPrefix("1<") },
                "the success message is written to stdout: \(result)")
            let walWrites = calls[..<printed].indices.filter {
                ["write", "pwrite64"].contains(calls[$0].name) && calls[$0].target.hasSuffix("dayclear.sqlite-wal>")
            }
            let lastWrite = try #require(walWrites.last, "\(arguments[0]) wrote to the WAL")
            let syncs = calls[(lastWrite + 1)..<printed].filter {
                ["fsync", "fdatasync"].contains($0.name) && $0.target.hasSuffix("dayclear.sqlite-wal>")
            }
            #expect(
                !syncs.isEmpty,
                "\(arguments[0]): no sync of the WAL between its last write and the success message:\n\(calls[lastWrite...printed].map(\.line).joined(separator: "\n"))"
            )
        }
    }
}
