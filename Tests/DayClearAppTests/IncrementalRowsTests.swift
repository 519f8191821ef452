import DayClearCore
import Foundation
import SeededRandom
import Testing

@testable import DayClearApp

/// The screens' rows brought up to date event by event equal the rows built again from the whole
/// ledger, over random days of submissions, proposals, decisions, dispatches, deliveries, lots and
/// recipients (refused events are skipped, as the store would refuse them).
@Suite struct IncrementalRowsTests {
    static let start = Date(timeIntervalSince1970: 1_770_706_800)
    static let items = [
        ItemKey(kind: "口罩", spec: "N95"), ItemKey(kind: "口罩", spec: "KN95"), ItemKey(kind: "防护服", spec: "L"),
    ]
    static let filters = ["", "R-1", "口罩", "l-0002"]

    /// A random day folded in one to three events at a time, the rows of every screen updated after each batch.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func updatedRowsEqualRebuiltRows(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var day = RandomDay()
        var ledger = try day.base()
        var routes = Self.filters.map { RouteRows(ledger, filter: $0) }
        var queues = Self.filters.map { RequestRows(.approvalQueue, ledger, filter: $0) }
        var paperwork = Self.filters.map { RequestRows(.paperwork, ledger, filter: $0) }
        var now = day.time
        let today = ledger.calendar.day(containing: now)
        var lists = ListsRows(ledger, day: today, now: now)
        var applied = 0
        for _ in 0..<200 {
            let before = ledger.history.revision
            for _ in 0...(random.next() % 3) {
                let event = day.candidate(ledger, random: &random)
                if day.fold(event, into: &ledger) { applied += 1 }
            }
            let events = try #require(ledger.history.events(since: before))
            now = day.time
            for index in Self.filters.indices {
                routes[index].update(by: events, in: ledger)
                queues[index].update(by: events, in: ledger)
                paperwork[index].update(by: events, in: ledger)
                Self.expectEqual(routes[index], RouteRows(ledger, filter: Self.filters[index]))
                Self.expectEqual(queues[index], RequestRows(.approvalQueue, ledger, filter: Self.filters[index]))
                Self.expectEqual(paperwork[index], RequestRows(.paperwork, ledger, filter: Self.filters[index]))
            }
            lists.update(by: events, in: ledger, now: now)
            Self.expectEqual(lists, ListsRows(ledger, day: today, now: now))
            // Through the memo, as the routes and day-end screens ask: today and the days before.
            for offset in 0..<3 {
                let day = ledger.calendar.adding(days: -offset, to: ledger.calendar.day(containing: now))
                #expect(ScreenRows.clearRate(ledger, day: day) == DayEndReport(ledger: ledger, day: day).clearRate)
            }
        }
        // The day went somewhere: requests reached the routes screen and the paperwork queue.
        #expect(applied > 100)
        #expect(!routes[0].rows.isEmpty)
        #expect(ledger.requests.values.contains { $0.state == .delivered })
        #expect(ledger.calendar.day(containing: now) != today)
    }

    /// Through the screens' memo: a frame after an event shows what a fresh build shows.
    @Test func memoUpdatesFromTheEventsSince() throws {
        var random = SplitMix64(seed: 99)
        var day = RandomDay()
        var ledger = try day.base()
        _ = ScreenRows.routes(ledger, filter: "")
        _ = ScreenRows.queue(ledger, filter: "")
        for _ in 0..<60 {
            _ = day.fold(day.candidate(ledger, random: &random), into: &ledger)
            Self.expectEqual(ScreenRows.routes(ledger, filter: ""), RouteRows(ledger, filter: ""))
            Self.expectEqual(ScreenRows.queue(ledger, filter: ""), RequestRows(.approvalQueue, ledger, filter: ""))
        }
    }

    static func expectEqual(_ updated: RouteRows, _ rebuilt: RouteRows) {
        #expect(updated.rows == rebuilt.rows)
        #expect(updated.requestCount == rebuilt.requestCount)
        #expect(updated.waitingCount == rebuilt.waitingCount)
        #expect(updated.goodsWidth == rebuilt.goodsWidth)
    }

    static func expectEqual(_ updated: RequestRows, _ rebuilt: RequestRows) {
        #expect(updated.requests == rebuilt.requests)
        #expect(updated.proposedCount == rebuilt.proposedCount)
    }

    static func expectEqual(_ updated: ListsRows, _ rebuilt: ListsRows) {
        #expect(updated.stock == rebuilt.stock)
        // A row's wait is as of the frame that built it; the renderer counts it from `now` itself.
        let withoutWait = { (rows: [DayLists.RequestRow]) in
            rows.map { row in
                var row = row
                row.waitingMinutes = nil
                return row
            }
        }
        #expect(withoutWait(updated.requests) == withoutWait(rebuilt.requests))
    }
}

/// A day of random events: each candidate is drawn against the ledger as it stands, and may be refused.
private struct RandomDay {
    var time = IncrementalRowsTests.start
    var sequence: Int64 = 0
    var requests = 0
    var lots = 0
    var recipients = 0

    /// The calendar, three recipients and four lots, one expected and one directed.
    mutating func base() throws -> Ledger {
        var ledger = Ledger()
        let setup: [DomainEvent] =
            [.calendarConfigured(CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: 23 * 60))]
            + (0..<3).map { _ in newRecipient() }
            + [
                newLot(item: 0, arrived: true), newLot(item: 0, arrived: true), newLot(item: 1, arrived: false),
                newLot(item: 2, arrived: true, directed: "H0"),
            ]
        for event in setup where !fold(event, into: &ledger) {
            throw Refused(event: event)
        }
        return ledger
    }

    /// Folds one event in as the store would record it, some minutes after the last; false when the
    /// ledger refuses it. A run of them crosses a few days' cutoffs.
    mutating func fold(_ event: DomainEvent, into ledger: inout Ledger) -> Bool {
        time = time.addingTimeInterval(Double(60 + (sequence * 7919) % 1200))
        sequence += 1
        do {
            try ledger.apply(
                RecordedEvent(sequence: ledger.lastSequence + 1, time: time, actor: "wang", reason: nil, event: event))
            return true
        } catch {
            return false
        }
    }

    /// An event another terminal might record next, mostly about a request in the state it needs.
    mutating func candidate(_ ledger: Ledger, random: inout SplitMix64) -> DomainEvent {
        let kind = random.next() % 16
        let wanted: Set<RequestState> =
            switch kind {
            case 3, 4, 5: [.submitted, .proposed]
            case 6, 7: [.proposed]
            case 9, 10: [.approved]
            case 11: [.dispatched]
            case 12: [.approved, .dispatched, .delivered]
            default: Set(RequestState.allCases)
            }
        // Now and then any request, so that refused events are tried too.
        let ids = ledger.requests.values.filter { random.next() % 8 == 0 || wanted.contains($0.state) }.map(\.id)
            .sorted { $0.rawValue < $1.rawValue }
        let request = ids.isEmpty ? RequestID("R-0") : ids[Int(random.next() % UInt64(ids.count))]
        let lines = ledger.requests[request]?.lines ?? []
        let chosen = lines.isEmpty ? nil : lines[Int(random.next() % UInt64(lines.count))]
        let line = chosen?.number ?? 1
        let reference = RequestReference(request: request)
        switch kind {
        case 0, 1, 2:
            requests += 1
            let recipient = RecipientID("H\(random.next() % UInt64(recipients))")
            let count = 1 + Int(random.next() % 2)
            let chosen = (0..<count).map { IncrementalRowsTests.items[(Int(random.next() % 3) + $0) % 3] }
            return .requestSubmitted(
                RequestSubmission(
                    id: RequestID("R-\(requests)"), recipient: recipient, neededBy: time.addingTimeInterval(3600),
                    submittedAt: time.addingTimeInterval(-Double(random.next() % 600)),
                    lines: chosen.enumerated().map {
                        RequestLine(
                            number: $0.offset + 1, item: $0.element, unit: "只",
                            quantity: 10 * (1 + Int(random.next() % 5)))
                    }))
        case 3, 4, 5:
            // Usually a lot of the line's own kind+spec.
            let matching = ledger.lots.values.filter { $0.item == chosen?.item || random.next() % 6 == 0 }.map(\.id)
                .sorted { $0.rawValue < $1.rawValue }
            let lot = matching.isEmpty ? LotID("L-0001") : matching[Int(random.next() % UInt64(matching.count))]
            return .allocationProposed(
                AllocationProposal(request: request, line: line, lot: lot, quantity: 10 * (1 + Int(random.next() % 5))))
        case 6, 7:
            var quantities: [Int: Int] = [:]
            for line in lines { quantities[line.number] = ledger.proposedQuantity(request, line: line.number) }
            return .requestApproved(LineQuantities(request: request, quantities: quantities))
        case 8:
            return [.requestReturned(reference), .requestRejected(reference), .requestCancelled(reference)][
                Int(random.next() % 3)]
        case 9, 10: return .requestDispatched(reference)
        case 11:
            var received: [Int: Int] = [:]
            for line in lines { received[line.number] = ledger.dispatchedQuantity(request, line: line.number) }
            return .requestDelivered(LineQuantities(request: request, quantities: received))
        case 12: return .paperworkCompleted(reference)
        case 13:
            let spec = IncrementalRowsTests.items[Int(random.next() % 3)].spec
            return .substitutionAllowed(SubstitutionAllowance(request: request, line: line, spec: spec))
        case 14:
            return random.next() % 2 == 0
                ? .lotReceived(LotReceipt(lot: "L-0003", quantity: 500))
                : newLot(item: Int(random.next() % 3), arrived: true)
        default: return newRecipient()
        }
    }

    struct Refused: Error {
        var event: DomainEvent
    }

    mutating func newRecipient() -> DomainEvent {
        recipients += 1
        return .recipientRegistered(
            Recipient(
                id: RecipientID("H\(recipients - 1)"), name: "受援单位\(recipients)", tier: Tier.allCases[recipients % 4],
                latitude: 30, longitude: 120, contact: ""))
    }

    mutating func newLot(item: Int, arrived: Bool, directed: RecipientID? = nil) -> DomainEvent {
        lots += 1
        return .lotRegistered(
            LotRegistration(
                id: LotID("L-\(String(format: "%04d", lots))"), item: IncrementalRowsTests.items[item], unit: "只",
                quantity: 500, packSize: 10, donor: "捐赠方\(lots)",
                status: arrived ? .arrived(at: time) : .expected(eta: time.addingTimeInterval(3600)),
                designatedRecipient: directed))
    }
}
