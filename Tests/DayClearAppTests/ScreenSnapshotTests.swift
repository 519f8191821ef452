import DayClearCore
import TerminalUI
import Testing

@testable import DayClearApp

/// Snapshots of the routes, day-end and journal screens on the moved-on fixture day.
@Suite struct ScreenSnapshotTests {
    func frame(
        _ screen: Screen, _ language: Language, width: Int, height: Int, edit: (inout AppState) -> Void = { _ in }
    )
        throws -> CellBuffer
    {
        var state = Fixture.movedState(language)
        state.screen = screen
        edit(&state)
        var buffer = CellBuffer(width: width, height: height)
        render(state, ledger: try Fixture.movedLedger(), into: &buffer)
        return buffer
    }

    @Test func routesInChineseAt80x24() throws {
        try assertSnapshot(frame(.routes, .zh, width: 80, height: 24), named: "routes-zh-80x24")
    }

    @Test func routesInChineseAt120x40() throws {
        let buffer = try frame(.routes, .zh, width: 120, height: 40) { $0.selection[.routes] = 3 }
        try assertSnapshot(buffer, named: "routes-zh-120x40")
    }

    @Test func routesInEnglishWithThePromptAt80x24() throws {
        let buffer = try frame(.routes, .en, width: 80, height: 24) {
            $0.selection[.routes] = 3
            $0.modal = .prompt(Prompt(purpose: .received("R-0002"), text: "1=450"))
        }
        try assertSnapshot(buffer, named: "routes-en-prompt-80x24")
    }

    @Test func routesWithNothingApproved() throws {
        var state = Fixture.state()
        state.screen = .routes
        var buffer = CellBuffer(width: 80, height: 24)
        render(state, ledger: try Fixture.ledger(), into: &buffer)
        try assertSnapshot(buffer, named: "routes-empty-80x24")
    }

    @Test func dayEndInChineseAt80x24() throws {
        try assertSnapshot(frame(.dayEnd, .zh, width: 80, height: 24), named: "dayend-zh-80x24")
    }

    @Test func dayEndInChineseAt120x40() throws {
        try assertSnapshot(frame(.dayEnd, .zh, width: 120, height: 40), named: "dayend-zh-120x40")
    }

    @Test func dayEndInEnglishAt120x40() throws {
        try assertSnapshot(frame(.dayEnd, .en, width: 120, height: 40), named: "dayend-en-120x40")
    }

    @Test func journalInChineseAt80x24() throws {
        try assertSnapshot(frame(.journal, .zh, width: 80, height: 24), named: "journal-zh-80x24")
    }

    @Test func journalFilteredByUserAt120x40() throws {
        let buffer = try frame(.journal, .zh, width: 120, height: 40) { $0.filters[.journal] = "zhao" }
        try assertSnapshot(buffer, named: "journal-zh-filtered-120x40")
    }
}
