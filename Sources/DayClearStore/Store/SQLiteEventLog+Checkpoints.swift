import DayClearCore
import Foundation
import GRDB

/// The signed checkpoints beside the events (docs/audit.md, "Signed checkpoints"): their own
/// append-only table, written in the transaction of the event they cover or in their own commit.
extension SQLiteEventLog {
    /// The tables format 2 adds to format 1: the store's fixed id (the checkpoints' origin) and the
    /// checkpoints, both refusing UPDATE and DELETE like the events.
    static let checkpointSchema = """
        CREATE TABLE store_identity (id TEXT NOT NULL CHECK (length(id) = 32));
        CREATE TRIGGER store_identity_fixed_update BEFORE UPDATE ON store_identity
        BEGIN SELECT RAISE(ABORT, 'the store id is fixed'); END;
        CREATE TRIGGER store_identity_fixed_delete BEFORE DELETE ON store_identity
        BEGIN SELECT RAISE(ABORT, 'the store id is fixed'); END;
        CREATE TABLE checkpoints (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            event_count INTEGER NOT NULL,
            head BLOB NOT NULL CHECK (length(head) = 32),
            signed_at INTEGER NOT NULL,
            origin TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('interval', 'day-end')),
            public_key BLOB NOT NULL CHECK (length(public_key) = 32),
            signature BLOB NOT NULL CHECK (length(signature) = 64)
        );
        CREATE TRIGGER checkpoints_append_only_update BEFORE UPDATE ON checkpoints
        BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
        CREATE TRIGGER checkpoints_append_only_delete BEFORE DELETE ON checkpoints
        BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
        """

    /// Creates the format-2 tables and gives the store its random id; inside the caller's transaction.
    static func addCheckpointTables(_ db: Database) throws {
        try db.execute(sql: checkpointSchema)
        let id = UUID().uuidString.lowercased().filter(\.isHexDigit)
        try db.execute(sql: "INSERT INTO store_identity (id) VALUES (?)", arguments: [id])
    }

    /// `dayclear/` and the store's id.
    static func readOrigin(_ db: Database) throws -> String {
        guard let id = try String.fetchOne(db, sql: "SELECT id FROM store_identity ORDER BY rowid LIMIT 1") else {
            throw StoreError.corrupt("the store has no id (the store_identity table is empty)")
        }
        return "dayclear/\(id)"
    }

    /// Signs and stores the checkpoints due among events just inserted; inside the append's transaction.
    func signDueCheckpoints(_ db: Database, at sequence: Int64, head: Data, recordedAt: Int64) throws {
        guard let signer = checkpointSigner, signer.isDue(at: sequence) else { return }
        let checkpoint = Checkpoint(origin: origin, count: sequence, head: head, signedAt: recordedAt)
        try Self.insert(signer.key.sign(checkpoint, kind: .interval), into: db)
    }

    /// Signs a checkpoint at event `sequence` in its own durable commit and returns it; when this key
    /// already signed one at that event, returns that one instead. Nil when this log has no signer.
    public func signCheckpoint(at sequence: Int64, kind: CheckpointKind, time: Date) throws -> SignedCheckpoint? {
        guard let signer = checkpointSigner else { return nil }
        var result: SignedCheckpoint?
        do {
            try queue.inTransaction(.immediate) { db in
                if let existing = try Self.fetchCheckpoints(
                    db, where: "event_count = ? AND public_key = ?", [sequence, signer.key.publicKey]
                ).first {
                    result = existing
                    return .rollback
                }
                guard
                    let head = try Data.fetchOne(
                        db, sql: "SELECT CAST(hash AS BLOB) FROM events WHERE seq = ?", arguments: [sequence])
                else { throw StoreError.notSaved("there is no event \(sequence) to sign a checkpoint at") }
                let checkpoint = Checkpoint(origin: origin, count: sequence, head: head, signedAt: time.milliseconds)
                let signed = try signer.key.sign(checkpoint, kind: kind)
                try Self.insert(signed, into: db)
                result = signed
                return .commit
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
        return result
    }

    /// Every stored checkpoint, in the order they were signed.
    public func checkpoints() throws -> [SignedCheckpoint] {
        try queue.read { db in try Self.fetchCheckpoints(db, where: "1", []) }
    }

    /// Each stored checkpoint's number, event count and kind exactly as written, in number order, and
    /// the highest number SQLite ever handed out for one (`sqlite_sequence`, which outlives deleted rows).
    public func checkpointNumbering() throws -> (rows: [CheckpointRow], issued: Int64) {
        try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, event_count, kind FROM checkpoints ORDER BY id").map {
                CheckpointRow(
                    id: ($0[0] as Int64?) ?? 0, eventCount: ($0[1] as Int64?) ?? 0, kind: ($0[2] as String?) ?? "")
            }
            let issued = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'checkpoints'")
            return (rows, issued ?? 0)
        }
    }

    private static func insert(_ signed: SignedCheckpoint, into db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO checkpoints (event_count, head, signed_at, origin, kind, public_key, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                signed.checkpoint.count, signed.checkpoint.head, signed.checkpoint.signedAt, signed.checkpoint.origin,
                signed.kind.rawValue, signed.publicKey, signed.signature,
            ])
    }

    /// Rows as stored; a value of the wrong type (possible only by editing the file) is read as empty
    /// bytes, and an unknown kind as `interval`: verification reports both (the kind through
    /// ``checkpointNumbering()``).
    private static func fetchCheckpoints(_ db: Database, where condition: String, _ arguments: StatementArguments)
        throws -> [SignedCheckpoint]
    {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT event_count, CAST(head AS BLOB), signed_at, origin, kind, CAST(public_key AS BLOB),
                       CAST(signature AS BLOB)
                FROM checkpoints WHERE \(condition) ORDER BY id
                """, arguments: arguments)
        return rows.map { row in
            SignedCheckpoint(
                checkpoint: Checkpoint(
                    origin: (row[3] as String?) ?? "", count: (row[0] as Int64?) ?? 0,
                    head: (row[1] as Data?) ?? Data(),
                    signedAt: (row[2] as Int64?) ?? 0),
                kind: CheckpointKind(rawValue: (row[4] as String?) ?? "") ?? .interval,
                publicKey: (row[5] as Data?) ?? Data(), signature: (row[6] as Data?) ?? Data())
        }
    }
}

/// A stored checkpoint's row number, the event count it names and its kind as written.
public struct CheckpointRow: Equatable, Sendable {
    public var id: Int64
    public var eventCount: Int64
    public var kind: String
}
