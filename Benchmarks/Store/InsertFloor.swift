import DayClearStore
import Foundation
import GRDB

/// The floor under an import's writing in Swift: the rows an import appended (read back from the store
/// it wrote, `--rows-from`), inserted again into a fresh copy of the base store (`--data`) through GRDB
/// with one prepared statement reused, in one transaction with the store's settings (WAL,
/// `synchronous=FULL`, its append-only triggers), then committed. No parsing, checking, folding,
/// encoding or hashing: what is left is GRDB's binding, SQLite and the disk.
func insertFloor(_ arguments: Arguments) throws {
    let source = try DatabaseQueue(path: DataDirectory(path: arguments.text("rows-from")).databasePath)
    let target = try DatabaseQueue(path: DataDirectory(path: arguments.text("data")).databasePath)
    try target.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = WAL")
        try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    let after = try target.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM events") ?? 0 }
    let rows = try source.read { db in
        try Row.fetchAll(
            db,
            sql: "SELECT seq, recorded_at, actor, reason, type, payload, hash FROM events WHERE seq > ? ORDER BY seq",
            arguments: [after]
        ).map { row -> (Int64, Int64, String, String?, String, String, Data) in
            (row[0], row[1], row[2], row[3], row[4], row[5], row[6])
        }
    }
    let cpuStart = cpuMilliseconds()
    let (_, ms) = try milliseconds {
        try target.inTransaction(.immediate) { db in
            let insert = try db.cachedStatement(
                sql:
                    "INSERT INTO events (seq, recorded_at, actor, reason, type, payload, hash) VALUES (?, ?, ?, ?, ?, ?, ?)"
            )
            for (seq, recordedAt, actor, reason, type, payload, hash) in rows {
                try insert.execute(arguments: [seq, recordedAt, actor, reason, type, payload, hash])
            }
            return .commit
        }
    }
    emit([
        "phase": "floor", "ms": ms, "cpu_ms": cpuMilliseconds() - cpuStart, "events": rows.count,
        "max_rss_mib": maxResidentMiB(),
    ])
}
