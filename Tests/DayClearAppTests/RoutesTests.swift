import DayClearCore
import TerminalUI
import Testing

@testable import DayClearApp

/// The routes screen: its rows, and `d`, `v` and `V` pressed through the key table.
@Suite struct RoutesTests {
    func press(_ keys: [Key], _ state: inout AppState, _ ledger: Ledger) -> [Effect] {
        keys.flatMap { update(&state, key: $0, ledger: ledger) }
    }

    func type(_ text: String) -> [Key] { text.map(Key.character) }

    /// The events of the only record effect, folded into the ledger to prove the store would take them.
    func recorded(_ effects: [Effect], into ledger: inout Ledger) throws -> [DomainEvent] {
        guard effects.count == 1, case .record(_, let events, _) = effects[0] else {
            Issue.record("expected one record effect, got \(effects)")
            return []
        }
        try ledger.apply(
            all: events.enumerated().map { index, event in
                RecordedEvent(
                    sequence: ledger.lastSequence + Int64(index) + 1, time: Fixture.now, actor: "li", reason: nil,
                    event: event)
            })
        return events
    }

    /// The screen on the routes, the selection on the row of `request`.
    func routesState(selecting request: RequestID, _ ledger: Ledger) -> AppState {
        var state = Fixture.movedState(.en)
        state.screen = .routes
        state.selection[.routes] =
            ScreenRows.routes(ledger, filter: "").rows.firstIndex { $0.request.id == request } ?? -1
        return state
    }

    @Test func rowsAreRequestLinesByRouteClass() throws {
        let rows = ScreenRows.routes(try Fixture.movedLedger(), filter: "").rows
        #expect(rows.map(\.route) == [.pointToPoint, .shuttle, .shuttle, .shuttle])
        #expect(rows.map(\.request.id) == ["R-0001", "R-0001", "R-0001", "R-0002"])
        #expect(rows.map(\.approved) == [2000, 500, 300, 500])
        #expect(rows.map(\.lots) == [["L-0001"], ["L-0002"], ["L-0003"], ["L-0002"]])
    }

    @Test func filterMatchesALot() throws {
        let rows = ScreenRows.routes(try Fixture.movedLedger(), filter: "l-0003").rows
        #expect(rows.map(\.line.item) == [Fixture.gown])
    }

    @Test func warehouseHoldsTheFreeStockByKindAndSpec() throws {
        let rows = WarehouseRow.rows(in: try Fixture.movedLedger())
        #expect(rows.map(\.item) == [Fixture.surgical, Fixture.n95, Fixture.gown])
        #expect(rows.map(\.free) == [200, 500, 100])
    }

    @Test func dKeyRecordsTheDispatchOfTheSelectedRequest() throws {
        var ledger = try Fixture.movedLedger()
        var state = routesState(selecting: "R-0001", ledger)
        let events = try recorded(press([.character("d")], &state, ledger), into: &ledger)
        #expect(events == [.requestDispatched(RequestReference(request: "R-0001"))])
        #expect(ledger.requests["R-0001"]?.state == .dispatched)
    }

    @Test func dispatchingTwiceIsRefusedPlainly() throws {
        let ledger = try Fixture.movedLedger()
        var state = routesState(selecting: "R-0002", ledger)
        #expect(press([.character("d")], &state, ledger).isEmpty)
        #expect(state.status?.isError == true)
        #expect(state.status?.text.contains("R-0002 is dispatched") == true)
    }

    @Test func vKeyDeliversInFull() throws {
        var ledger = try Fixture.movedLedger()
        var state = routesState(selecting: "R-0002", ledger)
        let events = try recorded(press([.character("v")], &state, ledger), into: &ledger)
        #expect(events == [.requestDelivered(LineQuantities(request: "R-0002", quantities: [1: 500]))])
        #expect(ledger.requests["R-0002"]?.state == .delivered)
        #expect(ledger.requests["R-0002"]?.lines.first?.received == 500)
    }

    @Test func deliveringBeforeDispatchSaysPressDFirst() throws {
        let ledger = try Fixture.movedLedger()
        var state = routesState(selecting: "R-0001", ledger)
        #expect(press([.character("v")], &state, ledger).isEmpty)
        #expect(press([.character("V")], &state, ledger).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status?.text.contains("press d first") == true)
    }

    @Test func capitalVRecordsTheReceivedQuantity() throws {
        var ledger = try Fixture.movedLedger()
        var state = routesState(selecting: "R-0002", ledger)
        let effects = press([.character("V")] + type("1=450") + [.enter], &state, ledger)
        #expect(state.modal == nil)
        guard case .record(_, _, let success) = effects.first else {
            Issue.record("expected a record effect, got \(effects)")
            return
        }
        #expect(success == "Delivered R-0002; line 1 got 450 of 500")
        let events = try recorded(effects, into: &ledger)
        #expect(events == [.requestDelivered(LineQuantities(request: "R-0002", quantities: [1: 450]))])
        #expect(ledger.requests["R-0002"]?.lines.first?.received == 450)
    }

    @Test func receivingMoreThanDispatchedKeepsThePromptOpen() throws {
        let ledger = try Fixture.movedLedger()
        var state = routesState(selecting: "R-0002", ledger)
        let effects = press([.character("V")] + type("1=600") + [.enter], &state, ledger)
        #expect(effects.isEmpty)
        #expect(state.modal == .prompt(Prompt(purpose: .received("R-0002"), text: "1=600")))
        #expect(state.status?.text == "Line 1 had 500 dispatched; it cannot have received 600")
        let unknown = press(Array(repeating: .backspace, count: 5) + type("9=1") + [.enter], &state, ledger)
        #expect(unknown.isEmpty)
        #expect(state.status?.text == "There is no line 9")
    }

    @Test func escapeCancelsTheReceivedPrompt() throws {
        let ledger = try Fixture.movedLedger()
        var state = routesState(selecting: "R-0002", ledger)
        #expect(press([.character("V")] + type("1=4") + [.escape], &state, ledger).isEmpty)
        #expect(state.modal == nil)
    }
}
