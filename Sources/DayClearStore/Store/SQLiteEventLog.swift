import DayClearCore
import Foundation
import GRDB

/// The embedded event log: one SQLite database in WAL mode with fully
/// synchronous commits.
public final class SQLiteEventLog: EventLog {
    /// The on-disk format this version writes and reads.
    public static let formatVersion = 1

    private let queue: DatabaseQueue
    public let path: String

    /// Opens the database at `path`; creates the schema when `create` is true
    /// and the file is new.
    public init(path: String, create: Bool) throws {
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw StoreError.notInitialised((path as NSString).deletingLastPathComponent)
        }
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError.notSaved("cannot open \(path): \(Self.describe(error))")
        }
        try requireFullSync()
        try prepareSchema(create: create)
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
            if version == Self.formatVersion { return }
            guard create else {
                throw StoreError.notInitialised((path as NSString).deletingLastPathComponent)
            }
            try db.inTransaction(.immediate) {
                try db.execute(sql: Self.schema)
                try db.execute(sql: "PRAGMA user_version = \(Self.formatVersion)")
                return .commit
            }
        }
    }

    private static let schema = """
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            recorded_at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT,
            type TEXT NOT NULL,
            payload TEXT NOT NULL
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
        } catch {
            throw StoreError.corrupt(Self.describe(error))
        }
    }

    public func append(after sequence: Int64, _ body: ([RecordedEvent]) throws -> [RecordedEvent]) throws {
        do {
            try queue.inTransaction(.immediate) { db in
                let newer = try Self.fetch(db, after: sequence)
                for event in try body(newer) {
                    let (type, payload) = try EventCodec.encode(event.event)
                    try db.execute(
                        sql: """
                            INSERT INTO events (seq, recorded_at, actor, reason, type, payload)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [event.sequence, event.time.milliseconds, event.actor, event.reason, type, payload])
                }
                return .commit
            }
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.busy(Self.describe(error))
            default: throw StoreError.notSaved(Self.describe(error))
            }
        }
    }

    public func changeToken() throws -> Int64 {
        try queue.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    // MARK: - Helpers

    private static func fetch(_ db: Database, after sequence: Int64) throws -> [RecordedEvent] {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT seq, recorded_at, actor, reason, type, payload FROM events WHERE seq > ? ORDER BY seq",
            arguments: [sequence])
        var events: [RecordedEvent] = []
        while let row = try rows.next() {
            let seq: Int64 = row[0]
            let event: DomainEvent
            do {
                event = try EventCodec.decode(type: row[4], payload: row[5])
            } catch {
                throw StoreError.corrupt("event \(seq) cannot be read: \(describe(error))")
            }
            events.append(
                RecordedEvent(
                    sequence: seq, time: Date(milliseconds: row[1]), actor: row[2], reason: row[3], event: event))
        }
        return events
    }

    private static func describe(_ error: Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return "\(error)"
    }
}
