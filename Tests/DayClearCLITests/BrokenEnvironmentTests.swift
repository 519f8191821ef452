import Foundation
import Testing

/// A request with a proposal, ready to approve, in a sample day.
private func proposedRequest(_ sandbox: Sandbox) throws -> String {
    let lists = try sandbox.listsJSON()
    for row in lists.stock where (row.string("directed_to") ?? "").isEmpty && (row.int("free") ?? 0) >= 10 {
        guard
            let request = lists.requests.first(where: {
                $0.string("kind") == row.string("kind") && $0.string("spec") == row.string("spec")
            })?.string("request"), let lot = row.string("lot")
        else { continue }
        let proposed = try sandbox.dayclear("propose", request, "--lot", lot, "--quantity", "10")
        try #require(proposed.succeeded, proposed.comment)
        return request
    }
    return try #require(nil as String?, "the sample day has a free lot that a request asks for")
}

/// The event log as `sqlite3` sees it, for comparing before and after.
private func dump(_ sandbox: Sandbox) throws -> String {
    let result = try runSystemTool(
        "sqlite3", [sandbox.data.appendingPathComponent("dayclear.sqlite").path, "SELECT seq, hash FROM events;"])
    try #require(result.succeeded, result.comment)
    return result.stdout
}

/// A command refused by the environment: said so plainly, recorded nothing; the store verifies.
private func expectNothingSaved(
    _ result: RunResult, mentions: [String], sandbox: Sandbox, before: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    #expect(result.status == 1, result.comment, sourceLocation: sourceLocation)
    #expect(!result.stdout.contains("(event "), result.comment, sourceLocation: sourceLocation)
    for word in mentions {
        #expect(result.stderr.contains(word), "stderr should say \(word): \(result)", sourceLocation: sourceLocation)
    }
    #expect(try dump(sandbox) == before, "the store changed", sourceLocation: sourceLocation)
    let verified = try sandbox.dayclear("verify")
    #expect(verified.status == 0, verified.comment, sourceLocation: sourceLocation)
}

@Suite("broken environments end in a clear message and no damage", .serialized)
struct BrokenEnvironmentTests {
    @Test("a store written by a newer version is refused by every command and left byte for byte")
    func newerFormat() throws {
        let sandbox = try Sandbox.withSampleDay()
        let request = try proposedRequest(sandbox)
        let database = sandbox.data.appendingPathComponent("dayclear.sqlite").path
        try #require(try runSystemTool("sqlite3", [database, "PRAGMA user_version = 7;"]).succeeded)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: database))
        for arguments in [["approve", request], ["lists"], ["verify"], ["history"]] {
            let result = try sandbox.dayclear(arguments: arguments)
            #expect(result.status != 0, result.comment)
            #expect(result.stderr.contains("written by a newer DayClear (format 7"), result.comment)
            #expect(result.stderr.contains("reads up to 2"), result.comment)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == bytes)
    }

    @Test("a database locked past the wait names the holder and saves nothing; it works once released")
    func lockedPastTimeout() throws {
        let sandbox = try Sandbox.withSampleDay()
        let request = try proposedRequest(sandbox)
        let database = sandbox.data.appendingPathComponent("dayclear.sqlite").path
        let before = try dump(sandbox)

        // Another program holds the write lock: a sqlite3 shell inside BEGIN IMMEDIATE.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", database]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        // The shell waits for the lock rather than failing when one of the probes below holds it
        // for an instant (its default busy timeout is zero).
        try input.fileHandleForWriting.write(contentsOf: Data(".timeout 10000\nBEGIN IMMEDIATE;\n".utf8))
        // Wait (with a deadline) until a second writer is really shut out.
        let deadline = Date().addingTimeInterval(10)
        var locked = false
        while !locked, Date() < deadline {
            let probe = try runSystemTool("sqlite3", [database, "BEGIN IMMEDIATE; ROLLBACK;"])
            locked = probe.stderr.contains("locked")
        }
        try #require(locked, "the sqlite3 shell did not take the write lock")

        let result = try sandbox.dayclear("approve", request)
        try expectNothingSaved(
            result, mentions: ["not saved", "locked by process", "(sqlite3)", "nothing was recorded"], sandbox: sandbox,
            before: before)

        try input.fileHandleForWriting.write(contentsOf: Data("ROLLBACK;\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        let approved = try sandbox.dayclear("approve", request)
        #expect(approved.status == 0, approved.comment)
    }

    @Test(
        "a read-only data directory is named and nothing is written",
        .enabled(if: TestMount.available, "needs root with CAP_SYS_ADMIN for a read-only bind mount"))
    func readOnlyDirectory() throws {
        let sandbox = try Sandbox.withSampleDay()
        let request = try proposedRequest(sandbox)
        let before = try dump(sandbox)
        let view = sandbox.path("read-only-view")
        try TestMount.readOnlyBind(sandbox.data.path, at: view)
        defer { TestMount.unmount(view) }

        for arguments in [["approve", request], ["lists"]] {
            let result = try run(arguments + ["--data", view])
            #expect(result.status == 1, result.comment)
            #expect(result.stderr.contains("\(view) is read-only: nothing was saved"), result.comment)
        }
        TestMount.unmount(view)
        #expect(try dump(sandbox) == before)
        let approved = try sandbox.dayclear("approve", request)
        #expect(approved.status == 0, approved.comment)
    }

    @Test(
        "a full disk: the command says not saved and why, records nothing, and works once there is room",
        .enabled(if: TestMount.available, "needs root with CAP_SYS_ADMIN to mount a small tmpfs"))
    func diskFull() throws {
        let disk = FileManager.default.temporaryDirectory.appendingPathComponent("dayclear-small-disk-\(getpid())").path
        try TestMount.tmpfs(at: disk, bytes: 4 << 20)
        defer {
            TestMount.unmount(disk)
            try? FileManager.default.removeItem(atPath: disk)
        }
        let onDisk = try Sandbox.withSampleDay(data: URL(fileURLWithPath: disk + "/data"))
        let request = try proposedRequest(onDisk)
        let before = try dump(onDisk)

        // Fill the disk.
        let filler = disk + "/filler"
        try #require(FileManager.default.createFile(atPath: filler, contents: nil), "cannot create \(filler)")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: filler))
        let chunk = Data(count: 64 << 10)
        var written = 0
        while (try? handle.write(contentsOf: chunk)) != nil, written < 8 << 20 { written += chunk.count }
        let small = Data(count: 512)
        while (try? handle.write(contentsOf: small)) != nil {}
        try? handle.close()

        let result = try onDisk.dayclear("approve", request)
        #expect(result.status == 1, result.comment)
        #expect(result.stderr.contains("not saved"), result.comment)
        #expect(result.stderr.contains("is full"), result.comment)

        try FileManager.default.removeItem(atPath: filler)
        try expectNothingSaved(result, mentions: [], sandbox: onDisk, before: before)
        let approved = try onDisk.dayclear("approve", request)
        #expect(approved.status == 0, approved.comment)
    }
}
