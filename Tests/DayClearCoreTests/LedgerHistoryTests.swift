import Foundation
import Testing

@testable import DayClearCore

/// A ledger's history tells a reader which events came after the value it last saw, and only that.
@Suite struct LedgerHistoryTests {
    static let time = Date(timeIntervalSince1970: 1_770_706_800)

    static func recipient(_ number: Int) -> DomainEvent {
        .recipientRegistered(
            Recipient(
                id: RecipientID("H\(number)"), name: "受援单位\(number)", tier: .community, latitude: 30, longitude: 120,
                contact: ""))
    }

    static func fold(_ number: Int, into ledger: inout Ledger) throws {
        try ledger.apply(
            RecordedEvent(
                sequence: ledger.lastSequence + 1, time: time, actor: "wang", reason: nil, event: recipient(number)))
    }

    @Test func eventsSinceAnEarlierValue() throws {
        var ledger = Ledger()
        let empty = ledger.history.revision
        try Self.fold(1, into: &ledger)
        let one = ledger.history.revision
        try Self.fold(2, into: &ledger)
        try Self.fold(3, into: &ledger)
        #expect(one != empty)
        #expect(ledger.history.events(since: ledger.history.revision)?.isEmpty == true)
        #expect(ledger.history.events(since: one).map(Array.init) == [Self.recipient(2), Self.recipient(3)])
        #expect(ledger.history.events(since: empty).map(Array.init) == (1...3).map(Self.recipient))
    }

    @Test func aRefusedEventKeepsTheRevision() throws {
        var ledger = Ledger()
        try Self.fold(1, into: &ledger)
        let revision = ledger.history.revision
        #expect(throws: DomainError.self) { try Self.fold(1, into: &ledger) }
        #expect(ledger.history.revision == revision)
    }

    @Test func separateWaysShareNoRevision() throws {
        var common = Ledger()
        try Self.fold(1, into: &common)
        var left = common
        var right = common
        try Self.fold(2, into: &left)
        try Self.fold(2, into: &right)
        // Equal contents, but neither is an earlier value of the other.
        #expect(left == right)
        #expect(left.history.revision != right.history.revision)
        #expect(right.history.events(since: left.history.revision) == nil)
        #expect(right.history.events(since: common.history.revision).map(Array.init) == [Self.recipient(2)])
    }

    @Test func tooFarBackIsUnknown() throws {
        var ledger = Ledger()
        let empty = ledger.history.revision
        for number in 0...LedgerHistory.capacity { try Self.fold(number, into: &ledger) }
        #expect(ledger.history.events(since: empty) == nil)
        let recent = ledger.history.revision
        try Self.fold(LedgerHistory.capacity + 1, into: &ledger)
        #expect(ledger.history.events(since: recent)?.count == 1)
    }
}
