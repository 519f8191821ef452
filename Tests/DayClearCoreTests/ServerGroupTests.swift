import DayClearCore
import Foundation
import Testing

/// The group the roster names for the server's socket: a checked name, folded into the roster, kept by snapshots.
@Suite("the server's group in the roster")
struct ServerGroupTests {
    private func named(_ name: String, on ledger: inout Ledger) throws {
        try ledger.apply(
            RecordedEvent(
                sequence: ledger.lastSequence + 1, time: Date(timeIntervalSince1970: 0), actor: "admin", reason: nil,
                event: .serverGroupNamed(ServerGroup(name: name))))
    }

    @Test("a group name is folded in; a bad name or the same name again is refused and changes nothing")
    func namesAreChecked() throws {
        var ledger = Ledger()
        try named("relief_centre-1", on: &ledger)
        #expect(ledger.roster.serverGroup == "relief_centre-1")
        for bad in ["", "1relief", "relief centre", "救灾", "a/b", String(repeating: "g", count: 33), "relief_centre-1"] {
            #expect(throws: DomainError.self, "\(bad)") { try named(bad, on: &ledger) }
            #expect(ledger.roster.serverGroup == "relief_centre-1")
        }
        try named("dayclear", on: &ledger)
        #expect(ledger.roster.serverGroup == "dayclear")
        #expect(DomainEvent.serverGroupNamed(ServerGroup(name: "x")).requiredRole == .admin)
    }

    @Test("a snapshot keeps the group, and its absence")
    func snapshotKeepsIt() throws {
        var ledger = Ledger()
        for expected in [nil, "dayclear"] as [String?] {
            if let expected { try named(expected, on: &ledger) }
            let bytes = ledger.snapshotBytes()
            let decoded = try bytes.withUnsafeBytes { try Ledger(snapshot: $0) }
            #expect(decoded.roster.serverGroup == expected)
        }
    }
}
