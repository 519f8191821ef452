import ArgumentParser
import DayClearStore
import Foundation

/// `dayclear serve`: one process owns the data; terminals connect through a socket.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the data directory to every terminal on this host through a Unix-domain socket.",
        discussion: """
            Run it as the service account that owns the data directory (see docs/server.md). Each \
            connection's user is taken from the kernel; every change is checked against the roster. \
            The socket gets mode 0660 and --group, so members of that group can connect.
            """)

    @OptionGroup var data: DataOptions

    @Option(help: "Where to listen (default: $DAYCLEAR_SOCKET, else \(RemoteStore.defaultSocketPath)).")
    var socket: String?

    @Option(
        help: """
            The group whose members may connect, overriding the roster's (default: the group named with \
            `dayclear roster group`, else this user's primary group).
            """)
    var group: String?

    @Option(help: "Sign a checkpoint of the log at every multiple of this many events.")
    var checkpointEvery: Int64 = CheckpointSigner.defaultInterval

    func validate() throws {
        guard checkpointEvery >= 1 else { throw ValidationError("--checkpoint-every must be at least 1") }
    }

    func run() throws {
        let store = try data.directory.open(actor: currentUserName(), checkpointEvery: checkpointEvery)
        store.notices.forEach(printError)
        let groupID: gid_t
        if let group {
            guard let entry = getgrnam(group) else { throw CommandError("unknown group \(group) (--group)") }
            groupID = entry.pointee.gr_gid
        } else if let named = store.ledger.roster.serverGroup {
            guard let entry = getgrnam(named) else {
                throw CommandError(
                    "the roster names \(named) as the group that may connect, but this host has no such group; "
                        + "create it (groupadd \(named)) or name another (dayclear roster group NAME)")
            }
            groupID = entry.pointee.gr_gid
        } else {
            groupID = getegid()
        }
        // Before the socket opens, so no one waits on it.
        saveSnapshotIfDue(store)
        let path = socket ?? RemoteStore.socketPath()
        let server = LedgerServer(store: store, socketPath: path, groupID: groupID) { line in
            printError(line)
        }
        try server.run()
    }
}
