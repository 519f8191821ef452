import DayClearCore
import DayClearRouting
import DayClearStore
import TerminalUI
import Testing

@testable import DayClearApp

/// The routes screen's `S` (record the shuttle runs) and the group screen's `s` (allow a substitute).
@Suite struct RecordRunsAndSubstituteKeyTests {
    func press(_ keys: [Key], _ state: inout AppState, _ ledger: Ledger) -> [Effect] {
        keys.flatMap { update(&state, key: $0, ledger: ledger) }
    }

    func coordinator() -> AppState {
        var state = Fixture.movedState()
        state.roles = [.coordinator]
        return state
    }

    @Test func sAsksOnceThenRecordsTheRunsTheScreenShows() throws {
        var ledger = try Fixture.movedLedger()
        let day = ledger.calendar.day(containing: Fixture.now)
        let plan = try ShuttlePlanner(configuration: Fixture.shuttle).plan(ledger: ledger, day: day).record
        var state = coordinator()
        #expect(press([.character("3"), .character("S")], &state, ledger).isEmpty)
        #expect(state.modal == .confirm(Confirmation(action: .recordShuttleRuns(plan))))
        let effects = press([.character("y")], &state, ledger)
        #expect(state.modal == nil)
        guard case .record(let reason, let events, let success)? = effects.first, effects.count == 1 else {
            Issue.record("expected one record effect, got \(effects)")
            return
        }
        #expect(reason == "route plan")
        #expect(events == [.shuttleRunsPlanned(plan)])
        #expect(success == "已记录 \(day) 的 1 趟邮政专车")
        // Applied as the store would, the screen says the runs are recorded.
        try ledger.apply(
            RecordedEvent(
                sequence: ledger.lastSequence + 1, time: Fixture.now, actor: "li", reason: reason, event: events[0]))
        var buffer = CellBuffer(width: 120, height: 40)
        render(state, ledger: ledger, into: &buffer)
        #expect(buffer.lines().joined(separator: "\n").contains("（已记录）"))
    }

    @Test func yRecordsNothingWhenAnotherTerminalChangedThePlanMeanwhile() throws {
        var ledger = try Fixture.movedLedger()
        let day = ledger.calendar.day(containing: Fixture.now)
        let shown = try ShuttlePlanner(configuration: Fixture.shuttle).plan(ledger: ledger, day: day).record
        var state = coordinator()
        _ = press([.character("3"), .character("S")], &state, ledger)
        #expect(state.modal == .confirm(Confirmation(action: .recordShuttleRuns(shown))))
        // Another terminal dispatches R-0001 before this one answers.
        try ledger.apply(
            RecordedEvent(
                sequence: ledger.lastSequence + 1, time: Fixture.now, actor: "li", reason: nil,
                event: .requestDispatched(RequestReference(request: "R-0001"))))
        let now = try ShuttlePlanner(configuration: Fixture.shuttle).plan(ledger: ledger, day: day).record
        try #require(now != shown, "the dispatch should change the day's shuttle plan")

        #expect(press([.character("y")], &state, ledger).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status == .error("确认前专车计划已变化（其他终端有新记录），未记录；请按 S 重新查看"))
    }

    @Test func nCancelsWithoutRecording() throws {
        let ledger = try Fixture.movedLedger()
        var state = coordinator()
        _ = press([.character("3"), .character("S")], &state, ledger)
        #expect(press([.character("n")], &state, ledger).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status == .info("已取消"))
    }

    @Test func sNeedsTheCoordinatorRole() throws {
        let ledger = try Fixture.movedLedger()
        var state = Fixture.movedState()  // wang, approver only
        #expect(press([.character("3"), .character("S")], &state, ledger).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status == .error("记录车次需要仓库协调员角色，wang 没有这个角色；未做任何更改"))
    }

    @Test func sSaysWhyThereAreNoRuns() throws {
        var state = coordinator()
        state.language = .en
        // Nothing approved: nothing goes on the shuttle.
        #expect(press([.character("3"), .character("S")], &state, try Fixture.ledger()).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status == .error("Nothing to record: no approved goods go on the shuttle for 2026-02-10"))
        // A broken configuration names its file.
        state.shuttleConfiguration = .failure(
            ShuttleConfigurationError(file: "/srv/d/vehicles.csv", row: 3, "容量（升） must be a positive number"))
        _ = press([.character("S")], &state, try Fixture.movedLedger())
        #expect(state.status == .error("/srv/d/vehicles.csv:3: 容量（升） must be a positive number"))
    }

    @Test func sOnTheGroupScreenAllowsASubstituteForALine() throws {
        let ledger = try Fixture.ledger()
        var state = Fixture.state()
        _ = press([.character("2"), .character("s")], &state, ledger)
        #expect(state.modal == .prompt(Prompt(purpose: .substitute("R-0001"))))
        // Not LINE=SPEC: the prompt stays open and says how.
        _ = press("KN95".map(Key.character) + [.enter], &state, ledger)
        #expect(state.status == .error("请按“行=规格”填写（撤销写“-行=规格”），例如 1=KN95"))
        #expect(state.modal == .prompt(Prompt(purpose: .substitute("R-0001"), text: "KN95")))
        _ = press(Array(repeating: .backspace, count: 4) + "9=KN95".map(Key.character) + [.enter], &state, ledger)
        #expect(state.status == .error("R-0001 没有第 9 行"))
        _ = press([.backspace, .backspace, .backspace, .backspace, .backspace, .backspace], &state, ledger)
        let effects = press("1=KN95".map(Key.character) + [.enter], &state, ledger)
        #expect(state.modal == nil)
        #expect(
            effects == [
                .record(
                    reason: nil,
                    events: [.substitutionAllowed(SubstitutionAllowance(request: "R-0001", line: 1, spec: "KN95"))],
                    success: "已允许 R-0001 第 1 行（口罩 / 医用防护N95）用 KN95 替代")
            ])
    }

    @Test func aLeadingMinusInTheSubstitutePromptRevokes() throws {
        let ledger = try Fixture.ledger()
        var state = Fixture.state()
        _ = press([.character("2"), .character("s")], &state, ledger)
        let effects = press(" -1 = KN95".map(Key.character) + [.enter], &state, ledger)
        #expect(state.modal == nil)
        #expect(
            effects == [
                .record(
                    reason: nil,
                    events: [.substitutionRevoked(SubstitutionAllowance(request: "R-0001", line: 1, spec: "KN95"))],
                    success: "已撤销 R-0001 第 1 行（口罩 / 医用防护N95）用 KN95 替代的许可")
            ])
        // A minus with no line number is not a revoke of line 0 or -1.
        _ = press([.character("s")] + "--1=KN95".map(Key.character) + [.enter], &state, ledger)
        #expect(state.status == .error("请按“行=规格”填写（撤销写“-行=规格”），例如 1=KN95"))
    }

    /// The fixture's day with KN95 allowed (by wang) for R-0001's N95 line and 500 of KN95 lot
    /// L-0009 proposed for it; `approving` also approves R-0001 as proposed.
    func ledgerWithASubstituteLot(approving: Bool = false) throws -> Ledger {
        var ledger = try Fixture.ledger(proposing: false)
        let kn95 = ItemKey(kind: "口罩", spec: "KN95")
        var sequence = ledger.lastSequence
        func record(_ event: DomainEvent, by actor: String) throws {
            sequence += 1
            try ledger.apply(
                RecordedEvent(sequence: sequence, time: Fixture.now, actor: actor, reason: nil, event: event))
        }
        try record(
            .lotRegistered(
                LotRegistration(
                    id: "L-0009", item: kn95, unit: "只", quantity: 800, packSize: 50, donor: "d",
                    status: .arrived(at: Fixture.start))), by: "li")
        try record(.substitutionAllowed(SubstitutionAllowance(request: "R-0001", line: 1, spec: "KN95")), by: "wang")
        try record(
            .allocationProposed(AllocationProposal(request: "R-0001", line: 1, lot: "L-0009", quantity: 500)),
            by: "zhao")
        if approving {
            try record(.requestApproved(LineQuantities(request: "R-0001", quantities: [:])), by: "wang")
        }
        return ledger
    }

    @Test func theGroupScreenShowsAllowedSubstitutesAndSubstituteLots() throws {
        let ledger = try ledgerWithASubstituteLot()
        var state = Fixture.state()
        state.screen = .group
        var buffer = CellBuffer(width: 120, height: 40)
        render(state, ledger: ledger, into: &buffer)
        let screen = buffer.lines().joined(separator: "\n")
        #expect(screen.contains("L-0009(KN95)×500"))
        #expect(screen.contains("可替代 KN95（wang 允许）"))
    }

    /// What leaves the warehouse is the lot's spec: the routes screen names a substitute lot's spec.
    @Test func theRoutesScreenNamesASubstituteLotsSpec() throws {
        let ledger = try ledgerWithASubstituteLot(approving: true)
        var state = Fixture.state()
        state.screen = .routes
        var buffer = CellBuffer(width: 120, height: 40)
        render(state, ledger: ledger, into: &buffer)
        let row = buffer.lines().first { $0.contains("R-0001") && $0.contains("L-0009") }
        #expect(row?.contains("L-0009(KN95)") == true, "\(buffer.lines().joined(separator: "\n"))")
    }
}
