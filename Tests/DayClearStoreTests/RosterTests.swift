import DayClearCore
import Foundation
import Testing

@testable import DayClearStore

@Suite("Roster")
struct RosterTests {
    @Test("a store without role events imports roster.csv once, as events, and renames the file")
    func importsLegacyRosterOnce() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            let directory = DataDirectory(path: dataPath(folder))
            try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
            // A store as an older version made it: the calendar, and the roles in a file.
            do {
                let log = try SQLiteEventLog(path: directory.databasePath, create: true)
                try LedgerStore(log: log, actor: "wang", clock: clock.function).perform(
                    .calendarConfigured(Sample.settings))
            }
            try Data("用户,角色\nwang,admin\nli,coordinator;审批人\n".utf8)
                .write(to: directory.url.appendingPathComponent("roster.csv"))

            let store = try directory.open(actor: "li", clock: clock.function)
            #expect(store.ledger.roster.roles(of: "wang") == [.admin])
            #expect(store.ledger.roster.roles(of: "li") == [.coordinator, .approver])
            let events = try store.log.events(after: 1)
            #expect(events.map(\.event).count == 3)
            #expect(events.allSatisfy { $0.reason == "imported from roster.csv" && $0.actor == "li" })
            let fm = FileManager.default
            #expect(!fm.fileExists(atPath: directory.url.appendingPathComponent("roster.csv").path))
            #expect(fm.fileExists(atPath: directory.url.appendingPathComponent("roster.csv.imported").path))

            // Reopening imports nothing more, and the roster is what the events say.
            let again = try directory.open(actor: "wang", clock: clock.function)
            #expect(try again.log.events(after: 0).count == 4)
            #expect(throws: AccessDenied.self) {
                try store.perform(.roleGranted(RoleChange(user: "zhao", role: .viewer)))
            }
            try again.perform(.roleGranted(RoleChange(user: "zhao", role: .viewer)))
            #expect(again.ledger.roster.roles(of: "zhao") == [.viewer])
        }
    }

    @Test("the last admin cannot lose the admin role; granting twice or revoking what is not held is refused")
    func rosterRules() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            let store = try DataDirectory(path: dataPath(folder)).initialise(
                actor: "wang", calendar: Sample.settings, clock: clock.function)
            let before = store.ledger
            #expect(throws: DomainError.self) {
                try store.perform(.roleRevoked(RoleChange(user: "wang", role: .admin)))
            }
            #expect(throws: DomainError.self) {
                try store.perform(.roleGranted(RoleChange(user: "wang", role: .viewer)))
            }
            #expect(throws: DomainError.self) { try store.perform(.roleRevoked(RoleChange(user: "li", role: .viewer))) }
            #expect(throws: DomainError.self) {
                try store.perform(.roleGranted(RoleChange(user: "li ; x", role: .viewer)))
            }
            #expect(store.ledger == before)
            try store.perform(reason: nil) { _ in
                [
                    .roleGranted(RoleChange(user: "li", role: .admin)),
                    .roleRevoked(RoleChange(user: "wang", role: .admin)),
                ]
            }
            #expect(store.ledger.roster.admins == ["li"])
            // wang is no longer an admin: changing the roster is refused, naming the role.
            let error = thrownError { try store.perform(.roleGranted(RoleChange(user: "zhao", role: .viewer))) }
            #expect((error as? AccessDenied)?.needed == .admin)
        }
    }
}
