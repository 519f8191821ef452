import ArgumentParser
import DayClearCore
import DayClearStore
import Foundation

/// `--data DIR` or `--connect SOCKET`, shared by every command.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data"),
        help: ArgumentHelp(
            "The data directory.", discussion: "Defaults to $DAYCLEAR_DATA, else ~/.local/share/dayclear.",
            valueName: "DIR"))
    var explicitPath: String?

    @Option(
        name: .customLong("connect"),
        help: ArgumentHelp(
            "Work through the DayClear server listening on this socket.",
            discussion: """
                Without --data or --connect, the server's socket is used when it exists \
                ($DAYCLEAR_SOCKET, else \(RemoteStore.defaultSocketPath)).
                """,
            valueName: "SOCKET"))
    var connect: String?

    var path: String { explicitPath ?? DataDirectory.defaultPath() }

    var directory: DataDirectory { DataDirectory(path: path) }

    /// The server socket to use: `--connect`, else the default socket when it exists
    /// and no data directory was named; nil means work on the data directory.
    var socket: String? {
        if let connect { return connect }
        let environment = ProcessInfo.processInfo.environment
        guard explicitPath == nil, (environment["DAYCLEAR_DATA"] ?? "").isEmpty else { return nil }
        let candidate = RemoteStore.socketPath(environment: environment)
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// Opens the store (or connects to the server) as the current operating-system user.
    func open() throws -> LedgerSession {
        if let socket { return try RemoteStore(socketPath: socket) }
        let store = try directory.open(actor: currentUserName())
        store.notices.forEach(printError)
        return store
    }
}

/// Saves a snapshot of a local store's model when many events follow the last one (see
/// `SnapshotFile`), off the path of opening it; a failure is only a notice, the snapshot is a cache.
func saveSnapshotIfDue(_ session: LedgerSession) {
    guard let store = session as? LedgerStore else { return }
    let earlier = store.notices.count
    store.saveSnapshotIfDue()
    store.notices.dropFirst(earlier).forEach(printError)
}

/// Prints to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Parses `N=QTY` pairs such as `--line 2=300`.
func lineQuantities(_ pairs: [String], option: String) throws -> [Int: Int] {
    var result: [Int: Int] = [:]
    for pair in pairs {
        let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let line = Int(parts[0]), let quantity = Int(parts[1]) else {
            throw CommandError("\(option) expects LINE=QUANTITY, e.g. \(option) 1=300; got \(pair)")
        }
        guard quantity >= 0 else { throw CommandError("\(option) \(pair): the quantity is negative") }
        guard result[line] == nil else { throw CommandError("\(option): line \(line) given twice") }
        result[line] = quantity
    }
    return result
}

/// A mistake in what was typed, found while running; printed as `Error: …`
/// without the usage text of another command.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
