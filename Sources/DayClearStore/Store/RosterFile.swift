import DayClearCore
import Foundation

/// `roster.csv`, where roles were kept before the roster became events
/// (columns 用户/user and 角色/roles, roles separated by `;`).
///
/// A store whose history has no role events and whose folder holds this file
/// imports it once, as `roleGranted` events, when it is opened; the file is
/// then renamed `roster.csv.imported` and no longer read.
public enum RosterFile {
    public static let fileName = "roster.csv"
    public static let importedName = "roster.csv.imported"

    /// The roster in `directory`'s file, or nil when there is none.
    public static func load(from directory: URL) throws -> Roster? {
        let path = directory.appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
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

    /// The events that grant everything `roster` holds, users and roles in order.
    public static func grants(_ roster: Roster) -> [DomainEvent] {
        roster.roles.keys.sorted().flatMap { user in
            roster.roles(of: user).sorted().map { DomainEvent.roleGranted(RoleChange(user: user, role: $0)) }
        }
    }
}
