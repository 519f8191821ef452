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

    /// Opens the store, replaying its events; changes are checked against the roster.
    public func open(actor: String, clock: @escaping () -> Date = Date.init) throws -> LedgerStore {
        let log = try SQLiteEventLog(path: databasePath, create: false)
        return try LedgerStore(log: log, actor: actor, roster: try Roster.load(from: url), clock: clock)
    }

    /// Creates the folder (readable by its owner only), a store configured with
    /// the calendar, and a roster giving `actor` every role.
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
        let roster = Roster(roles: [actor: Set(Role.allCases)])
        try roster.save(to: url)
        let store = try LedgerStore(
            log: SQLiteEventLog(path: databasePath, create: true), actor: actor, roster: roster, clock: clock)
        try store.perform(.calendarConfigured(calendar))
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
