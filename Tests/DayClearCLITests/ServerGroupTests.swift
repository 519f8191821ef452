import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The socket's group comes from the roster: an admin names it (`dayclear roster group`), `serve`
/// gives the socket that group, and refuses to start, naming it, when the host has no such group.
@Suite(
    "Server: the socket's group from the roster (real users)", .serialized,
    .enabled(if: ServerHost.canRun, "needs root to create operating-system users with useradd (CI runs as root)"))
struct ServerGroupTests {
    @Test("serve gives the socket the roster's group; only an admin names it; a missing group stops serve")
    func groupFromTheRoster() throws {
        let host = try ServerHost("group")
        defer { host.tearDown() }
        // A second group, besides the service account's own: members of it may connect, others not.
        let relief = "\(host.group)r"
        #expect(try runProgram("/usr/sbin/groupadd", [relief]).succeeded)
        defer { _ = try? runProgram("/usr/sbin/groupdel", [relief]) }
        let member = try host.addUser("member")
        let other = try host.addUser("other")
        for user in [host.service, member] {
            let added = try runProgram("/usr/sbin/usermod", ["-aG", relief, user])
            try #require(added.succeeded, added.comment)
        }
        try host.initialiseDemo()
        try grant(member, ["coordinator"], on: host)
        try grant(other, ["coordinator"], on: host)
        let data = ["--data", host.data.path]

        // A group the host does not have: serve refuses to start and names it.
        let missing = "\(host.group)none"
        let namedMissing = try host.dayclear(as: host.service, ["roster", "group", missing] + data)
        try #require(namedMissing.succeeded, namedMissing.comment)
        let refused = try runProgram(
            "/usr/bin/timeout",
            ["20", "/usr/bin/setpriv"] + host.switchUser(host.service)
                + [host.binary.path, "serve", "--socket", host.socket] + data)
        #expect(refused.status == 1, refused.comment)
        #expect(refused.stderr.contains("the roster names \(missing)"), refused.comment)
        #expect(refused.stderr.contains("groupadd \(missing)"), refused.comment)

        let named = try host.dayclear(as: host.service, ["roster", "group", relief] + data)
        try #require(named.succeeded, named.comment)
        let listed = try host.dayclear(as: host.service, ["roster", "list"] + data)
        #expect(listed.stdout.contains("server group: \(relief)\n"), listed.comment)

        try host.startServer(groupOption: false)
        let status = try FileManager.default.attributesOfItem(atPath: host.socket)
        #expect((status[.groupOwnerAccountName] as? String) == relief, "\(status)")
        let connected = try host.dayclear(as: member, ["lists", "--connect", host.socket])
        #expect(connected.succeeded, connected.comment)
        let kept = try host.dayclear(as: other, ["lists", "--connect", host.socket])
        #expect(!kept.succeeded && kept.stderr.contains("Permission denied"), kept.comment)

        // Only an admin may name the group, and the change is in the audit trail.
        let notAdmin = try host.dayclear(as: member, ["roster", "group", host.group, "--connect", host.socket])
        #expect(!notAdmin.succeeded, notAdmin.comment)
        #expect(notAdmin.stderr.contains("changing the roster needs the admin role"), notAdmin.comment)
        let trail = try history(on: host, as: member).filter { $0.contains("the group that may connect") }
        #expect(trail.count == 2 && trail[1].contains("\t\(host.service)\tnamed \(relief) "), "\(trail)")
    }
}
