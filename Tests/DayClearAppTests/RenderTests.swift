import DayClearCore
import TerminalUI
import Testing

@testable import DayClearApp

/// Snapshots of whole frames at 80×24 and 120×40.
@Suite struct RenderTests {
    func frame(_ state: AppState, _ ledger: Ledger, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        render(state, ledger: ledger, into: &buffer)
        return buffer
    }

    @Test func listsInChineseAt80x24() throws {
        var state = Fixture.state()
        state.goodsSelection = 1
        try assertSnapshot(frame(state, try Fixture.ledger(), width: 80, height: 24), named: "lists-zh-80x24")
    }

    @Test func listsInEnglishAt120x40() throws {
        var state = Fixture.state(.en)
        state.focus = .requests
        try assertSnapshot(frame(state, try Fixture.ledger(), width: 120, height: 40), named: "lists-en-120x40")
    }

    @Test func groupInChineseAt120x40() throws {
        var state = Fixture.state()
        state.screen = .group
        try assertSnapshot(frame(state, try Fixture.ledger(), width: 120, height: 40), named: "group-zh-120x40")
    }

    @Test func groupWithAPromptAt80x24() throws {
        var state = Fixture.state(.en)
        state.screen = .group
        state.modal = .prompt(Prompt(purpose: .trim("R-0001"), text: "1=1200"))
        try assertSnapshot(frame(state, try Fixture.ledger(), width: 80, height: 24), named: "group-en-prompt-80x24")
    }

    @Test func emptyQueueAt80x24() throws {
        var state = Fixture.state()
        state.screen = .group
        try assertSnapshot(frame(state, Ledger(), width: 80, height: 24), named: "group-empty-80x24")
    }

    /// A title or a status too long for the width ends in `…` instead of stopping mid-word.
    @Test func aLongTitleAndStatusEndInAnEllipsisAt80Columns() throws {
        var state = AppState(
            language: .zh, user: "root", roles: [.coordinator, .taskForce, .approver, .viewer, .admin], now: Fixture.now
        )
        state.status = .error(String(repeating: "批次 L-0001 已承诺或发出 9，清点数 5 不够；", count: 4))
        let lines = frame(state, try Fixture.ledger(), width: 80, height: 24).lines()
        #expect(lines[0].trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(lines[0])")
        #expect(lines[0].contains("用户 root"))
        #expect(lines[22].trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(lines[22])")
    }

    @Test func tooSmallTerminal() throws {
        try assertSnapshot(frame(Fixture.state(), try Fixture.ledger(), width: 60, height: 20), named: "too-small")
    }

    @Test func helpScreenAt80x24() throws {
        var state = Fixture.state()
        state.showsHelp = true
        try assertSnapshot(frame(state, try Fixture.ledger(), width: 80, height: 24), named: "help-zh-80x24")
    }

    /// At 80×24 the help screen has room for the current screen's keys and the global ones, whole;
    /// the other screens' keys follow while they fit.
    @Test func helpScreenListsTheScreensOwnAndTheGlobalBindingsAt80x24() throws {
        for language in Language.allCases {
            for screen in Screen.allCases {
                var state = Fixture.state(language)
                state.screen = screen
                state.showsHelp = true
                let text = frame(state, try Fixture.ledger(), width: 80, height: 24).lines().joined(separator: "\n")
                for binding in KeyTable.bindings where binding.scope == .screen(screen) || binding.scope == .global {
                    let label = binding.help(language)
                    #expect(text.contains(binding.key.displayName), "\(screen): \(binding.key.displayName) missing")
                    #expect(text.contains(label), "\(screen) \(language): \(label) missing")
                }
            }
        }
    }

    @Test func helpScreenListsEveryBindingAt120x40() throws {
        for language in Language.allCases {
            var state = Fixture.state(language)
            state.showsHelp = true
            let text = frame(state, try Fixture.ledger(), width: 120, height: 40).lines().joined(separator: "\n")
            #expect(!text.contains("docs/keys.md"), "nothing left out")
            for binding in KeyTable.bindings {
                #expect(text.contains(binding.key.displayName), "\(binding.key.displayName) missing")
                #expect(text.contains(binding.help(language)), "\(binding.help(language)) missing")
            }
        }
    }
}
