import Crypto
import DayClearCore
import Foundation
import Testing

@testable import DayClearStore

/// Signed checkpoints: the key file, when checkpoints are signed, and `verify` catching a changed
/// signature, a history rewritten with a consistent chain, and a store re-signed with another key.
@Suite("Signed checkpoints")
struct CheckpointTests {
    /// A checkpoint every this many events in these tests.
    private static let interval: Int64 = 10

    /// The sample day imported through a store that signs every 10 events, then a day-end export.
    private func signedStore(in folder: URL) throws -> (store: LedgerStore, export: DayEndExport) {
        let clock = TestClock("2026-02-10 15:45")
        _ = try makeStore(in: folder, clock: clock)
        let store = try DataDirectory(path: dataPath(folder)).open(
            actor: "supervisor", checkpointEvery: Self.interval, clock: clock.function)
        try importSamples(into: store, clock: clock)
        clock.set("2026-02-10 15:50")
        try store.propose("R-0001", line: 1, lot: "L-0001", 2000)
        clock.set("2026-02-10 15:55")
        let export = try DayEndExport(store: store, day: Sample.day)
        _ = try export.write(to: folder.appendingPathComponent("export"))
        return (store, export)
    }

    private func keyPath(_ folder: URL) -> String {
        URL(fileURLWithPath: dataPath(folder)).appendingPathComponent(CheckpointKeyFile.fileName).path
    }

    private func publicKey(_ folder: URL) throws -> Data {
        try CheckpointKeyFile.load(path: keyPath(folder)).publicKey
    }

    private func checkpoints(_ folder: URL) throws -> [SignedCheckpoint] {
        try SQLiteEventLog(path: databasePath(folder), create: false).checkpoints()
    }

    /// Runs `sql` with every append-only trigger dropped, as someone with the file could.
    private func tamper(_ folder: URL, _ sql: String) throws {
        let triggers = [
            "events_append_only_update", "events_append_only_delete", "checkpoints_append_only_update",
            "checkpoints_append_only_delete",
        ]
        let result = try sqlite3(
            databasePath(folder), triggers.map { "DROP TRIGGER IF EXISTS \($0);" }.joined() + sql)
        try #require(result.status == 0, "\(result.stderr)")
    }

    private func verifyFailure(_ folder: URL, trusting keys: [Data] = []) -> AuditFailure? {
        thrownError { _ = try AuditVerifier.verify(DataDirectory(path: dataPath(folder)), trusting: keys) }
            as? AuditFailure
    }

    /// Changes the donor of event 40, recomputes every chain hash after it with the store's own
    /// code, and, with `patchCheckpoints`, writes the new heads into the checkpoints too: everything
    /// but the signatures then agrees.
    private func rewriteHistory(_ folder: URL, patchCheckpoints: Bool) throws -> [Int64: Data] {
        try tamper(folder, #"UPDATE events SET payload = replace(payload, '"donor":"', '"donor":"某') WHERE seq = 40;"#)
        var updates: [String] = []
        var heads: [Int64: Data] = [:]
        let log = try SQLiteEventLog(path: databasePath(folder), create: false)
        var previous = HashChain.genesis
        try log.forEachStoredEvent { row in
            previous = HashChain.hash(of: row, after: previous)
            heads[row.sequence] = previous
            updates.append("UPDATE events SET hash = X'\(HashChain.hex(previous))' WHERE seq = \(row.sequence);")
        }
        if patchCheckpoints {
            for signed in try log.checkpoints() {
                let count = signed.checkpoint.count
                updates.append(
                    "UPDATE checkpoints SET head = X'\(HashChain.hex(heads[count]!))' WHERE event_count = \(count);")
            }
        }
        try tamper(folder, updates.joined(separator: "\n"))
        return heads
    }

    @Test("the key file is created with mode 600 and refused, naming it, when others may read it or it is not a key")
    func keyFile() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            _ = try makeStore(in: folder, clock: clock)
            let path = keyPath(folder)
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
            _ = try DataDirectory(path: dataPath(folder)).open(actor: "supervisor", clock: clock.function)

            for wider in [0o640, 0o604, 0o644] {
                chmod(path, mode_t(wider))
                let error = thrownError {
                    _ = try DataDirectory(path: dataPath(folder)).open(actor: "supervisor", clock: clock.function)
                }
                guard case .checkpointKey(let what) = error as? StoreError else {
                    Issue.record("mode \(String(wider, radix: 8)) was accepted: \(String(describing: error))")
                    continue
                }
                #expect(what.contains(path) && what.contains("mode \(String(wider, radix: 8))"), "\(what)")
            }
            chmod(path, 0o600)
            let key = try Data(contentsOf: URL(fileURLWithPath: path))
            try Data("not a key\n".utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            let malformed = thrownError {
                _ = try DataDirectory(path: dataPath(folder)).open(actor: "supervisor", clock: clock.function)
            }
            #expect(
                (malformed as? StoreError)?.description.contains("\(path) is not an Ed25519 private key") == true,
                "\(String(describing: malformed))")
            try key.write(to: URL(fileURLWithPath: path))
            _ = try DataDirectory(path: dataPath(folder)).open(actor: "supervisor", clock: clock.function)
        }
    }

    @Test("the kind is signed: a periodic checkpoint relabelled day-end fails its signature, an unknown kind is named")
    func kindIsSigned() throws {
        try withTemporaryDirectory { folder in
            _ = try signedStore(in: folder)
            let first = try #require(try checkpoints(folder).first)
            #expect(first.kind == .interval)
            try tamper(folder, "UPDATE checkpoints SET kind = 'day-end' WHERE id = 1;")
            let relabelled = try #require(verifyFailure(folder))
            #expect(relabelled.checkpoint?.contains("day-end") == true, "\(relabelled)")
            #expect(relabelled.problem.contains("signature does not verify"), "\(relabelled)")

            try tamper(
                folder, "PRAGMA ignore_check_constraints = ON; UPDATE checkpoints SET kind = 'hourly' WHERE id = 1;")
            let unknown = try #require(verifyFailure(folder))
            #expect(unknown.checkpoint == "checkpoint 1 at event \(first.checkpoint.count)", "\(unknown)")
            #expect(unknown.problem.contains("its kind is \"hourly\""), "\(unknown)")
        }
    }

    @Test("a public key file with CRLF line ends reads as the same key")
    func crlfPublicKey() throws {
        let raw = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation
        let text = try #require(CheckpointPublicKey(raw: raw)).fileText(origin: "dayclear/test")
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(crlf.contains("-----BEGIN PUBLIC KEY-----\r\n"))
        #expect(CheckpointPublicKey(pem: crlf)?.raw == raw)
    }

    @Test("a partial key file left by an earlier process with this pid does not block creating the key")
    func leftoverPartialKeyFile() throws {
        try withTemporaryDirectory { folder in
            let partial = folder.appendingPathComponent(".\(CheckpointKeyFile.fileName).\(getpid()).partial")
            try Data("half a key".utf8).write(to: partial)
            let (key, created) = try CheckpointKeyFile.loadOrCreate(in: folder)
            #expect(created)
            #expect(try CheckpointKeyFile.load(path: key.path).publicKey == key.publicKey)
            #expect(!FileManager.default.fileExists(atPath: partial.path))
        }
    }

    @Test("a checkpoint at every multiple of N events, in the transaction of that event, and one at the day-end export")
    func signedEveryNAndAtDayEnd() throws {
        try withTemporaryDirectory { folder in
            let (store, export) = try signedStore(in: folder)
            let log = try #require(store.log as? SQLiteEventLog)
            let last = Int64(store.ledger.lastSequence)
            let stored = try checkpoints(folder)
            let periodic = stored.filter { $0.kind == .interval }
            // Events 1 … 11 (the calendar and the roles) were recorded before the store signed every 10.
            let multiples: [Int64] = Array(stride(from: 2 * Self.interval, through: last, by: Int(Self.interval)))
            #expect(periodic.map { $0.checkpoint.count } == multiples)
            let key = try publicKey(folder)
            for signed in stored {
                #expect(signed.checkpoint.head == (try log.hash(of: signed.checkpoint.count)))
                #expect(signed.checkpoint.origin == log.origin && log.origin.hasPrefix("dayclear/"))
                #expect(signed.publicKey == key)
                #expect(signed.isSigned(by: key))
            }
            let dayEnd = try #require(stored.last)
            #expect(dayEnd.kind == .dayEnd && dayEnd.checkpoint.count == last)
            #expect(export.checkpoints?.signed == dayEnd)

            // A second export at the same event reuses the checkpoint.
            _ = try DayEndExport(store: store, day: Sample.day)
            #expect(try checkpoints(folder).count == stored.count)

            let exported = folder.appendingPathComponent("export")
            let pem = try String(
                contentsOf: exported.appendingPathComponent("2026-02-10-checkpoint-public-key.pem"), encoding: .utf8)
            #expect(CheckpointPublicKey(pem: pem)?.raw == key)
            #expect(pem.contains(CheckpointPublicKey.fingerprint(of: key)))
            let table = try CSVReader.read(
                Data(contentsOf: exported.appendingPathComponent("2026-02-10-checkpoints.csv")))
            #expect(table.records.count == stored.count)
            let row = try #require(table.records.last)
            #expect(row.fields.first == "\(last)")
            #expect(row.fields.contains(HashChain.hex(dayEnd.signature)))
        }
    }

    @Test("an untouched store verifies, its checkpoints against their own key and against the kept key")
    func untouchedVerifies() throws {
        try withTemporaryDirectory { folder in
            let (_, export) = try signedStore(in: folder)
            let key = try publicKey(folder)
            let stored = try checkpoints(folder)
            for keys in [[], [key]] {
                let report = try AuditVerifier.verify(DataDirectory(path: dataPath(folder)), trusting: keys)
                #expect(report.checkpoints == stored.count)
                #expect(report.signingKeys == [CheckpointPublicKey.fingerprint(of: key)])
                #expect(report.head?.sequence == export.checkpoints?.signed.checkpoint.count)
            }
        }
    }

    @Test("a signature byte changed with sqlite3 fails naming the checkpoint's event count and time")
    func changedSignature() throws {
        try withTemporaryDirectory { folder in
            _ = try signedStore(in: folder)
            try tamper(
                folder,
                "UPDATE checkpoints SET signature = CAST(iif(substr(signature, 1, 1) = X'00', X'01', X'00') || substr(signature, 2) AS BLOB) "
                    + "WHERE event_count = 30 AND kind = 'interval';")
            let failure = try #require(verifyFailure(folder))
            #expect(failure.sequence == 30)
            #expect(failure.description.hasPrefix("checkpoint at event 30 (signed 2026-02-10 15:45, periodic)"))
            #expect(failure.problem.contains("signature does not verify"), "\(failure)")
        }
    }

    @Test("events rewritten with a consistent chain: the stale heads show, and patched heads fail their signatures")
    func rewrittenHistory() throws {
        try withTemporaryDirectory { folder in
            _ = try signedStore(in: folder)
            let heads = try rewriteHistory(folder, patchCheckpoints: false)
            let stale = try #require(verifyFailure(folder))
            #expect(stale.sequence == 40, "\(stale)")
            #expect(stale.problem.contains("rewritten after it was signed"), "\(stale)")

            // The rewrite made complete: every event and every checkpoint head agree; only the signatures can tell.
            try tamper(
                folder,
                try checkpoints(folder).map {
                    "UPDATE checkpoints SET head = X'\(HashChain.hex(heads[$0.checkpoint.count]!))' "
                        + "WHERE event_count = \($0.checkpoint.count);"
                }.joined(separator: "\n"))
            let forged = try #require(verifyFailure(folder))
            #expect(forged.sequence == 40, "\(forged)")
            #expect(forged.checkpoint?.hasPrefix("checkpoint at event 40 (signed") == true, "\(forged)")
            #expect(forged.problem.contains("signature does not verify"), "\(forged)")
        }
    }

    @Test("a store re-signed with another key passes on its own keys, and fails against the kept key")
    func resignedWithAnotherKey() throws {
        try withTemporaryDirectory { folder in
            _ = try signedStore(in: folder)
            let kept = try publicKey(folder)
            let heads = try rewriteHistory(folder, patchCheckpoints: true)
            let forger = Curve25519.Signing.PrivateKey()
            let resigned = try checkpoints(folder).map { signed -> String in
                var checkpoint = signed.checkpoint
                checkpoint.head = heads[checkpoint.count]!
                let signature = try forger.signature(for: checkpoint.signedBody(kind: signed.kind))
                return "UPDATE checkpoints SET public_key = X'\(HashChain.hex(forger.publicKey.rawRepresentation))', "
                    + "signature = X'\(HashChain.hex(signature))' WHERE event_count = \(checkpoint.count);"
            }
            try tamper(folder, resigned.joined(separator: "\n"))

            let own = try AuditVerifier.verify(DataDirectory(path: dataPath(folder)))
            #expect(own.signingKeys == [CheckpointPublicKey.fingerprint(of: forger.publicKey.rawRepresentation)])
            let failure = try #require(verifyFailure(folder, trusting: [kept]))
            #expect(failure.sequence == 2 * Self.interval, "\(failure)")
            #expect(
                failure.problem.contains("not by the given public key \(CheckpointPublicKey.fingerprint(of: kept))"))
        }
    }

    @Test("another public key than the store's fails, naming the first checkpoint")
    func otherKey() throws {
        try withTemporaryDirectory { folder in
            _ = try signedStore(in: folder)
            let other = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation
            let failure = try #require(verifyFailure(folder, trusting: [other]))
            #expect(failure.sequence == 2 * Self.interval)
            #expect(failure.problem.contains("not by the given public key"), "\(failure)")
            // Both keys given (a rotation): the store's own checkpoints pass.
            _ = try AuditVerifier.verify(
                DataDirectory(path: dataPath(folder)), trusting: [other, try publicKey(folder)])
        }
    }

    @Test("history rewritten from event 40 with the checkpoints at 40 and beyond deleted fails, naming what is missing")
    func rewriteWithNewestCheckpointsDeleted() throws {
        try withTemporaryDirectory { folder in
            _ = try signedStore(in: folder)
            let kept = try publicKey(folder)
            let stored = try checkpoints(folder).count
            let remaining = try checkpoints(folder).filter { $0.checkpoint.count < 40 }.count
            _ = try rewriteHistory(folder, patchCheckpoints: false)
            try tamper(folder, "DELETE FROM checkpoints WHERE event_count >= 40;")
            let failure = try #require(verifyFailure(folder, trusting: [kept]))
            #expect(
                failure.problem.contains("numbered checkpoints up to \(stored) but only \(remaining) are stored"),
                "\(failure)")

            // A gap before the stored ones is named by its number.
            try tamper(folder, "DELETE FROM checkpoints WHERE id = 1;")
            let gap = try #require(verifyFailure(folder))
            #expect(
                gap.problem.contains("checkpoint 1 is missing (the stored ones go from the start to checkpoint 2"),
                "\(gap)")
        }
    }

    @Test("removed checkpoints fail against the kept key; a deleted tail fails at the checkpoint beyond it")
    func removedCheckpointsAndTail() throws {
        try withTemporaryDirectory { folder in
            let (store, _) = try signedStore(in: folder)
            let kept = try publicKey(folder)
            let last = Int64(store.ledger.lastSequence)
            try tamper(
                folder,
                "DELETE FROM events WHERE seq > \(last - 5); UPDATE sqlite_sequence SET seq = \(last - 5) WHERE name = 'events';"
            )
            let beyond = try #require(try checkpoints(folder).first { $0.checkpoint.count > last - 5 })
            let tail = try #require(verifyFailure(folder))
            #expect(tail.sequence == beyond.checkpoint.count, "\(tail)")
            #expect(tail.problem.contains("the log ends at event \(last - 5)"), "\(tail)")

            try tamper(folder, "DELETE FROM checkpoints;")
            let deleted = try #require(verifyFailure(folder))
            #expect(deleted.problem.contains("but only 0 are stored"), "\(deleted)")
            // With SQLite's counter patched as well, only the kept key (or an exported checkpoint) tells.
            try tamper(folder, "DELETE FROM sqlite_sequence WHERE name = 'checkpoints';")
            _ = try AuditVerifier.verify(DataDirectory(path: dataPath(folder)))
            let none = try #require(verifyFailure(folder, trusting: [kept]))
            #expect(none.problem.contains("no checkpoint in the store is signed by the given public key"))
        }
    }

    @Test("a format-1 store gets the checkpoint tables and an id when first opened, and signs from then on")
    func formatOneUpgrade() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            _ = try makeStore(in: folder, clock: clock)
            let downgraded = try sqlite3(
                databasePath(folder),
                """
                DROP TABLE checkpoints; DROP TABLE store_identity; DELETE FROM sqlite_sequence WHERE name = 'checkpoints';
                PRAGMA user_version = 1;
                """)
            try #require(downgraded.status == 0, "\(downgraded.stderr)")
            let store = try DataDirectory(path: dataPath(folder)).open(
                actor: "supervisor", checkpointEvery: 1, clock: clock.function)
            #expect(try sqlite3(databasePath(folder), "PRAGMA user_version;").stdout == "2")
            let log = try #require(store.log as? SQLiteEventLog)
            #expect(log.origin.count == "dayclear/".count + 32)
            try store.perform(.roleGranted(RoleChange(user: "li", role: .viewer)))
            let signed = try checkpoints(folder)
            #expect(signed.map(\.checkpoint.count) == [store.ledger.lastSequence])
            #expect(try AuditVerifier.verify(DataDirectory(path: dataPath(folder))).checkpoints == 1)
        }
    }
}
