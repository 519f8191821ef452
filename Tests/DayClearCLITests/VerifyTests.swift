import DayClearStore
import Foundation
import Testing

/// `dayclear verify` as an auditor runs it: exit status and messages.
@Suite("dayclear verify")
struct VerifyTests {
    /// The `末事件序号` and `链头哈希` rows of the day-end disclosure, as `SEQ:HASH`.
    private func publishedPair(_ sandbox: Sandbox) throws -> String {
        let out = sandbox.path("published")
        let exported = try sandbox.dayclear("export", "day-end", "--out", out)
        try #require(exported.succeeded, exported.comment)
        let day = try sandbox.listsJSON().day
        let disclosure = try CSVFile(path: "\(out)/\(day)-disclosure.csv")
        let sequence = try #require(disclosure.records.first { $0["物资名称"] == "末事件序号" }?["规格"])
        let hash = try #require(disclosure.records.first { $0["物资名称"] == "链头哈希" }?["规格"])
        #expect(hash.count == 64, "\(disclosure.records.suffix(2))")
        return "\(sequence):\(hash)"
    }

    private func sqlite(_ sandbox: Sandbox, _ sql: String) throws {
        let result = try runTool(
            "sqlite3",
            [
                sandbox.data.appendingPathComponent("dayclear.sqlite").path,
                "DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete; "
                    + "DROP TRIGGER IF EXISTS checkpoints_append_only_update; "
                    + "DROP TRIGGER IF EXISTS checkpoints_append_only_delete; " + sql,
            ])
        try #require(result.status == 0, "\(result.stderr)")
    }

    @Test("a fresh sample day verifies and prints the count and the head the disclosure published")
    func passes() throws {
        let sandbox = try Sandbox.withSampleDay()
        let pair = try publishedPair(sandbox)
        let plain = try sandbox.dayclear("verify")
        #expect(plain.status == 0, plain.comment)
        #expect(plain.stdout.contains("92 events, chain head \(pair)"), plain.comment)
        let expected = try sandbox.dayclear("verify", "--expect", pair)
        #expect(expected.status == 0, expected.comment)
        #expect(expected.stdout.contains("matches the published pair"), expected.comment)
    }

    @Test("an edited event fails with its number, time and actor")
    func editedEvent() throws {
        let sandbox = try Sandbox.withSampleDay()
        try sqlite(sandbox, "UPDATE events SET actor = 'nobody' WHERE seq = 20;")
        let result = try sandbox.dayclear("verify")
        #expect(result.status == 1, result.comment)
        #expect(result.stderr.contains("verify FAILED: event 20 ("), result.comment)
        #expect(result.stderr.contains("by nobody"), result.comment)
        #expect(result.stdout.isEmpty, result.comment)
    }

    @Test("a whole chain rewritten after publication fails at the export's signed checkpoint and at --expect")
    func rewrittenHistory() throws {
        let sandbox = try Sandbox.withSampleDay()
        let pair = try publishedPair(sandbox)
        try sqlite(sandbox, #"UPDATE events SET payload = replace(payload, '"donor":"', '"donor":"某') WHERE seq = 40;"#)
        let edited = try sandbox.dayclear("verify")
        #expect(edited.status == 1, edited.comment)
        #expect(edited.stderr.contains("event 40 ("), edited.comment)

        var updates: [String] = []
        do {
            let log = try SQLiteEventLog(
                path: sandbox.data.appendingPathComponent("dayclear.sqlite").path, create: false)
            var previous = HashChain.genesis
            try log.forEachStoredEvent { row in
                previous = HashChain.hash(of: row, after: previous)
                updates.append("UPDATE events SET hash = X'\(HashChain.hex(previous))' WHERE seq = \(row.sequence);")
            }
        }
        try sqlite(sandbox, updates.joined(separator: "\n"))
        // The chain alone is consistent again; the checkpoint the export signed at event 92 is not.
        let plain = try sandbox.dayclear("verify")
        #expect(plain.status == 1, plain.comment)
        #expect(plain.stderr.contains("verify FAILED: checkpoint at event 92 (signed "), plain.comment)
        #expect(plain.stderr.contains("rewritten after it was signed"), plain.comment)
        let expected = try sandbox.dayclear("verify", "--expect", pair)
        #expect(expected.status == 1, expected.comment)
        #expect(expected.stderr.contains("event 92"), expected.comment)
        #expect(expected.stderr.contains("rewritten"), expected.comment)
        #expect(expected.stderr.contains("warning: the append-only trigger"), expected.comment)
    }

    /// Exports the day-end files into `out` and returns the public key file it wrote.
    private func exportedKey(_ sandbox: Sandbox, out: String) throws -> String {
        let exported = try sandbox.dayclear("export", "day-end", "--out", out)
        try #require(exported.succeeded, exported.comment)
        let key = "\(out)/\(try sandbox.listsJSON().day)-checkpoint-public-key.pem"
        #expect(exported.stdout.contains(key), exported.comment)
        #expect(exported.stdout.contains("Checkpoint at event 92 (day-end, signed "), exported.comment)
        return key
    }

    @Test("verify --public-key with the key from the export passes; a changed signature or another centre's key fails")
    func signedCheckpoints() throws {
        let sandbox = try Sandbox.withSampleDay()
        let key = try exportedKey(sandbox, out: sandbox.path("published"))
        let checked = try sandbox.dayclear("verify", "--public-key", key)
        #expect(checked.status == 0, checked.comment)
        #expect(checked.stdout.contains("checkpoints: 1 signed, all by the given public key"), checked.comment)

        let elsewhere = try Sandbox.withSampleDay("elsewhere")
        let otherKey = try exportedKey(elsewhere, out: elsewhere.path("published"))
        let other = try sandbox.dayclear("verify", "--public-key", otherKey)
        #expect(other.status == 1, other.comment)
        #expect(other.stderr.contains("verify FAILED: checkpoint at event 92 (signed "), other.comment)
        #expect(other.stderr.contains("not by the given public key"), other.comment)

        try sqlite(
            sandbox,
            "UPDATE checkpoints SET signature = CAST(iif(substr(signature, 1, 1) = X'00', X'01', X'00') || substr(signature, 2) AS BLOB);"
        )
        let changed = try sandbox.dayclear("verify", "--public-key", key)
        #expect(changed.status == 1, changed.comment)
        #expect(changed.stderr.contains("verify FAILED: checkpoint at event 92 (signed "), changed.comment)
        #expect(changed.stderr.contains("signature does not verify"), changed.comment)
        #expect(changed.stdout.isEmpty, changed.comment)

        let notAKey = try sandbox.dayclear("verify", "--public-key", Package.sample("stock"))
        #expect(notAKey.status == 64, notAKey.comment)
        #expect(notAKey.stderr.contains("--public-key"), notAKey.comment)
    }

    @Test("verify --checkpoints: the exported rows must still be stored, even with SQLite's counter patched")
    func exportedCheckpointsFile() throws {
        let sandbox = try Sandbox.withSampleDay()
        let key = try exportedKey(sandbox, out: sandbox.path("first"))
        let rejected = try sandbox.dayclear("reject", "R-0003", "--reason", "重复申请")
        try #require(rejected.succeeded, rejected.comment)
        let second = try sandbox.dayclear("export", "day-end", "--out", sandbox.path("second"))
        try #require(second.succeeded, second.comment)
        let file = sandbox.path("second") + "/\(try sandbox.listsJSON().day)-checkpoints.csv"
        let held = try sandbox.dayclear("verify", "--public-key", key, "--checkpoints", file)
        #expect(held.status == 0, held.comment)
        #expect(held.stdout.contains("2 exported checkpoints, each signed by the given public key"), held.comment)

        // The newest event and its checkpoint deleted, both counters patched: the store alone passes.
        try sqlite(
            sandbox,
            "DELETE FROM events WHERE seq = 93; UPDATE sqlite_sequence SET seq = 92 WHERE name = 'events'; "
                + "DELETE FROM checkpoints WHERE event_count = 93; "
                + "UPDATE sqlite_sequence SET seq = 1 WHERE name = 'checkpoints';")
        let alone = try sandbox.dayclear("verify", "--public-key", key)
        #expect(alone.status == 0, alone.comment)
        let caught = try sandbox.dayclear("verify", "--public-key", key, "--checkpoints", file)
        #expect(caught.status == 1, caught.comment)
        #expect(caught.stderr.contains("row 3 (checkpoint at event 93)"), caught.comment)
        #expect(caught.stderr.contains("the store no longer holds this signed checkpoint"), caught.comment)

        let unkeyed = try sandbox.dayclear("verify", "--checkpoints", file)
        #expect(unkeyed.status == 64, unkeyed.comment)
        #expect(unkeyed.stderr.contains("--checkpoints needs --public-key"), unkeyed.comment)
    }

    @Test("init under umask 000 still makes the signing key readable by its owner only")
    func keyModeIgnoresUmask() throws {
        let sandbox = try Sandbox()
        let binary = try #require(Package.binary?.path)
        let initialised = try runProgram(
            "/bin/sh", ["-c", #"umask 000 && exec "$0" init --data "$1""#, binary, sandbox.data.path])
        try #require(initialised.succeeded, initialised.comment)
        let key = sandbox.data.appendingPathComponent("checkpoint.key").path
        let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(initialised.stdout.contains("Checkpoints are signed with \(key)"), initialised.comment)
    }

    @Test("a malformed --expect is a usage error naming the option")
    func malformedExpect() throws {
        let sandbox = try Sandbox.withSampleDay()
        for bad in ["87", "87:abc", "x:" + String(repeating: "0", count: 64), "0:" + String(repeating: "0", count: 64)]
        {
            let result = try sandbox.dayclear("verify", "--expect", bad)
            #expect(result.status == 64, result.comment)
            #expect(result.stderr.contains("--expect"), result.comment)
        }
    }

    @Test("a missing data directory says how to create one")
    func noStore() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.dayclear("verify")
        #expect(result.status != 0, result.comment)
        #expect(result.stderr.contains("dayclear init"), result.comment)
    }
}

/// Runs a tool found on the PATH.
private func runTool(_ tool: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
