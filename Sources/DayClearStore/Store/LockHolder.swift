import Foundation

/// Names the process holding SQLite's write lock on a database, for a "locked" message.
///
/// In WAL mode a writer holds a POSIX write lock on byte 120 of the `-shm` file
/// (SQLite's WAL_WRITE_LOCK); Linux lists such locks in `/proc/locks` by inode.
/// Elsewhere, or when the holder has already gone, it says "another process".
enum LockHolder {
    static let walWriteLockOffset = 120

    static func describe(databasePath: String) -> String {
        guard let pid = writer(of: databasePath + "-shm") else { return "another process" }
        let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return "process \(pid)" + (comm.map { " (\($0))" } ?? "")
    }

    /// The process id holding the WAL write lock of the `-shm` file at `path`, if any.
    static func writer(of path: String) -> Int32? {
        var status = stat()
        guard stat(path, &status) == 0,
            let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
        else { return nil }
        let inode = String(status.st_ino)
        for line in table.split(separator: "\n") {
            // "1: POSIX  ADVISORY  WRITE 4242 fd:01:1234567 120 120"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 8, fields[1] == "POSIX", fields[3] == "WRITE",
                fields[5].split(separator: ":").last.map(String.init) == inode,
                Int(fields[6]) == walWriteLockOffset, let pid = Int32(fields[4]), pid != getpid()
            else { continue }
            return pid
        }
        return nil
    }
}
