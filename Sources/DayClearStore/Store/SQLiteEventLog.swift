import DayClearCore
import Foundation
import GRDB

/// The embedded event log: one SQLite database in WAL mode with fully
/// synchronous commits.
public final class SQLiteEventLog: EventLog {
    /// The on-disk format this version writes and reads: 2 adds the signed checkpoints to 1.
    public static let formatVersion = 2

    let queue: DatabaseQueue
    public let path: String
    /// The checkpoints' origin: `dayclear/` and the id the store was given when it was created.
    public private(set) var origin = ""
    /// Signs a checkpoint every `interval` events as they are appended; nil signs nothing
    /// (a log opened only to be read or verified).
    public var checkpointSigner: CheckpointSigner?

    /// Opens the database at `path`; creates the schema when `create` is true
    /// and the file is new.
    public init(path: String, create: Bool) throws {
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw StoreError.notInitialised((path as NSString).deletingLastPathComponent)
        }
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        // SQLite would fall back to reading only, then fail on its WAL index with a vague message.
        if access(directory, W_OK) != 0 || (exists && access(path, W_OK) != 0) {
            throw StoreError.readOnly(directory)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try requireFullSync()
            try prepareSchema(create: create)
            origin = try queue.read { db in try Self.readOrigin(db) }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }

    /// GRDB may lower `synchronous`; set it after opening and read it back.
    private func requireFullSync() throws {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            let level = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            guard level == 2 else {
                throw StoreError.durabilityNotConfirmed("PRAGMA synchronous is \(level), expected 2 (FULL)")
            }
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
            guard mode.lowercased() == "wal" else {
                throw StoreError.durabilityNotConfirmed("journal mode is \(mode), expected wal")
            }
        }
    }

    private func prepareSchema(create: Bool) throws {
        try queue.writeWithoutTransaction { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version > Self.formatVersion {
                throw StoreError.newerFormat(found: version, supported: Self.formatVersion)
            }
            if version == Self.formatVersion {
                try Self.requireHashColumn(db)
                return
            }
            guard create || version == 1 else {
                throw StoreError.notInitialised((path as NSString).deletingLastPathComponent)
            }
            try db.inTransaction(.immediate) {
                // Another process may have created or upgraded the store since the version was read.
                switch try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 {
                case 0: try db.execute(sql: Self.schema)
                case 1: try Self.requireHashColumn(db)
                default: return .rollback
                }
                try Self.addCheckpointTables(db)
                try db.execute(sql: "PRAGMA user_version = \(Self.formatVersion)")
                return .commit
            }
        }
    }

    /// A store from before the hash chain cannot be verified; refuse it rather than extend it unchained.
    private static func requireHashColumn(_ db: Database) throws {
        let columns = try db.columns(in: "events").map(\.name)
        guard columns.contains("hash") else {
            throw StoreError.corrupt("the events table has no hash column, so its history cannot be verified")
        }
    }

    /// `AUTOINCREMENT` keeps the highest number ever used in `sqlite_sequence`,
    /// so a deleted tail shows; `hash` is the chain described in docs/audit.md.
    private static let schema = """
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            recorded_at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            hash BLOB NOT NULL CHECK (length(hash) = 32)
        );
        CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        """

    // MARK: - EventLog

    public func events(after sequence: Int64) throws -> [RecordedEvent] {
        do {
            return try queue.read { db in try Self.fetch(db, after: sequence) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where ![.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw Self.storeError(error, path: path)
        } catch {
            throw StoreError.corrupt(Self.describe(error))
        }
    }

    public func forEachEvent(after sequence: Int64, _ body: (RecordedEvent) throws -> Void) throws {
        do {
            try queue.read { db in try Self.forEach(db, after: sequence, body) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.corrupt(Self.describe(error))
        }
    }

    public func append(after sequence: Int64, _ body: ([RecordedEvent]) throws -> [RecordedEvent]) throws {
        try appendEach(after: sequence) { newer, write in
            for event in try body(newer) {
                let (type, payload) = try EventCodec.encode(event.event)
                try write(EncodedEvent(recorded: event, type: type, payload: payload))
            }
        }
    }

    public func appendEach(
        after sequence: Int64, _ body: (_ newer: [RecordedEvent], _ write: (EncodedEvent) throws -> Void) throws -> Void
    ) throws {
        do {
            try queue.inTransaction(.immediate) { db in
                let newer = try Self.fetch(db, after: sequence)
                var (last, previous) = try Self.head(db) ?? (0, HashChain.genesis)
                // Compiled once per connection: an import appends hundreds of thousands of rows.
                let insert = try db.cachedStatement(
                    sql: """
                        INSERT INTO events (seq, recorded_at, actor, reason, type, payload, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                try body(newer) { encoded in
                    let event = encoded.recorded
                    guard event.sequence == last + 1 else {
                        throw StoreError.corrupt("event \(event.sequence) would not follow event \(last)")
                    }
                    let recordedAt = event.time.milliseconds
                    let hash = HashChain.hash(
                        sequence: event.sequence, recordedAt: recordedAt, actor: event.actor, reason: event.reason,
                        type: encoded.type, payload: encoded.payload, after: previous)
                    try insert.execute(arguments: [
                        event.sequence, recordedAt, event.actor, event.reason, encoded.type, encoded.payload, hash,
                    ])
                    try signDueCheckpoints(db, at: event.sequence, head: hash, recordedAt: recordedAt)
                    (last, previous) = (event.sequence, hash)
                }
                return .commit
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }

    /// What a failed write means for the person at the terminal: nothing of it was recorded.
    static func storeError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(LockHolder.describe(databasePath: path))
        case .SQLITE_READONLY: return .readOnly(path)
        default:
            let directory = (path as NSString).deletingLastPathComponent
            var space = statvfs()
            let full = statvfs(directory, &space) == 0 && UInt64(space.f_bavail) * UInt64(space.f_frsize) < 65_536
            return .notSaved(describe(error) + (full ? " (the disk holding \(directory) is full)" : ""))
        }
    }

    public func changeToken() throws -> Int64 {
        try queue.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// Writes a consistent copy of the live database to `path` (`VACUUM INTO`), safe while
    /// others write; the file must not exist yet.
    public func backup(to path: String) throws {
        do {
            try queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        } catch {
            throw StoreError.notSaved("cannot back up to \(path): \(Self.describe(error))")
        }
    }

    // MARK: - Audit

    /// The chain hash of event `sequence`, or nil if there is no such event.
    public func hash(of sequence: Int64) throws -> Data? {
        try queue.read { db in
            try Data.fetchOne(db, sql: "SELECT CAST(hash AS BLOB) FROM events WHERE seq = ?", arguments: [sequence])
        }
    }

    /// The last event's number and chain hash; nil while the log is empty.
    public func chainHead() throws -> (sequence: Int64, hash: Data)? {
        try queue.read { db in try Self.head(db) }
    }

    /// The highest event number the database has ever handed out (SQLite's
    /// `sqlite_sequence`), which outlives rows deleted from the tail.
    public func highestSequenceIssued() throws -> Int64 {
        try queue.read { db in
            try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'events'") ?? 0
        }
    }

    /// The append-only triggers that are missing from the schema.
    public func missingTriggers() throws -> [String] {
        try queue.read { db in
            let present = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            return [
                "events_append_only_update", "events_append_only_delete", "checkpoints_append_only_update",
                "checkpoints_append_only_delete",
            ].filter { !present.contains($0) }
        }
    }

    /// Calls `body` with every row in `seq` order, exactly as stored, in one read transaction.
    ///
    /// A value of the wrong type (possible only by editing the file) is read as
    /// empty, which the chain then reports as a mismatch.
    public func forEachStoredEvent(_ body: (StoredEvent) throws -> Void) throws {
        try queue.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT seq, recorded_at, CAST(actor AS BLOB), CAST(reason AS BLOB), CAST(type AS BLOB),
                           CAST(payload AS BLOB), CAST(hash AS BLOB)
                    FROM events ORDER BY seq
                    """)
            while let row = try rows.next() {
                func blob(_ index: Int) -> Data? {
                    if case .blob(let data) = (row[index] as DatabaseValue).storage { return data }
                    return nil
                }
                func integer(_ index: Int) -> Int64 {
                    if case .int64(let value) = (row[index] as DatabaseValue).storage { return value }
                    return 0
                }
                try body(
                    StoredEvent(
                        sequence: integer(0), recordedAt: integer(1), actor: blob(2) ?? Data(), reason: blob(3),
                        type: blob(4) ?? Data(), payload: blob(5) ?? Data(), hash: blob(6) ?? Data()))
            }
        }
    }

    // MARK: - Helpers

    private static func head(_ db: Database) throws -> (sequence: Int64, hash: Data)? {
        let sql = "SELECT seq, CAST(hash AS BLOB) FROM events ORDER BY seq DESC LIMIT 1"
        guard let row = try Row.fetchOne(db, sql: sql) else { return nil }
        return (row[0], (row[1] as Data?) ?? Data())
    }

    private static func fetch(_ db: Database, after sequence: Int64) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        try forEach(db, after: sequence) { events.append($0) }
        return events
    }

    /// Reads the rows one at a time; the payload is decoded from SQLite's own buffer.
    private static func forEach(
        _ db: Database, after sequence: Int64, _ body: (RecordedEvent) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT seq, recorded_at, actor, reason, type, payload FROM events WHERE seq > ? ORDER BY seq",
            arguments: [sequence])
        while let row = try rows.next() {
            let seq: Int64 = row[0]
            let type: String = row[4]
            let event: DomainEvent
            do {
                event = try row.withUnsafeData(atIndex: 5) { data in
                    try EventCodec.decode(type: type, payload: data ?? Data())
                }
            } catch {
                throw StoreError.corrupt("event \(seq) cannot be read: \(describe(error))")
            }
            try body(
                RecordedEvent(
                    sequence: seq, time: Date(milliseconds: row[1]), actor: row[2], reason: row[3], event: event))
        }
    }

    private static func describe(_ error: Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return "\(error)"
    }
}
