import ArgumentParser
import DayClearStore
import Foundation

/// `dayclear backup`: SQLite's online copy of the live database, never a plain file copy.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database (VACUUM INTO), safe while the server runs.",
        discussion: """
            Run it on the host as the account that owns the data directory. The copy is verified \
            (hash chain and every rule) before this command reports success. A plain cp of a live \
            database can copy a torn file; this cannot.
            """)

    @OptionGroup var data: DataOptions

    @Option(help: "The file to write (must not exist yet).")
    var out: String

    func run() throws {
        let target = URL(fileURLWithPath: out).standardizedFileURL.path
        guard !FileManager.default.fileExists(atPath: target) else {
            throw CommandError("\(target) already exists; choose a new file name")
        }
        let log = try SQLiteEventLog(path: data.directory.databasePath, create: false)
        try log.backup(to: target)
        let report = try AuditVerifier.verify(SQLiteEventLog(path: target, create: false))
        let head = report.head.map { ", chain head \($0)" } ?? ""
        print("Backed up \(report.eventCount) events to \(target)\(head); the copy verifies.")
    }
}
