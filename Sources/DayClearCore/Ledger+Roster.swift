import Foundation

// MARK: - The roster

extension Ledger {
    mutating func grant(_ change: RoleChange) throws {
        try requireUserName(change.user)
        guard !roster.roles(of: change.user).contains(change.role) else {
            throw DomainError.invalid("\(change.user) already has the \(change.role.rawValue) role")
        }
        roster.grant(change.role, to: change.user)
    }

    mutating func revoke(_ change: RoleChange) throws {
        guard roster.roles(of: change.user).contains(change.role) else {
            throw DomainError.invalid("\(change.user) does not have the \(change.role.rawValue) role")
        }
        if change.role == .admin && roster.admins == [change.user] {
            throw DomainError.invalid(
                "\(change.user) is the only admin; grant the admin role to someone else first, "
                    + "or nobody could change the roster again")
        }
        roster.revoke(change.role, from: change.user)
    }

    mutating func nameServerGroup(_ group: ServerGroup) throws {
        // A Linux group name (useradd's rule): a letter or underscore, then letters, digits, _ . -
        let first = CharacterSet.lowercaseLetters.union(.uppercaseLetters).union(CharacterSet(charactersIn: "_"))
        let rest = first.union(.decimalDigits).union(CharacterSet(charactersIn: ".-"))
        let scalars = group.name.unicodeScalars
        guard let head = scalars.first, scalars.count <= 32, scalars.allSatisfy(\.isASCII), first.contains(head),
            scalars.dropFirst().allSatisfy({ rest.contains($0) })
        else {
            throw DomainError.invalid(
                "\"\(group.name)\" is not a group name (a letter or _, then letters, digits, _ . or -, at most 32)")
        }
        guard roster.serverGroup != group.name else {
            throw DomainError.invalid("\(group.name) is already the server's group")
        }
        roster.serverGroup = group.name
    }

    /// An operating-system user name: not empty, no spaces, control characters or separators.
    private func requireUserName(_ user: String) throws {
        let forbidden = CharacterSet.whitespacesAndNewlines.union(.controlCharacters).union(
            CharacterSet(charactersIn: ",;:/"))
        guard !user.isEmpty, user.unicodeScalars.allSatisfy({ !forbidden.contains($0) }) else {
            throw DomainError.invalid(
                "\"\(user)\" is not a user name (no spaces, commas, semicolons, colons or slashes)")
        }
    }
}
