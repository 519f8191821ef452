import Foundation
import Testing

@testable import DayClearCore

private func registration(
    _ id: LotID = "L-0100", _ item: ItemKey = Items.n95, unit: String? = nil, quantity: Int = 100,
    packSize: Int = 10, donor: String = "某商会", status: Lot.Status = .arrived(at: Clock.morning),
    expiry: Date? = nil, designatedRecipient: RecipientID? = nil, valuation: Valuation = .pending
) -> DomainEvent {
    .lotRegistered(
        LotRegistration(
            id: id, item: item, unit: unit ?? Items.units[item] ?? "个", quantity: quantity, packSize: packSize,
            donor: donor, status: status, expiry: expiry, designatedRecipient: designatedRecipient,
            valuation: valuation))
}

private func isInvalid(_ error: DomainError) -> Bool {
    if case .invalid = error { return true }
    return false
}

private func isInvalidQuantity(_ error: DomainError) -> Bool {
    if case .invalidQuantity = error { return true }
    return false
}

@Suite("Lots")
struct LotTests {
    @Test("a registered lot keeps what was registered and learns the item's unit")
    func registeredLot() throws {
        var f = try Fixture(populated: false)
        try f.record(.recipientRegistered(Fixture.recipient(Units.frontLine, "浙大一院", .frontLineHospital)))
        let expiry = Clock.at(2027, 1, 1)
        try f.record(
            registration(
                "L-1", Items.gownL, quantity: 120, packSize: 12, donor: "校友会",
                status: .expected(eta: Clock.expectedETA),
                expiry: expiry, designatedRecipient: Units.frontLine, valuation: .invoiced(fen: 1_200_000)))
        let lot = try f.lot("L-1")
        #expect(lot.item == Items.gownL)
        #expect(lot.unit == "件")
        #expect(lot.quantity == 120)
        #expect(lot.packSize == 12)
        #expect(lot.donor == "校友会")
        #expect(lot.status == .expected(eta: Clock.expectedETA))
        #expect(lot.eta == Clock.expectedETA)
        #expect(!lot.isArrived)
        #expect(lot.arrivedAt == nil)
        #expect(lot.onHand == 0)
        #expect(lot.free == 120)
        #expect(lot.expiry == expiry)
        #expect(lot.designatedRecipient == Units.frontLine)
        #expect(lot.valuation == .invoiced(fen: 1_200_000))
        #expect(f.ledger.itemUnits == [Items.gownL: "件"])
    }

    @Test("duplicate lot ids are refused")
    func duplicateID() throws {
        var f = try Fixture()
        f.expectRefusal(registration(Lots.n95), .duplicate("lot \(Lots.n95)"))
        // Even with different contents.
        f.expectRefusal(registration(Lots.n95, Items.gownL, quantity: 5), .duplicate("lot \(Lots.n95)"))
    }

    @Test("non-positive quantities and pack sizes are refused", arguments: [0, -1, -50, Int.min])
    func nonPositive(value: Int) throws {
        var f = try Fixture()
        f.expectRefusal(registration(quantity: value), where: isInvalidQuantity)
        f.expectRefusal(registration(packSize: value), where: isInvalidQuantity)
        #expect(f.ledger.lots["L-0100"] == nil)
    }

    @Test("an unknown designated recipient is refused")
    func unknownDesignatedRecipient() throws {
        var f = try Fixture()
        f.expectRefusal(registration(designatedRecipient: "H99"), .unknownRecipient("H99"))
    }

    @Test("a known kind+spec must keep its unit")
    func unitMismatch() throws {
        var f = try Fixture()
        f.expectRefusal(registration("L-0100", Items.n95, unit: "盒"), .unitMismatch(Items.n95, expected: "个", got: "盒"))
        // Another spec of the same kind may have another unit.
        try f.record(registration("L-0101", ItemKey(kind: "口罩", spec: "KN95 独立包装"), unit: "盒"))
        #expect(f.ledger.itemUnits[ItemKey(kind: "口罩", spec: "KN95 独立包装")] == "盒")
    }

    @Test("empty ids, kinds, units and donors are refused")
    func emptyText() throws {
        var f = try Fixture()
        f.expectRefusal(registration(""), where: isInvalid)
        f.expectRefusal(registration("  "), where: isInvalid)
        f.expectRefusal(registration("L-0100", ItemKey(kind: " ", spec: "x")), where: isInvalid)
        f.expectRefusal(registration(unit: ""), where: isInvalid)
        f.expectRefusal(registration(donor: ""), where: isInvalid)
    }

    @Test("receiving an expected lot: arrived at the event's time, quantity replaced by the count")
    func receiveExpected() throws {
        var f = try Fixture()
        let when = Clock.at(2026, 2, 11, 9, 40)
        try f.receive(Lots.n95Expected, 580, at: when)
        let lot = try f.lot(Lots.n95Expected)
        #expect(lot.status == .arrived(at: when))
        #expect(lot.isArrived)
        #expect(lot.arrivedAt == when)
        #expect(lot.eta == nil)
        #expect(lot.quantity == 580)
        #expect(lot.onHand == 580)
        #expect(lot.free == 580)
        // A count above the expectation is fine too.
        try f.registerLot("L-0200", Items.gownL, quantity: 10, status: .expected(eta: Clock.expectedETA))
        try f.receive("L-0200", 12)
        #expect(try f.lot("L-0200").quantity == 12)
    }

    @Test("a lot cannot be received twice, nor an arrived lot received")
    func alreadyArrived() throws {
        var f = try Fixture()
        f.expectRefusal(.lotReceived(LotReceipt(lot: Lots.n95, quantity: 1000)), .alreadyArrived(Lots.n95))
        try f.receive(Lots.n95Expected, 600)
        f.expectRefusal(
            .lotReceived(LotReceipt(lot: Lots.n95Expected, quantity: 600)), .alreadyArrived(Lots.n95Expected))
    }

    @Test("receipts of an unknown lot or a non-positive count are refused")
    func badReceipts() throws {
        var f = try Fixture()
        f.expectRefusal(.lotReceived(LotReceipt(lot: "L-9999", quantity: 1)), .unknownLot("L-9999"))
        f.expectRefusal(.lotReceived(LotReceipt(lot: Lots.n95Expected, quantity: 0)), where: isInvalidQuantity)
        f.expectRefusal(.lotReceived(LotReceipt(lot: Lots.n95Expected, quantity: -5)), where: isInvalidQuantity)
    }

    @Test("receiving fewer than already promised is refused")
    func shortArrival() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 300)])
        try f.submit("R-2", for: Units.district, [(Items.n95, 300)])
        try f.propose("R-1", from: Lots.n95Expected, 300)
        try f.propose("R-2", from: Lots.n95Expected, 200)
        try f.approve("R-1")
        // 300 approved + 200 proposed = 500 committed.
        f.expectRefusal(
            .lotReceived(LotReceipt(lot: Lots.n95Expected, quantity: 499)),
            .shortArrival(lot: Lots.n95Expected, committed: 500, received: 499))
        try f.receive(Lots.n95Expected, 500)
        let lot = try f.lot(Lots.n95Expected)
        #expect(lot.free == 0)
        #expect((lot.proposed, lot.approved) == (200, 300))
    }

    @Test(
        "a pending valuation becomes invoiced, appraised or unvaluable, once only",
        arguments: [
            Valuation.invoiced(fen: 250_000), .appraised(fen: 99_900, by: "浙江某评估事务所"), .unvaluable,
            .invoiced(fen: 0),
        ])
    func valuation(_ valuation: Valuation) throws {
        var f = try Fixture()
        #expect(try f.lot(Lots.n95).valuation == .pending)
        try f.record(.lotValued(LotValuation(lot: Lots.n95, valuation: valuation)))
        #expect(try f.lot(Lots.n95).valuation == valuation)
        for again in [Valuation.invoiced(fen: 1), .unvaluable, .appraised(fen: 5, by: "x"), .pending] {
            f.expectRefusal(
                .lotValued(LotValuation(lot: Lots.n95, valuation: again)), .alreadyValued(Lots.n95, valuation))
        }
    }

    @Test("a valuation must not be pending, negative or anonymous")
    func badValuations() throws {
        var f = try Fixture()
        f.expectRefusal(.lotValued(LotValuation(lot: Lots.n95, valuation: .pending)), where: isInvalid)
        f.expectRefusal(
            .lotValued(LotValuation(lot: Lots.n95, valuation: .invoiced(fen: -1))), where: isInvalidQuantity)
        f.expectRefusal(
            .lotValued(LotValuation(lot: Lots.n95, valuation: .appraised(fen: -100, by: "某所"))),
            where: isInvalidQuantity
        )
        f.expectRefusal(
            .lotValued(LotValuation(lot: Lots.n95, valuation: .appraised(fen: 100, by: " "))), where: isInvalid)
        f.expectRefusal(.lotValued(LotValuation(lot: "L-9999", valuation: .unvaluable)), .unknownLot("L-9999"))
        // Registering with a negative value is refused as well.
        f.expectRefusal(registration(valuation: .invoiced(fen: -1)), where: isInvalidQuantity)
        #expect(try f.lot(Lots.n95).valuation == .pending)
    }

    @Test("valuation labels and amounts")
    func valuationLabels() {
        #expect(Valuation.pending.fen == nil)
        #expect(Valuation.unvaluable.fen == nil)
        #expect(Valuation.invoiced(fen: 12).fen == 12)
        #expect(Valuation.appraised(fen: 34, by: "A").fen == 34)
        #expect(Valuation.appraised(fen: 34, by: "某所").label == "评估(某所)")
        #expect(Valuation.unvaluable.label == "无法评估")
        #expect(Valuation.pending.isPending)
        #expect(!Valuation.unvaluable.isPending)
    }
}

@Suite("Set-up events")
struct SetUpTests {
    @Test("the calendar is configured from its event")
    func calendar() throws {
        let f = try Fixture(populated: false)
        #expect(f.ledger.calendar == OperationalCalendar(timeZone: Clock.zone, cutoffMinutes: 960))
        #expect(f.ledger.lastSequence == 1)
    }

    @Test(
        "an unknown time zone or a cutoff outside the day is refused",
        arguments: [
            CalendarSettings(timeZoneIdentifier: "Mars/Olympus", cutoffMinutes: 960),
            CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: 1440),
            CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: -1),
        ])
    func badCalendar(_ settings: CalendarSettings) throws {
        var f = try Fixture()
        f.expectRefusal(.calendarConfigured(settings), where: isInvalid)
    }

    @Test("recipients: duplicate ids, empty names and impossible coordinates are refused")
    func recipients() throws {
        var f = try Fixture()
        f.expectRefusal(
            .recipientRegistered(Fixture.recipient(Units.frontLine, "另一家", .community)),
            .duplicate("recipient \(Units.frontLine)"))
        f.expectRefusal(.recipientRegistered(Fixture.recipient("H09", " ", .community)), where: isInvalid)
        f.expectRefusal(.recipientRegistered(Fixture.recipient("", "无名", .community)), where: isInvalid)
        var lost = Fixture.recipient("H09", "某医院", .otherHospital)
        lost.latitude = 91
        f.expectRefusal(.recipientRegistered(lost), where: isInvalid)
        lost.latitude = 30
        lost.longitude = -181
        f.expectRefusal(.recipientRegistered(lost), where: isInvalid)
        #expect(f.ledger.recipients.count == 4)
        #expect(f.ledger.recipients[Units.frontLine]?.tier == .frontLineHospital)
    }

    @Test("sequences must run 1, 2, 3… with no gaps or repeats", arguments: [Int64(0), 1, 5, 12, 13, -1])
    func sequence(_ sequence: Int64) throws {
        var f = try Fixture()
        #expect(f.ledger.lastSequence == 11)
        let before = f.ledger
        let event = RecordedEvent(
            sequence: sequence, time: Clock.morning, actor: "x", reason: nil,
            event: .recipientRegistered(Fixture.recipient("H09", "某医院", .otherHospital)))
        if sequence == 12 {
            try f.ledger.apply(event)
            #expect(f.ledger.lastSequence == 12)
        } else {
            #expect(throws: DomainError.self) { try f.ledger.apply(event) }
            #expect(f.ledger == before)
        }
    }

    @Test("a refused event does not consume a sequence number")
    func refusedKeepsSequence() throws {
        var f = try Fixture()
        f.expectRefusal(.lotReceived(LotReceipt(lot: "L-9999", quantity: 1)), .unknownLot("L-9999"))
        #expect(f.ledger.lastSequence == 11)
        try f.receive(Lots.n95Expected, 600)
        #expect(f.ledger.lastSequence == 12)
    }

    @Test("apply(all:) applies every event or none")
    func applyAll() throws {
        let f = try Fixture()
        var ledger = Ledger()
        let good = Array(f.log.prefix(5))
        let bad = RecordedEvent(
            sequence: 6, time: Clock.morning, actor: "x", reason: nil,
            event: .lotReceived(LotReceipt(lot: "L-9999", quantity: 1)))
        #expect(throws: DomainError.unknownLot("L-9999")) { try ledger.apply(all: good + [bad]) }
        #expect(ledger == Ledger())
        try ledger.apply(all: f.log)
        #expect(ledger == f.ledger)
    }

    @Test("event metadata: the request and lot an event concerns")
    func eventMetadata() {
        let ref = RequestReference(request: "R-1")
        #expect(DomainEvent.requestCancelled(ref).requestID == "R-1")
        #expect(DomainEvent.requestCancelled(ref).lotID == nil)
        let proposal = DomainEvent.allocationProposed(
            AllocationProposal(request: "R-2", line: 1, lot: "L-3", quantity: 1))
        #expect(proposal.requestID == "R-2")
        #expect(proposal.lotID == "L-3")
        #expect(DomainEvent.lotReceived(LotReceipt(lot: "L-4", quantity: 1)).lotID == "L-4")
        #expect(DomainEvent.lotReceived(LotReceipt(lot: "L-4", quantity: 1)).requestID == nil)
    }

    @Test("identifiers sort numerically")
    func identifierOrder() {
        let ids: [RequestID] = ["R-10", "R-2", "R-1"]
        #expect(ids.sorted() == ["R-1", "R-2", "R-10"])
        #expect(Tier.allCases.sorted() == [.frontLineHospital, .otherHospital, .districtOffice, .community])
    }
}
