import DayClearCore
import Foundation
import Testing

@testable import DayClearStore

/// The hash chain and `verify`: a store edited with the `sqlite3` tool, as
/// someone with access to the file could, is caught at the first bad event.
@Suite("Audit trail")
struct AuditTests {
    /// A sample day (87 imported events) plus proposals and an approval; the
    /// store is closed on return. `proposal` is the number of the first proposal.
    private func preparedStore(in folder: URL) throws -> (published: ChainLink, proposal: Int64) {
        let (store, clock) = try sampleStore(in: folder)
        clock.set("2026-02-10 15:47")
        try store.propose("R-0001", line: 1, lot: "L-0001", 2000)
        let proposal = store.ledger.lastSequence
        try store.propose("R-0001", line: 2, lot: "L-0002", 400)
        try store.propose("R-0001", line: 3, lot: "L-0020", 200)
        try store.approve("R-0001", [1: 1500])
        try store.reject("R-0004", reason: "与 R-0013 重复")
        let log = try #require(store.log as? SQLiteEventLog)
        let head = try #require(try log.chainHead())
        return (ChainLink(sequence: head.sequence, hash: head.hash), proposal)
    }

    /// What `verify` says about the store in `folder`: nil when it passes.
    private func failure(in folder: URL, expecting published: ChainLink? = nil) -> AuditFailure? {
        do {
            _ = try AuditVerifier.verify(DataDirectory(path: dataPath(folder)), expecting: published)
            return nil
        } catch let failure as AuditFailure {
            return failure
        } catch {
            Issue.record("verify threw \(error) instead of an AuditFailure")
            return nil
        }
    }

    /// Runs `sql` with `sqlite3` after dropping the append-only triggers, as an attacker would.
    private func tamper(_ folder: URL, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try sqlite3(
            databasePath(folder),
            "DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete; "
                + sql)
        try #require(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// Recomputes every hash with the store's own code and writes the changed
    /// ones back, leaving a chain consistent with the edited rows.
    private func rewriteChain(_ folder: URL) throws {
        var updates: [String] = []
        do {
            let log = try SQLiteEventLog(path: databasePath(folder), create: false)
            var previous = HashChain.genesis
            try log.forEachStoredEvent { row in
                let hash = HashChain.hash(of: row, after: previous)
                if hash != row.hash {
                    updates.append("UPDATE events SET hash = X'\(HashChain.hex(hash))' WHERE seq = \(row.sequence);")
                }
                previous = hash
            }
        }
        #expect(!updates.isEmpty)
        try tamper(folder, updates.joined(separator: "\n"))
    }

    @Test("a store of a few dozen events verifies, and its head is the last event's hash")
    func cleanStoreVerifies() throws {
        try withTemporaryDirectory { folder in
            let (published, _) = try preparedStore(in: folder)
            let report = try AuditVerifier.verify(DataDirectory(path: dataPath(folder)), expecting: published)
            #expect(report.eventCount == 91 + setUpEventCount)
            #expect(report.head == published)
            #expect(report.warnings.isEmpty)
            #expect(
                try sqlite3(databasePath(folder), "SELECT count(*) FROM events WHERE length(hash) = 32;").stdout
                    == "\(91 + setUpEventCount)"
            )
        }
    }

    @Test("the canonical encoding and both hashes match the documented test vector")
    func testVector() throws {
        let first = StoredEvent(
            sequence: 1, recordedAt: 1_770_706_800_000, actor: Data("li".utf8), reason: nil,
            type: Data("calendarConfigured".utf8),
            payload: Data(#"{"cutoffMinutes":960,"timeZoneIdentifier":"Asia/Shanghai"}"#.utf8), hash: Data())
        let encoding = HashChain.canonicalEncoding(
            sequence: first.sequence, recordedAt: first.recordedAt, actor: first.actor, reason: first.reason,
            type: first.type, payload: first.payload)
        #expect(
            HashChain.hex(encoding)
                == "00000000000000010000019c46598d80000000026c69000000001263616c656e646172436f6e666967757265640000003a"
                + "7b226375746f66664d696e75746573223a3936302c2274696d655a6f6e654964656e746966696572223a22417369612f5368"
                + "616e67686169227d")
        #expect(
            HashChain.hex(HashChain.leaf(of: first))
                == "751337e89b55f2b1e1fabc9d56e6131670f457833a5d317316e702d79d0d2192")
        let firstHash = HashChain.hash(of: first, after: HashChain.genesis)
        #expect(HashChain.hex(firstHash) == "760f6bad8a6adf9c61a33153886df3ed6ddd3dd1c272e4db119c855ff94b73fb")
        let second = StoredEvent(
            sequence: 2, recordedAt: 1_770_706_860_000, actor: Data("王".utf8), reason: Data("重复".utf8),
            type: Data("requestRejected".utf8), payload: Data(#"{"request":"R-0004"}"#.utf8), hash: Data())
        #expect(
            HashChain.hex(HashChain.hash(of: second, after: firstHash))
                == "ff237253e86fb816ccb3ee8ace69f0406ec08f0d142894f8ee9fca5cc97877d7")
        // An empty reason and no reason hash differently.
        var empty = second
        empty.reason = Data()
        var none = second
        none.reason = nil
        #expect(HashChain.leaf(of: empty) != HashChain.leaf(of: none))
    }

    @Test("an altered payload is named")
    func alteredPayload() throws {
        try withTemporaryDirectory { folder in
            _ = try preparedStore(in: folder)
            try tamper(
                folder, #"UPDATE events SET payload = replace(payload, '"quantity":', '"quantity":9') WHERE seq = 40;"#)
            let found = try #require(failure(in: folder))
            #expect(found.sequence == 40)
            #expect(found.actor == "coordinator")
            #expect(found.time?.hasPrefix("2026-02-10 15:45") == true, "\(found)")
            #expect(found.problem.contains("hash does not match"), "\(found)")
        }
    }

    @Test("an altered actor, time or reason is named")
    func alteredMetadata() throws {
        for (sql, sequence) in [
            ("UPDATE events SET actor = 'someone' WHERE seq = 12;", 12),
            ("UPDATE events SET recorded_at = recorded_at + 60000 WHERE seq = 33;", 33),
            ("UPDATE events SET reason = '另有原因' WHERE seq = 92;", 92),
            ("UPDATE events SET reason = '' WHERE seq = 91;", 91),
        ] {
            try withTemporaryDirectory { folder in
                _ = try preparedStore(in: folder)
                try tamper(folder, sql)
                #expect(failure(in: folder)?.sequence == Int64(sequence), "\(sql)")
            }
        }
    }

    @Test("a deleted row is named as missing")
    func deletedRow() throws {
        try withTemporaryDirectory { folder in
            _ = try preparedStore(in: folder)
            try tamper(folder, "DELETE FROM events WHERE seq = 30;")
            let found = try #require(failure(in: folder))
            #expect(found.sequence == 30)
            #expect(found.problem.contains("missing"), "\(found)")
        }
    }

    @Test("two rows with swapped numbers: the first is named")
    func swappedRows() throws {
        try withTemporaryDirectory { folder in
            _ = try preparedStore(in: folder)
            try tamper(
                folder,
                """
                UPDATE events SET seq = -1 WHERE seq = 20;
                UPDATE events SET seq = 20 WHERE seq = 25;
                UPDATE events SET seq = 25 WHERE seq = -1;
                """)
            let found = try #require(failure(in: folder))
            #expect(found.sequence == 20)
            #expect(found.problem.contains("hash does not match"), "\(found)")
        }
    }

    @Test("a truncated tail is named from its first missing event")
    func truncatedTail() throws {
        try withTemporaryDirectory { folder in
            _ = try preparedStore(in: folder)
            try tamper(folder, "DELETE FROM events WHERE seq > 60;")
            let found = try #require(failure(in: folder))
            #expect(found.sequence == 61)
            #expect(found.problem.contains("\(91 + setUpEventCount)"), "\(found)")
        }
    }

    @Test("a tail truncated along with SQLite's own counter is caught by the published pair")
    func truncatedTailAndCounter() throws {
        try withTemporaryDirectory { folder in
            let (published, _) = try preparedStore(in: folder)
            try tamper(
                folder, "DELETE FROM events WHERE seq > 60; UPDATE sqlite_sequence SET seq = 60 WHERE name = 'events';")
            #expect(failure(in: folder) == nil)
            let found = try #require(failure(in: folder, expecting: published))
            #expect(found.sequence == published.sequence)
            #expect(found.problem.contains("missing"), "\(found)")
        }
    }

    @Test("a consistent rewrite of the whole chain passes plain verify but not the published pair")
    func consistentRewrite() throws {
        try withTemporaryDirectory { folder in
            let (published, _) = try preparedStore(in: folder)
            let earlier = try #require(try SQLiteEventLog(path: databasePath(folder), create: false).hash(of: 60))
            try tamper(
                folder, #"UPDATE events SET payload = replace(payload, '"donor":"', '"donor":"某') WHERE seq = 40;"#)
            #expect(failure(in: folder)?.sequence == 40)
            try rewriteChain(folder)
            #expect(failure(in: folder) == nil, "a rewritten chain is self-consistent")
            let found = try #require(failure(in: folder, expecting: published))
            #expect(found.sequence == published.sequence)
            #expect(found.problem.contains("rewritten"), "\(found)")
            // Any pair published after event 40 and before the edit catches it too.
            #expect(failure(in: folder, expecting: ChainLink(sequence: 60, hash: earlier))?.sequence == 60)
        }
    }

    @Test("a rewritten event the rules refuse is named even when the chain is consistent")
    func replayRefused() throws {
        try withTemporaryDirectory { folder in
            let (_, proposal) = try preparedStore(in: folder)
            try tamper(
                folder,
                #"UPDATE events SET payload = replace(payload, '"quantity":2000', '"quantity":99999999') WHERE seq = \#(proposal);"#
            )
            try rewriteChain(folder)
            let found = try #require(failure(in: folder))
            #expect(found.sequence == proposal)
            #expect(found.problem.contains("does not apply"), "\(found)")
        }
    }

    @Test("an unreadable event with a consistent chain is named")
    func unreadableEvent() throws {
        try withTemporaryDirectory { folder in
            _ = try preparedStore(in: folder)
            try tamper(folder, "UPDATE events SET payload = 'not json' WHERE seq = 50;")
            try rewriteChain(folder)
            let found = try #require(failure(in: folder))
            #expect(found.sequence == 50)
            #expect(found.problem.contains("cannot be read"), "\(found)")
        }
    }

    @Test("dropped triggers alone leave the history valid but are reported")
    func droppedTriggers() throws {
        try withTemporaryDirectory { folder in
            _ = try preparedStore(in: folder)
            try tamper(folder, "SELECT 1;")
            let report = try AuditVerifier.verify(DataDirectory(path: dataPath(folder)))
            #expect(report.warnings.count == 2)
            #expect(report.warnings.allSatisfy { $0.contains("append-only trigger") })
        }
    }

    @Test("a store without the hash column is refused, not extended unchained")
    func missingHashColumn() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("old.sqlite").path
            let created = try sqlite3(
                path,
                """
                CREATE TABLE events (seq INTEGER PRIMARY KEY, recorded_at INTEGER NOT NULL, actor TEXT NOT NULL,
                    reason TEXT, type TEXT NOT NULL, payload TEXT NOT NULL);
                PRAGMA user_version = 1;
                """)
            try #require(created.status == 0, "\(created.stderr)")
            let error = thrownError { _ = try SQLiteEventLog(path: path, create: false) }
            guard case .corrupt(let what) = error as? StoreError else {
                Issue.record("expected corrupt, got \(String(describing: error))")
                return
            }
            #expect(what.contains("hash"))
        }
    }

    @Test("the day-end disclosure ends with the last event number and its chain hash")
    func disclosurePublishesHead() throws {
        try withTemporaryDirectory { folder in
            let (published, _) = try preparedStore(in: folder)
            let store = try openStore(in: folder, clock: TestClock("2026-02-10 15:50"))
            let export = try DayEndExport(store: store, day: Sample.day)
            let rows = export.disclosureRows.suffix(2)
            #expect(rows.map { $0[1] } == ["末事件序号", "链头哈希"])
            #expect(rows.map { $0[2] } == ["\(published.sequence)", HashChain.hex(published.hash)])
        }
    }
}
