import DayClearCore
import DayClearStore
import Foundation
import TerminalUI
import Testing

@testable import DayClearApp

/// The arrival, expected-lot, request and import forms, driven by keys through `update`.
@Suite struct FormTests {
    /// A coordinator's fresh state at the fixture's time.
    func coordinator(_ language: Language = .zh) -> AppState {
        AppState(language: language, user: "li", roles: [.coordinator], now: Fixture.now)
    }

    /// Presses each key in turn and returns every effect produced.
    func press(_ keys: [Key], _ state: inout AppState, _ ledger: Ledger) -> [Effect] {
        keys.flatMap { update(&state, key: $0, ledger: ledger) }
    }

    /// Keys that type each text into successive fields, Tab between them.
    func fill(_ texts: [String]) -> [Key] {
        texts.flatMap { $0.map(Key.character) + [.tab] }
    }

    /// The one event of a single record effect, if that is what `effects` is.
    func recorded(_ effects: [Effect]) -> DomainEvent? {
        guard effects.count == 1, case .record(nil, let events, _) = effects[0], events.count == 1 else { return nil }
        return events[0]
    }

    /// The arrival form's keys: the suggested lot id kept, then kind to expiry; pack size typed over.
    func arrivalKeys(quantity: String, unit: String = "只", recipient: String = "", lot: [Key] = []) -> [Key] {
        [.character("N")] + lot + [.tab]
            + fill(["口罩", "医用防护N95", quantity, unit]) + [.backspace] + fill(["50", "浙江某商会", recipient])
    }

    @Test func anArrivalIsRegisteredAsArrivedNow() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        let effects = press(arrivalKeys(quantity: "1,200") + [.enter], &state, ledger)
        let expected = LotRegistration(
            id: "L-0004", item: Fixture.n95, unit: "只", quantity: 1200, packSize: 50, donor: "浙江某商会",
            status: .arrived(at: Fixture.now))
        #expect(recorded(effects) == .lotRegistered(expected))
        // Open until the run loop reports the record made.
        #expect(state.form != nil)
        state.finishRecord(success: "已登记到货")
        #expect(state.form == nil)
        #expect(state.status == .info("已登记到货"))
    }

    @Test func anExpectedLotCarriesItsETAAndDirectedRecipient() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        let keys =
            [.character("E"), .tab] + fill(["口罩", "医用防护N95", "300", "只"]) + [.backspace]
            + fill(["100", "匿名", "翠苑社区卡口", "2027-06-30", "2026-02-11 09:30"])
        let effects = press(keys + [.control("s")], &state, ledger)
        guard case .lotRegistered(let lot) = recorded(effects) else {
            Issue.record("expected a registration, got \(effects)")
            return
        }
        let parser = FieldParser(calendar: ledger.calendar)
        #expect(lot.status == .expected(eta: try parser.date("2026-02-11 09:30")))
        #expect(lot.designatedRecipient == "C01")
        #expect(lot.expiry == (try parser.date("2027-06-30", endOfDay: true)))
    }

    @Test(arguments: ["-5", "abc", "99999999999999999999", "0", ""])
    func aBadQuantityStaysInTheFormBesideTheField(_ quantity: String) throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        let effects = press(arrivalKeys(quantity: quantity) + [.control("s")], &state, ledger)
        #expect(effects.isEmpty)
        let form = try #require(state.form)
        #expect(form[.quantity]?.error != nil)
        #expect(form[.quantity]?.text == quantity)
        #expect(form[.donor]?.text == "浙江某商会")
        #expect(form.fields.filter { $0.error != nil }.map(\.name) == [.quantity])
        #expect(form.fields[form.focus].name == .quantity)
    }

    @Test func quantityErrorsAreInChinese() throws {
        let ledger = try Fixture.ledger()
        for (text, message) in [
            ("-5", "数量不能为负：-5"), ("abc", "不是整数：abc"), ("99999999999999999999", "数字太大：99999999999999999999"),
        ] {
            var state = coordinator()
            _ = press(arrivalKeys(quantity: text) + [.control("s")], &state, ledger)
            #expect(state.form?[.quantity]?.error == message)
        }
    }

    @Test func editingAFieldClearsItsErrorAndResubmittingRecords() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        _ = press(arrivalKeys(quantity: "-5") + [.control("s")], &state, ledger)
        _ = press([.home, .delete], &state, ledger)
        #expect(state.form?[.quantity]?.error == nil)
        let effects = press([.control("s")], &state, ledger)
        guard case .lotRegistered(let lot) = recorded(effects) else {
            Issue.record("expected a registration, got \(effects)")
            return
        }
        #expect(lot.quantity == 5)
    }

    @Test func anUnknownDirectedRecipientIsMarkedOnTheRecipientField() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        let effects = press(arrivalKeys(quantity: "10", recipient: "H99") + [.control("s")], &state, ledger)
        #expect(effects.isEmpty)
        #expect(state.form?[.recipient]?.error == "没有这个受援单位：H99")
    }

    @Test func aDuplicateLotIdAndAUnitMismatchAreMarkedWhereTheyBelong() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator(.en)
        let retype: [Key] = [.control("u")] + "L-0001".map(Key.character)
        _ = press(arrivalKeys(quantity: "10", lot: retype) + [.control("s")], &state, ledger)
        #expect(state.form?[.lot]?.error == "duplicate: lot L-0001 already exists")
        state = coordinator(.en)
        _ = press(arrivalKeys(quantity: "10", unit: "箱") + [.control("s")], &state, ledger)
        #expect(state.form?[.unit]?.error == "口罩 / 医用防护N95 is counted in 只, not 箱")
    }

    @Test func escapeClosesTheFormAtOnceWithoutAnEffect() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        let effects = press(arrivalKeys(quantity: "10") + [.escape], &state, ledger)
        #expect(effects.isEmpty)
        #expect(state.form == nil)
        #expect(state.screen == .lists)
    }

    @Test func aRequestIsSubmittedWithTheUnitsOfItsGoods() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        let keys =
            [.character("R"), .tab]
            + fill(["H01", "2026-02-10 20:00", "口罩", "医用防护N95", "600", "", "", "", "防护服", "医用一次性L", "40"])
        let effects = press(keys + [.control("s")], &state, ledger)
        let expected = RequestSubmission(
            id: "R-0003", recipient: "H01",
            neededBy: try FieldParser(calendar: ledger.calendar).date("2026-02-10 20:00"),
            lines: [
                RequestLine(number: 1, item: Fixture.n95, unit: "只", quantity: 600),
                RequestLine(number: 2, item: Fixture.gown, unit: "件", quantity: 40),
            ])
        #expect(recorded(effects) == .requestSubmitted(expected))
    }

    @Test func aRepeatedItemIsMarkedOnTheRowThatRepeatsIt() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        let keys =
            [.character("R"), .tab]
            + fill(["H01", "2026-02-10 20:00", "", "", "", "口罩", "医用防护N95", "600", "口罩", "医用防护N95", "10"])
        #expect(press(keys + [.control("s")], &state, ledger).isEmpty)
        // Rows 2 and 3 of the form are the request's lines 1 and 2: the message names the rows shown.
        #expect(state.form?[.lineKind(3)]?.error == "R-0003 第 3 行与第 2 行重复：口罩 / 医用防护N95")
        #expect(state.form?[.lineKind(2)]?.error == nil)
    }

    /// Between the form's check and the record another terminal entered a request with the same id:
    /// the store refuses it, and the form stays open with everything typed and the id marked.
    @Test func aRequestTheStoreRefusesKeepsItsFormOpenWithTheRefusalOnItsField() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        let keys =
            [.character("R"), .tab]
            + fill(["H01", "2026-02-10 20:00", "", "", "", "口罩", "医用防护N95", "600"])
        let effects = press(keys + [.control("s")], &state, ledger)
        let event = try #require(recorded(effects))

        var raced = ledger
        let elsewhere = RequestSubmission(
            id: "R-0003", recipient: "C01", neededBy: Fixture.now.addingTimeInterval(3600),
            lines: [RequestLine(number: 1, item: Fixture.gown, unit: "件", quantity: 5)])
        try raced.apply(
            RecordedEvent(
                sequence: raced.lastSequence + 1, time: Fixture.now, actor: "wang", reason: nil,
                event: .requestSubmitted(elsewhere)))
        let error = try #require(throws: DomainError.self) {
            var copy = raced
            try copy.apply(
                RecordedEvent(
                    sequence: raced.lastSequence + 1, time: Fixture.now, actor: "li", reason: nil, event: event))
        }
        state.finishRecord(refusal: error, of: [event], ledger: raced)

        #expect(state.status == .error("已存在：R-0003"))
        let form = try #require(state.form)
        #expect(form[.request]?.error == "已存在：R-0003")
        #expect(form.fields[form.focus].name == .request)
        #expect(form.value(.lineKind(2)) == "口罩")
        #expect(form.value(.lineQuantity(2)) == "600")

        // A refusal of a request line is placed on the form row it was typed in, not its line number.
        state.finishRecord(
            refusal: DomainError.unitMismatch(Fixture.n95, expected: "只", got: "箱"), of: [event], ledger: raced)
        #expect(state.form?[.request]?.error == nil)
        #expect(state.form?[.lineKind(2)]?.error == "口罩 / 医用防护N95 的单位是“只”，不是“箱”")
    }

    @Test func aRequestForAnUnknownRecipientOrItemIsMarkedOnThoseFields() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        _ = press(
            [.character("R"), .tab] + fill(["X9", "2026-02-10 20:00", "口罩", "医用防护N95", "600"]) + [.control("s")],
            &state, ledger)
        #expect(state.form?[.recipient]?.error == "没有这个受援单位：X9")
        state = coordinator()
        _ = press(
            [.character("R"), .tab] + fill(["H01", "2026-02-10 20:00", "", "", "", "口罩", "KN95", "600"])
                + [.control("s")],
            &state, ledger)
        #expect(state.form?[.lineSpec(2)]?.error == "还没有登记过 口罩 / KN95 的批次（已有规格：医用防护N95）")
    }

    @Test func aRequestWithoutLinesOrWithABadNeededByStaysOpen() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        let effects = press([.character("R"), .tab] + fill(["H01", "明天"]) + [.control("s")], &state, ledger)
        #expect(effects.isEmpty)
        #expect(state.form?[.neededBy]?.error?.contains("2026-02-10 09:30") == true)
        #expect(state.form?[.lineKind(1)]?.error == "至少填写一行")
    }

    @Test func receivingAnExpectedLotAsksForTheCountedQuantity() throws {
        var ledger = try Fixture.ledger()
        let eta = Fixture.now.addingTimeInterval(1800)
        try ledger.apply(
            RecordedEvent(
                sequence: ledger.lastSequence + 1, time: Fixture.start, actor: "li", reason: nil,
                event: .lotRegistered(
                    LotRegistration(
                        id: "L-0009", item: Fixture.gown, unit: "件", quantity: 200, packSize: 20, donor: "匿名",
                        status: .expected(eta: eta)))))
        var state = coordinator()
        let rows = ScreenRows.goods(ScreenRows.dayLists(state, ledger), filter: "")
        state.goodsSelection = try #require(rows.firstIndex { $0.lot == "L-0009" })
        _ = press([.character("c")], &state, ledger)
        #expect(state.form?[.quantity]?.text == "200")
        let effects = press([.backspace, .backspace, .backspace] + "180".map(Key.character) + [.enter], &state, ledger)
        #expect(recorded(effects) == .lotReceived(LotReceipt(lot: "L-0009", quantity: 180)))
        state.finishRecord(success: "L-0009 已到货，实收 180")
        state.goodsSelection = 0
        _ = press([.character("c")], &state, ledger)
        #expect(state.form == nil)
        #expect(state.status?.isError == true)
    }

    @Test func importAsksTheRunLoopAndReportsProblemsInAPanel() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator(.en)
        let effects = press(
            [.character("I"), .right, .tab] + "/tmp/要求.csv".map(Key.character) + [.enter], &state, ledger)
        #expect(effects == [.importFile(kind: .requests, path: "/tmp/要求.csv")])
        let issue = ImportIssue(file: "/tmp/要求.csv", row: 3, column: "数量", reason: "negative quantity -5")
        state.finishImport(ImportOutcome { throw issue })
        #expect(state.form == nil)
        #expect(state.panel?.lines == ["/tmp/要求.csv:3:数量: negative quantity -5"])
        _ = press([.character("x")], &state, ledger)
        #expect(state.panel == nil)
    }

    @Test func anUnreadableFileIsMarkedOnThePath() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        _ = press([.character("I"), .tab] + "/nope.csv".map(Key.character) + [.enter], &state, ledger)
        state.finishImport(
            ImportOutcome { throw ImportIssue(file: "/nope.csv", row: 0, column: "", reason: "cannot read the file") })
        #expect(state.form?[.path]?.error == "cannot read the file")
    }

    @Test func aViewerIsToldPlainlyAndNoFormOpens() throws {
        var state = AppState(language: .en, user: "zhao", roles: [.viewer], now: Fixture.now)
        _ = press([.character("N")], &state, try Fixture.ledger())
        #expect(state.form == nil)
        #expect(state.status?.text.contains("coordinator role") == true)
    }

    @Test func chineseTypedCharactersEditAtTheCursor() {
        var form = Form(purpose: .arrival, fields: [FormField(.donor, label: LocalizedText("捐赠方", "Donor"), row: 0)])
        for key in [Key.character("浙"), .character("商"), .left, .character("江"), .end, .character("会"), .backspace] {
            _ = form.handle(key)
        }
        #expect(form.fields[0].text == "浙江商")
        #expect(withCursor("浙江商会", at: 1, width: 6) == "浙▏江")
    }

    @Test func nextIdentifiersSkipOtherStyles() {
        #expect(NextIdentifier.after(["L-0001", "L-0012", "X-99", "L-abc"], prefix: "L-") == "L-0013")
        #expect(NextIdentifier.after([], prefix: "R-") == "R-0001")
    }

    // MARK: - Snapshots

    func frame(_ state: AppState, _ ledger: Ledger, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        render(state, ledger: ledger, into: &buffer)
        return buffer
    }

    @Test func arrivalFormWithAnErrorAt80x24() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        _ = press(arrivalKeys(quantity: "-5", recipient: "H99") + [.control("s")], &state, ledger)
        try assertSnapshot(frame(state, ledger, width: 80, height: 24), named: "form-arrival-zh-80x24")
    }

    @Test func requestFormWithAnErrorAt120x40() throws {
        let ledger = try Fixture.ledger()
        var state = coordinator()
        _ = press(
            [.character("R"), .tab] + fill(["H01", "2026-02-10 20:00", "口罩", "医用防护N95", "abc", "防护服", "", "40"])
                + [.control("s")],
            &state, ledger)
        try assertSnapshot(frame(state, ledger, width: 120, height: 40), named: "form-request-zh-120x40")
    }
}
