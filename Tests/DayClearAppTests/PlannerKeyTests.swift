import DayClearCore
import TerminalUI
import Testing

@testable import DayClearApp

@Suite("The planner key on the group screen")
struct PlannerKeyTests {
    func press(_ keys: [Key], _ state: inout AppState, _ ledger: Ledger) -> [Effect] {
        keys.flatMap { update(&state, key: $0, ledger: ledger) }
    }

    @Test func pProposesForEveryOpenRequestAndTheLedgerAcceptsIt() throws {
        var ledger = try Fixture.ledger(proposing: false)
        var state = Fixture.state()
        let effects = press([.character("2"), .character("P")], &state, ledger)
        guard case .record(let reason, let events, _)? = effects.first else {
            Issue.record("expected a record effect, got \(effects)")
            return
        }
        #expect(reason?.hasPrefix("planner:") == true)
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { if case .allocationProposed = $0 { true } else { false } })
        let recorded = events.enumerated().map { offset, event in
            RecordedEvent(
                sequence: ledger.lastSequence + Int64(offset) + 1, time: Fixture.now, actor: "wang", reason: reason,
                event: event)
        }
        try ledger.apply(all: recorded)
        // The directed N95 lot goes to its recipient, H01 (R-0001), never to C01.
        let directed = ledger.allocations(of: LotID("L-0001"))
        #expect(!directed.isEmpty && directed.allSatisfy { $0.request == "R-0001" })
        #expect(ledger.requests["R-0001"]?.state == .proposed)
    }

    @Test func pWithNothingToAllocateSaysSoAndRecordsNothing() throws {
        var ledger = Ledger()
        try ledger.apply(all: Fixture.recorded(proposing: false).prefix(3))  // calendar and recipients only
        var state = Fixture.state()
        #expect(press([.character("2"), .character("P")], &state, ledger).isEmpty)
        #expect(state.status?.isError == true)
    }
}
