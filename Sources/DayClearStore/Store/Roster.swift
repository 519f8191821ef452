import DayClearCore
import Foundation

/// Who may do what: operating-system user names mapped to roles, kept in
/// `roster.csv` in the data directory (columns 用户/user and 角色/roles, roles
/// separated by `;`).
public struct Roster: Equatable, Sendable {
    public static let fileName = "roster.csv"
    public private(set) var roles: [String: Set<Role>]

    public init(roles: [String: Set<Role>]) { self.roles = roles }

    public func roles(of user: String) -> Set<Role> { roles[user] ?? [] }

    /// Throws `AccessDenied` unless `user` holds the role each event needs.
    public func authorise(_ events: [DomainEvent], by user: String) throws {
        let held = roles(of: user)
        for event in events where !held.contains(event.requiredRole) && !held.contains(.admin) {
            throw AccessDenied(user: user, held: held, needed: event.requiredRole, action: event.actionName)
        }
    }

    // MARK: - File

    public static func load(from directory: URL) throws -> Roster {
        let path = directory.appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            // Reading needs no role; every change will be refused, naming the user.
            return Roster(roles: [:])
        }
        let table: CSVTable
        do {
            table = try CSVReader.read(data)
        } catch {
            throw StoreError.corrupt("\(path): \(error)")
        }
        var roles: [String: Set<Role>] = [:]
        for record in table.records where record.fields.count >= 2 {
            let user = record.fields[0].trimmingCharacters(in: .whitespaces)
            for name in record.fields[1].split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "；" }) {
                guard let role = Role(name: String(name)) else {
                    throw StoreError.corrupt("\(path):\(record.row): unknown role \(name)")
                }
                roles[user, default: []].insert(role)
            }
        }
        return Roster(roles: roles)
    }

    public func save(to directory: URL) throws {
        let rows = roles.keys.sorted().map { user in
            [user, roles[user, default: []].sorted().map(\.rawValue).joined(separator: ";")]
        }
        try CSVWriter.encode(header: ["用户", "角色"], rows: rows)
            .write(to: directory.appendingPathComponent(Self.fileName), options: .atomic)
    }
}

/// A change refused because the user lacks the role it needs (an admin may
/// add it to `roster.csv` in the data directory).
public struct AccessDenied: Error, Equatable, Sendable, CustomStringConvertible {
    public var user: String
    public var held: Set<Role>
    public var needed: Role
    public var action: String

    public var description: String {
        let roles = held.isEmpty ? "no role in the roster" : held.sorted().map(\.rawValue).joined(separator: ", ")
        return "\(action) needs the \(needed.rawValue) role; \(user) has \(roles) (see \(Roster.fileName)). Nothing was changed."
    }
}
