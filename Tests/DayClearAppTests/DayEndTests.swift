import DayClearCore
import TerminalUI
import Testing

@testable import DayClearApp

/// The day-end screen: its rows and the export key.
@Suite struct DayEndTests {
    func press(_ keys: [Key], _ state: inout AppState, _ ledger: Ledger) -> [Effect] {
        keys.flatMap { update(&state, key: $0, ledger: ledger) }
    }

    @Test func eOnTheDayEndScreenExportsToday() throws {
        var state = Fixture.movedState()
        let effects = press([.character("5"), .character("e")], &state, try Fixture.movedLedger())
        #expect(effects == [.exportDayEnd(CivilDate(year: 2026, month: 2, day: 10))])
        // Drawn before the files are written, which can take a second at province scale.
        #expect(effects.allSatisfy { $0.takesAWhile })
        #expect(state.status == .info("正在写出日结文件…"))
    }

    @Test func jAndKScrollTheDisclosureRows() throws {
        var state = Fixture.movedState()
        let ledger = try Fixture.movedLedger()
        _ = press([.character("5")] + Array(repeating: .character("j"), count: 5), &state, ledger)
        #expect(state.selection[.dayEnd] == 2)
    }
}
