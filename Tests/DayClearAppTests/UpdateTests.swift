import DayClearCore
import TerminalUI
import Testing

@testable import DayClearApp

/// Presses keys through the key table and checks the state and the effects.
@Suite struct UpdateTests {
    /// Presses each key in turn and returns every effect produced.
    func press(_ keys: [Key], _ state: inout AppState, _ ledger: Ledger) -> [Effect] {
        keys.flatMap { update(&state, key: $0, ledger: ledger) }
    }

    func type(_ text: String) -> [Key] { text.map(Key.character) }

    @Test func digitsAndTabSwitchScreens() throws {
        let ledger = try Fixture.ledger()
        var state = Fixture.state()
        _ = press([.character("2")], &state, ledger)
        #expect(state.screen == .group)
        _ = press([.character("6")], &state, ledger)
        #expect(state.screen == .journal)
        _ = press([.tab], &state, ledger)
        #expect(state.screen == .lists)
        _ = press([.backTab], &state, ledger)
        #expect(state.screen == .journal)
    }

    @Test func approveRecordsTheSelectedRequestAsProposed() throws {
        let ledger = try Fixture.ledger()
        var state = Fixture.state()
        let effects = press([.character("2"), .character("a")], &state, ledger)
        guard case .record(nil, let events, _) = effects.first, effects.count == 1 else {
            Issue.record("expected one record effect, got \(effects)")
            return
        }
        #expect(events == [.requestApproved(LineQuantities(request: "R-0001", quantities: [1: 2500, 2: 300]))])
    }

    @Test func approvingASubmittedRequestSaysNothingIsProposed() throws {
        let ledger = try Fixture.ledger()
        var state = Fixture.state(.en)
        let effects = press([.character("2"), .character("n"), .character("a")], &state, ledger)
        #expect(effects.isEmpty)
        #expect(state.status?.isError == true)
        #expect(state.status?.text.contains("R-0002") == true)
    }

    @Test func trimApprovesTheTrimmedQuantity() throws {
        let ledger = try Fixture.ledger()
        var state = Fixture.state()
        let effects = press([.character("2"), .character("t")] + type("1=1200") + [.enter], &state, ledger)
        #expect(state.modal == nil)
        let expected = DomainEvent.requestApproved(LineQuantities(request: "R-0001", quantities: [1: 1200, 2: 300]))
        guard case .record(nil, let events, _) = effects.first, effects.count == 1 else {
            Issue.record("expected one record effect, got \(effects)")
            return
        }
        #expect(events == [expected])
    }

    @Test func malformedTrimKeepsThePromptOpen() throws {
        let ledger = try Fixture.ledger()
        var state = Fixture.state()
        let effects = press([.character("2"), .character("t")] + type("1:5") + [.enter], &state, ledger)
        #expect(effects.isEmpty)
        #expect(state.status?.isError == true)
        #expect(state.modal == .prompt(Prompt(purpose: .trim("R-0001"), text: "1:5")))
    }

    @Test func returnAndRejectNeedAReason() throws {
        let ledger = try Fixture.ledger()
        for (key, event) in [
            ("r", DomainEvent.requestReturned(RequestReference(request: "R-0001"))),
            ("x", .requestRejected(RequestReference(request: "R-0001"))),
        ] {
            var state = Fixture.state()
            let empty = press([.character("2"), .character(Character(key)), .enter], &state, ledger)
            #expect(empty.isEmpty)
            #expect(state.status?.isError == true)
            let effects = press(type("缺少签字") + [.enter], &state, ledger)
            guard case .record(let reason, let events, _) = effects.first else {
                Issue.record("expected a record effect, got \(effects)")
                continue
            }
            #expect(reason == "缺少签字")
            #expect(events == [event])
            #expect(state.modal == nil)
        }
    }

    @Test func escapeCancelsAPromptAtOnce() throws {
        let ledger = try Fixture.ledger()
        var state = Fixture.state()
        let effects = press([.character("2"), .character("r")] + type("abc") + [.escape], &state, ledger)
        #expect(effects.isEmpty)
        #expect(state.modal == nil)
        #expect(state.screen == .group)
    }

    @Test func approveAllAsksOnceThenApprovesEveryProposal() throws {
        let ledger = try Fixture.ledger()
        var state = Fixture.state()
        #expect(press([.character("2"), .character("A")], &state, ledger).isEmpty)
        let asShown = LineQuantities(request: "R-0001", quantities: [1: 2500, 2: 300])
        #expect(state.modal == .confirm(Confirmation(action: .approveAll([asShown]))))
        let effects = press([.character("y")], &state, ledger)
        #expect(effects.count == 1)
        #expect(state.modal == nil)
    }

    /// Approving each request as its own record let a later success hide a refusal: all of them
    /// are now one record, which another terminal's decision on any one of them refuses whole.
    @Test func approveAllIsOneRecordThatARaceRefusesWhole() throws {
        var ledger = try Fixture.ledger()
        try ledger.apply(
            RecordedEvent(
                sequence: ledger.lastSequence + 1, time: Fixture.now, actor: "wang", reason: nil,
                event: .allocationProposed(AllocationProposal(request: "R-0002", line: 1, lot: "L-0002", quantity: 400))
            ))
        var state = Fixture.state()
        _ = press([.character("2"), .character("A")], &state, ledger)
        let asShown = [
            LineQuantities(request: "R-0001", quantities: [1: 2500, 2: 300]),
            LineQuantities(request: "R-0002", quantities: [1: 400]),
        ]
        #expect(state.modal == .confirm(Confirmation(action: .approveAll(asShown))))
        // A proposal another terminal adds before `y` is not approved unseen: the quantities are those shown.
        var later = ledger
        try later.apply(
            RecordedEvent(
                sequence: later.lastSequence + 1, time: Fixture.now, actor: "zhang", reason: nil,
                event: .allocationProposed(AllocationProposal(request: "R-0002", line: 1, lot: "L-0002", quantity: 100))
            ))
        let effects = press([.character("y")], &state, later)
        guard case .record(nil, let events, let success) = effects.first, effects.count == 1 else {
            Issue.record("expected one record, got \(effects)")
            return
        }
        #expect(events == asShown.map { .requestApproved($0) })
        #expect(success == "已批准 2 项申请，手续待补")

        // Meanwhile another terminal returned R-0002: the record is refused and approves nothing.
        var raced = ledger
        try raced.apply(
            RecordedEvent(
                sequence: raced.lastSequence + 1, time: Fixture.now, actor: "li", reason: "数量不对",
                event: .requestReturned(RequestReference(request: "R-0002"))))
        let before = raced
        let recorded = events.enumerated().map { index, event in
            RecordedEvent(
                sequence: before.lastSequence + 1 + Int64(index), time: Fixture.now, actor: "wang", reason: nil,
                event: event)
        }
        #expect(throws: DomainError.illegalTransition("R-0002", from: .returned, to: .approved)) {
            try raced.apply(all: recorded)
        }
        #expect(raced == before)
    }

    @Test func filterNarrowsTheQueueAndEscapeClearsIt() throws {
        let ledger = try Fixture.ledger()
        var state = Fixture.state()
        _ = press([.character("2"), .character("/")] + type("翠苑") + [.enter], &state, ledger)
        #expect(state.filter == "翠苑")
        #expect(selectedQueueRequest(state, ledger)?.id == "R-0002")
        _ = press([.escape], &state, ledger)
        #expect(state.filter.isEmpty)
    }

    @Test func qQuits() throws {
        var state = Fixture.state()
        #expect(press([.character("q")], &state, try Fixture.ledger()) == [.quit])
    }

    @Test func screenBindingsComeBeforeGlobalOnes() {
        #expect(KeyTable.command(for: .character("a"), on: .group) == .approveSelected)
        #expect(KeyTable.command(for: .character("a"), on: .lists) == nil)
        #expect(KeyTable.command(for: .character("j"), on: .group) == .moveDown)
    }
}
