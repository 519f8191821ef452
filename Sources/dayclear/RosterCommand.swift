import ArgumentParser
import DayClearCore
import DayClearStore
import Foundation

extension Role: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

/// `dayclear roster`: who may do what. Every change is an event by an admin.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Show or change who may do what (changes need the admin role and are recorded as events).",
        subcommands: [
            RosterListCommand.self, RosterGrantCommand.self, RosterRevokeCommand.self, RosterGroupCommand.self,
        ],
        defaultSubcommand: RosterListCommand.self)
}

struct RosterListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every user and their roles, then the group that may connect to the server.")

    @OptionGroup var data: DataOptions

    func run() throws {
        let roster = try data.open().ledger.roster
        for user in roster.roles.keys.sorted() {
            let roles = roster.roles(of: user).sorted()
            print(
                "\(user)\t\(roles.map(\.rawValue).joined(separator: ";"))\t\(roles.map(\.chineseName).joined(separator: "、"))"
            )
        }
        if let group = roster.serverGroup { print("server group: \(group)") }
    }
}

/// Grant and revoke: one event per role, recorded together or not at all.
protocol RosterChangeCommand: WorkflowCommand {
    var user: String { get }
    var roles: [Role] { get }
    static var verb: String { get }
    static func event(_ change: RoleChange) -> DomainEvent
}

extension RosterChangeCommand {
    func events(in ledger: Ledger) throws -> [DomainEvent] {
        Set(roles).sorted().map { Self.event(RoleChange(user: user, role: $0)) }
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        let now = ledger.roster.roles(of: user).sorted().map(\.rawValue)
        return "\(Self.verb) \(user): now \(now.isEmpty ? "no role" : now.joined(separator: ", "))"
    }
}

struct RosterGrantCommand: RosterChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Give a user roles: coordinator, task-force, approver, viewer, admin (or their Chinese names).")
    static let verb = "Granted"
    static func event(_ change: RoleChange) -> DomainEvent { .roleGranted(change) }

    @OptionGroup var data: DataOptions
    @Argument(help: "The operating-system user name.") var user: String
    @Argument(help: "One or more roles.") var roles: [Role]
}

struct RosterRevokeCommand: RosterChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Take roles away from a user (the last admin keeps the admin role).")
    static let verb = "Revoked"
    static func event(_ change: RoleChange) -> DomainEvent { .roleRevoked(change) }

    @OptionGroup var data: DataOptions
    @Argument(help: "The operating-system user name.") var user: String
    @Argument(help: "One or more roles.") var roles: [Role]
}

/// `dayclear roster group NAME`: the operating-system group `dayclear serve` gives its socket.
struct RosterGroupCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Name the operating-system group whose members may connect to the server (admin only).",
        discussion: "dayclear serve gives its socket this group when it starts (docs/server.md).")

    @OptionGroup var data: DataOptions
    @Argument(help: "The group's name, e.g. dayclear.") var name: String

    func events(in ledger: Ledger) throws -> [DomainEvent] { [.serverGroupNamed(ServerGroup(name: name))] }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        "The server's group is now \(name); it applies when dayclear serve next starts"
    }
}
