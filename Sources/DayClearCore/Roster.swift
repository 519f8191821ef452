/// Who may do what: operating-system user names mapped to roles.
///
/// The ledger keeps it, folded from `roleGranted` and `roleRevoked` events that
/// only an admin may record, so every change to it is in the audit trail.
public struct Roster: Equatable, Sendable {
    public private(set) var roles: [String: Set<Role>]
    /// The operating-system group an admin named for the server's socket, if any.
    public internal(set) var serverGroup: String?

    public init(roles: [String: Set<Role>] = [:], serverGroup: String? = nil) {
        self.roles = roles
        self.serverGroup = serverGroup
    }

    public func roles(of user: String) -> Set<Role> { roles[user] ?? [] }

    /// The users holding the admin role.
    public var admins: [String] { roles.filter { $0.value.contains(.admin) }.map(\.key).sorted() }

    /// Throws `AccessDenied` unless `user` holds the role each event needs.
    public func authorise(_ events: [DomainEvent], by user: String) throws {
        let held = roles(of: user)
        for event in events where !held.contains(event.requiredRole) && !held.contains(.admin) {
            throw AccessDenied(user: user, held: held, needed: event.requiredRole, action: event.actionName)
        }
    }

    mutating func grant(_ role: Role, to user: String) { roles[user, default: []].insert(role) }

    mutating func revoke(_ role: Role, from user: String) {
        roles[user]?.remove(role)
        if roles[user]?.isEmpty == true { roles[user] = nil }
    }
}

/// A change refused because the user lacks the role it needs (an admin may
/// grant it with `dayclear roster grant`).
public struct AccessDenied: Error, Equatable, Sendable, CustomStringConvertible {
    public var user: String
    public var held: Set<Role>
    public var needed: Role
    public var action: String

    public init(user: String, held: Set<Role>, needed: Role, action: String) {
        self.user = user
        self.held = held
        self.needed = needed
        self.action = action
    }

    public var description: String {
        let roles = held.isEmpty ? "no role in the roster" : held.sorted().map(\.rawValue).joined(separator: ", ")
        return "\(action) needs the \(needed.rawValue) role; \(user) has \(roles) "
            + "(an admin can grant it: dayclear roster grant \(user) \(needed.rawValue)). Nothing was changed."
    }
}
