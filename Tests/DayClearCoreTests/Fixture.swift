import Foundation
import Testing

@testable import DayClearCore

// MARK: - Names used across the tests

/// The goods of the fixture. Two specs of 口罩 so that "did you mean" hints and
/// spec mismatches can be exercised.
enum Items {
    static let n95 = ItemKey(kind: "口罩", spec: "医用防护口罩 N95")
    static let surgical = ItemKey(kind: "口罩", spec: "医用外科")
    static let gownL = ItemKey(kind: "防护服", spec: "医用一次性 L")
    static let gloves = ItemKey(kind: "手套", spec: "丁腈 M")

    static let units: [ItemKey: String] = [n95: "个", surgical: "个", gownL: "件", gloves: "副"]
    static let all = [n95, surgical, gownL, gloves]
}

/// The recipients of the fixture, one per tier.
enum Units {
    /// 定点医院; the owner of the directed lot.
    static let frontLine: RecipientID = "H01"
    static let otherHospital: RecipientID = "H02"
    static let district: RecipientID = "D01"
    static let checkpoint: RecipientID = "C01"

    static let all = [frontLine, otherHospital, district, checkpoint]
}

/// The lots of the fixture.
enum Lots {
    /// 1,000 N95 masks, arrived the evening before.
    static let n95: LotID = "L-0001"
    /// 600 N95 masks expected on 2026-02-11 10:00.
    static let n95Expected: LotID = "L-0002"
    /// 300 N95 masks directed (定向) to H01, arrived.
    static let n95Directed: LotID = "L-0003"
    /// 200 gowns, arrived.
    static let gowns: LotID = "L-0004"
    /// 500 pairs of gloves, arrived, expiring at midnight starting 2026-02-11.
    static let glovesNearExpiry: LotID = "L-0005"
    /// 400 surgical masks, arrived.
    static let surgical: LotID = "L-0006"
}

// MARK: - Time

/// Wall-clock times in the centre's zone.
enum Clock {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// A local time in Asia/Shanghai.
    static func at(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0
    ) -> Date {
        calendar.date(
            from: DateComponents(
                year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    }

    /// 2026-02-10 09:00, the default time of the fixture's events.
    static let morning = at(2026, 2, 10, 9, 0)
    /// When the expected lot is due.
    static let expectedETA = at(2026, 2, 11, 10, 0)
    /// When the near-expiry gloves expire.
    static let glovesExpiry = at(2026, 2, 11, 0, 0)
    /// A needed-by time after every ETA of the fixture.
    static let comfortablyLater = at(2026, 2, 12, 18, 0)
}

// MARK: - The fixture

/// A ledger with a calendar (Asia/Shanghai, 16:00), four recipients across the
/// tiers, and arrived and expected lots, plus helpers that append events with
/// the next sequence number.
struct Fixture {
    var ledger = Ledger()
    /// Every event the ledger accepted, in order.
    private(set) var log: [RecordedEvent] = []
    /// The default time of new events.
    var now = Clock.morning

    /// An empty ledger with only the calendar configured, when `populated` is false.
    init(populated: Bool = true) throws {
        try record(.calendarConfigured(CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: 960)))
        guard populated else { return }
        try record(.recipientRegistered(Self.recipient(Units.frontLine, "浙大一院", .frontLineHospital)))
        try record(.recipientRegistered(Self.recipient(Units.otherHospital, "市第三人民医院", .otherHospital)))
        try record(.recipientRegistered(Self.recipient(Units.district, "上城区疾控", .districtOffice)))
        try record(.recipientRegistered(Self.recipient(Units.checkpoint, "高速卡口", .community)))
        let evening = Clock.at(2026, 2, 9, 17, 30)
        try registerLot(Lots.n95, Items.n95, quantity: 1000, packSize: 50, status: .arrived(at: evening))
        try registerLot(
            Lots.n95Expected, Items.n95, quantity: 600, packSize: 50, status: .expected(eta: Clock.expectedETA))
        try registerLot(
            Lots.n95Directed, Items.n95, quantity: 300, packSize: 50, status: .arrived(at: evening),
            designatedRecipient: Units.frontLine)
        try registerLot(Lots.gowns, Items.gownL, quantity: 200, packSize: 20, status: .arrived(at: evening))
        try registerLot(
            Lots.glovesNearExpiry, Items.gloves, quantity: 500, packSize: 100, status: .arrived(at: evening),
            expiry: Clock.glovesExpiry)
        try registerLot(Lots.surgical, Items.surgical, quantity: 400, packSize: 100, status: .arrived(at: evening))
    }

    static func recipient(_ id: RecipientID, _ name: String, _ tier: Tier) -> Recipient {
        Recipient(id: id, name: name, tier: tier, latitude: 30.27, longitude: 120.15, contact: "王老师 13800000000")
    }

    // MARK: Recording

    /// The event as it would be recorded next.
    func recorded(
        _ event: DomainEvent, at time: Date? = nil, actor: String = "coordinator", reason: String? = nil
    ) -> RecordedEvent {
        RecordedEvent(
            sequence: ledger.lastSequence + 1, time: time ?? now, actor: actor, reason: reason, event: event)
    }

    /// Appends an event with the next sequence number; throws if the ledger refuses it.
    mutating func record(
        _ event: DomainEvent, at time: Date? = nil, actor: String = "coordinator", reason: String? = nil
    ) throws {
        let next = recorded(event, at: time, actor: actor, reason: reason)
        try ledger.apply(next)
        log.append(next)
    }

    /// Applies an event that must be refused; checks that the ledger did not change
    /// and returns the error (nil, with an issue recorded, if it was accepted).
    @discardableResult
    mutating func refuse(
        _ event: DomainEvent, at time: Date? = nil, actor: String = "coordinator", reason: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> DomainError? {
        let before = ledger
        let next = recorded(event, at: time, actor: actor, reason: reason)
        do {
            try ledger.apply(next)
            log.append(next)
            Issue.record("expected \(event) to be refused, but it was accepted", sourceLocation: sourceLocation)
            return nil
        } catch let error as DomainError {
            #expect(ledger == before, "a refused event changed the ledger", sourceLocation: sourceLocation)
            return error
        } catch {
            Issue.record("expected a DomainError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Applies an event that must be refused with exactly `expected`, leaving the ledger unchanged.
    mutating func expectRefusal(
        _ event: DomainEvent, _ expected: DomainError, at time: Date? = nil, actor: String = "coordinator",
        reason: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = refuse(event, at: time, actor: actor, reason: reason, sourceLocation: sourceLocation)
        #expect(error == expected, sourceLocation: sourceLocation)
    }

    /// Applies an event that must be refused with an error matching `matches`
    /// (for errors whose text is free-form), leaving the ledger unchanged.
    mutating func expectRefusal(
        _ event: DomainEvent, at time: Date? = nil, actor: String = "coordinator", reason: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation, where matches: (DomainError) -> Bool
    ) {
        let error = refuse(event, at: time, actor: actor, reason: reason, sourceLocation: sourceLocation)
        if let error { #expect(matches(error), "unexpected error: \(error)", sourceLocation: sourceLocation) }
    }

    // MARK: Shorthands for common events

    mutating func registerLot(
        _ id: LotID, _ item: ItemKey, quantity: Int, packSize: Int = 1, donor: String = "爱心企业",
        status: Lot.Status, expiry: Date? = nil, designatedRecipient: RecipientID? = nil,
        valuation: Valuation = .pending
    ) throws {
        try record(
            .lotRegistered(
                LotRegistration(
                    id: id, item: item, unit: Items.units[item] ?? "个", quantity: quantity, packSize: packSize,
                    donor: donor, status: status, expiry: expiry, designatedRecipient: designatedRecipient,
                    valuation: valuation)))
    }

    static func lines(_ items: [(ItemKey, Int)]) -> [RequestLine] {
        items.enumerated().map { index, pair in
            RequestLine(number: index + 1, item: pair.0, unit: Items.units[pair.0] ?? "个", quantity: pair.1)
        }
    }

    static func submission(
        _ id: RequestID, for recipient: RecipientID = Units.otherHospital, _ items: [(ItemKey, Int)],
        neededBy: Date = Clock.comfortablyLater
    ) -> RequestSubmission {
        RequestSubmission(id: id, recipient: recipient, neededBy: neededBy, lines: lines(items))
    }

    mutating func submit(
        _ id: RequestID, for recipient: RecipientID = Units.otherHospital, _ items: [(ItemKey, Int)],
        neededBy: Date = Clock.comfortablyLater, at time: Date? = nil
    ) throws {
        try record(.requestSubmitted(Self.submission(id, for: recipient, items, neededBy: neededBy)), at: time)
    }

    mutating func propose(
        _ request: RequestID, line: Int = 1, from lot: LotID, _ quantity: Int, at time: Date? = nil,
        actor: String = "taskforce"
    ) throws {
        try record(
            .allocationProposed(AllocationProposal(request: request, line: line, lot: lot, quantity: quantity)),
            at: time, actor: actor)
    }

    mutating func approve(
        _ request: RequestID, _ quantities: [Int: Int] = [:], at time: Date? = nil, actor: String = "supervisor"
    ) throws {
        try record(.requestApproved(LineQuantities(request: request, quantities: quantities)), at: time, actor: actor)
    }

    mutating func returnRequest(_ request: RequestID, reason: String? = "请核对数量") throws {
        try record(.requestReturned(RequestReference(request: request)), actor: "supervisor", reason: reason)
    }

    mutating func reject(_ request: RequestID, reason: String? = "不属于受援范围") throws {
        try record(.requestRejected(RequestReference(request: request)), actor: "supervisor", reason: reason)
    }

    mutating func cancel(_ request: RequestID, reason: String? = nil) throws {
        try record(.requestCancelled(RequestReference(request: request)), reason: reason)
    }

    mutating func dispatch(_ request: RequestID, at time: Date? = nil) throws {
        try record(.requestDispatched(RequestReference(request: request)), at: time)
    }

    mutating func deliver(_ request: RequestID, _ quantities: [Int: Int] = [:], at time: Date? = nil) throws {
        try record(.requestDelivered(LineQuantities(request: request, quantities: quantities)), at: time)
    }

    mutating func receive(_ lot: LotID, _ quantity: Int, at time: Date? = nil) throws {
        try record(.lotReceived(LotReceipt(lot: lot, quantity: quantity)), at: time)
    }

    // MARK: Lookups

    func lot(_ id: LotID, sourceLocation: SourceLocation = #_sourceLocation) throws -> Lot {
        try #require(ledger.lots[id], "no lot \(id)", sourceLocation: sourceLocation)
    }

    func request(_ id: RequestID, sourceLocation: SourceLocation = #_sourceLocation) throws -> Request {
        try #require(ledger.requests[id], "no request \(id)", sourceLocation: sourceLocation)
    }

    func state(_ id: RequestID) -> RequestState? { ledger.requests[id]?.state }

    /// Replays the accepted log into a fresh ledger.
    func replayed() throws -> Ledger {
        var fresh = Ledger()
        for event in log { try fresh.apply(event) }
        return fresh
    }
}
