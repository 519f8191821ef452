import DayClearCore
import Foundation

/// The folder that holds one centre's data.
public struct DataDirectory: Sendable {
    public static let databaseName = "dayclear.sqlite"
    public let url: URL

    public init(path: String) {
        url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath, isDirectory: true)
    }

    /// `$DAYCLEAR_DATA`, else `$XDG_DATA_HOME/dayclear`, else `~/.local/share/dayclear`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["DAYCLEAR_DATA"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/dayclear" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/dayclear"
    }

    public var databasePath: String { url.appendingPathComponent(Self.databaseName).path }

    /// Opens the store from its snapshot and the events after it (all events when there is no
    /// usable snapshot); changes are checked against the roster. Never writes a snapshot: that takes
    /// seconds at a million events, so the caller does it off the user's path
    /// (``LedgerStore/saveSnapshotIfDue()``: the TUI on leaving, the server before it listens,
    /// the day-end export after its files).
    ///
    /// A store with no role events yet imports `roster.csv` once (see ``RosterFile``).
    ///
    /// Changes are signed with the store's checkpoint key (``CheckpointKeyFile``) every
    /// `checkpointEvery` events; a store that has no key yet is given one.
    public func open(
        actor: String, checkpointEvery: Int64 = CheckpointSigner.defaultInterval,
        clock: @escaping () -> Date = Date.init
    ) throws -> LedgerStore {
        let log = try SQLiteEventLog(path: databasePath, create: false)
        let (key, created) = try CheckpointKeyFile.loadOrCreate(in: url)
        log.checkpointSigner = CheckpointSigner(key: key, interval: checkpointEvery)
        let store = try LedgerStore(
            log: log, actor: actor, authorising: true, snapshot: SnapshotFile(directory: url), clock: clock)
        if created {
            store.notices.append(CheckpointKeyFile.creationNotice(path: key.path))
        }
        if store.ledger.roster.roles.isEmpty, let legacy = try RosterFile.load(from: url) {
            try store.performUnchecked(reason: "imported from \(RosterFile.fileName)", RosterFile.grants(legacy))
            try? FileManager.default.moveItem(
                at: url.appendingPathComponent(RosterFile.fileName),
                to: url.appendingPathComponent(RosterFile.importedName))
        }
        return store
    }

    /// Creates the folder (readable by its owner only), its checkpoint signing key, and a store
    /// configured with the calendar, whose roster gives `actor` every role.
    public func initialise(
        actor: String, calendar: CalendarSettings, clock: @escaping () -> Date = Date.init
    ) throws -> LedgerStore {
        if FileManager.default.fileExists(atPath: databasePath) {
            throw StoreError.alreadyInitialised(url.path)
        }
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.notSaved("cannot create \(url.path): \(error.localizedDescription)")
        }
        let log = try SQLiteEventLog(path: databasePath, create: true)
        log.checkpointSigner = CheckpointSigner(key: try CheckpointKeyFile.loadOrCreate(in: url).key)
        let store = try LedgerStore(log: log, actor: actor, authorising: true, clock: clock)
        let grants = Role.allCases.map { DomainEvent.roleGranted(RoleChange(user: actor, role: $0)) }
        try store.performUnchecked(reason: nil, [.calendarConfigured(calendar)] + grants)
        return store
    }
}

/// The operating-system user running this process.
public func currentUserName() -> String {
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
        return String(cString: name)
    }
    return ProcessInfo.processInfo.environment["USER"] ?? "uid\(geteuid())"
}
