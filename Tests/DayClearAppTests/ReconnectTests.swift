import DayClearCore
import DayClearStore
import Foundation
import TerminalUI
import Testing

@testable import DayClearApp

/// What the TUI shows and does while the server's connection is down.
@Suite("connection to the server lost and reconnecting")
struct ReconnectTests {
    @Test("the title bar says the connection is down, in the screen's language, in the warning colour")
    func titleBarNotice() throws {
        let ledger = try Fixture.ledger()
        for (language, notice) in [
            (Language.zh, "与服务器的连接已断开，正在重连…"), (.en, "Connection to the server lost; reconnecting…"),
        ] {
            var state = Fixture.state(language)
            var buffer = CellBuffer(width: 80, height: 24)
            render(state, ledger: ledger, into: &buffer)
            #expect(!buffer.lines()[0].contains(notice))
            state.disconnected = true
            buffer = CellBuffer(width: 80, height: 24)
            render(state, ledger: ledger, into: &buffer)
            #expect(buffer.lines()[0].contains(notice), "\(buffer.lines()[0])")
            #expect(buffer.lines()[0].contains(Fixture.state().user), "the user stays in the title bar")
            #expect(buffer.styleRuns(row: 0).allSatisfy { $0.style.role == .warning })
        }
    }

    @Test("an action that was not sent, and one whose reply never came, are told apart in Chinese")
    func wireRefusals() throws {
        let ledger = try Fixture.ledger()
        let unsent = RefusalText.describe(WireError.notConnected("gone"), ledger: ledger, language: .zh)
        #expect(unsent.hasPrefix("未连接服务器") && unsent.contains("没有记录任何改动"), "\(unsent)")
        let unconfirmed = RefusalText.describe(WireError.notConfirmed("gone"), ledger: ledger, language: .zh)
        #expect(unconfirmed.hasPrefix("操作未确认") && unconfirmed.contains("可能已记录"), "\(unconfirmed)")
        let english = RefusalText.describe(WireError.notConfirmed("gone"), ledger: ledger, language: .en)
        #expect(english.contains("NOT confirmed"), "\(english)")
    }

    @Test("attempts come at once, then a quarter second apart doubling, never more than five seconds apart")
    func backoffIsBounded() {
        let dropped = Date(timeIntervalSince1970: 1_000)
        var schedule = ReconnectSchedule(droppedAt: dropped)
        #expect(schedule.isDue(at: dropped))
        var now = dropped
        var delays: [TimeInterval] = []
        for _ in 0..<40 {
            schedule.failed(at: now)
            #expect(!schedule.isDue(at: now))
            delays.append(schedule.nextAttempt.timeIntervalSince(now))
            now = schedule.nextAttempt
            #expect(schedule.isDue(at: now))
        }
        #expect(Array(delays.prefix(6)) == [0.25, 0.5, 1, 2, 4, 5])
        #expect(delays.allSatisfy { $0 <= ReconnectSchedule.longestDelay })
        #expect(schedule.failures == 40)
    }
}
