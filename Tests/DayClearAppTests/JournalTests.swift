import DayClearCore
import TerminalUI
import Testing

@testable import DayClearApp

/// The journal: newest first, narrowed with `/` by request, lot or user.
@Suite struct JournalTests {
    func press(_ keys: [Key], _ state: inout AppState, _ ledger: Ledger) -> [Effect] {
        keys.flatMap { update(&state, key: $0, ledger: ledger) }
    }

    /// The sequence numbers shown after filtering the journal with `text`.
    func filtered(_ text: String) throws -> [Int64] {
        var state = Fixture.movedState()
        let ledger = try Fixture.movedLedger()
        _ = press([.character("6"), .character("/")] + text.map(Key.character) + [.enter], &state, ledger)
        #expect(state.filter == text)
        return ScreenRows.journal(state).map(\.sequence)
    }

    @Test func newestFirst() {
        let state = Fixture.movedState()
        let sequences = ScreenRows.journal(state).map(\.sequence)
        #expect(sequences == sequences.sorted(by: >))
        #expect(sequences.count == state.journal.count)
    }

    @Test func filterByRequest() throws {
        let events = Fixture.movedRecorded()
        let expected = events.filter { $0.event.requestID == "R-0001" }.map(\.sequence).reversed()
        #expect(expected.count == 5)
        #expect(try filtered("r-0001") == Array(expected))
    }

    /// The Chinese screen shows each event's text in Chinese; a filter finds it by what is shown
    /// and by the English of `dayclear history`.
    @Test func filterByShownOrEnglishText() throws {
        let rejections = Fixture.movedRecorded().filter {
            if case .requestRejected = $0.event { return true }
            return false
        }.map(\.sequence).reversed()
        #expect(!rejections.isEmpty)
        #expect(try filtered("驳回") == Array(rejections))
        #expect(try filtered("rejected") == Array(rejections))
        for recorded in Fixture.movedRecorded() {
            let chinese = recorded.event.summary(.zh)
            #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(chinese)")
            #expect(recorded.event.summary(.en) == recorded.event.summary)
        }
    }

    @Test func filterByLot() throws {
        let events = Fixture.movedRecorded()
        let expected = events.filter { $0.event.lotID == "L-0003" }.map(\.sequence).reversed()
        #expect(expected.count == 2)
        #expect(try filtered("L-0003") == Array(expected))
    }

    @Test func filterByUser() throws {
        let events = Fixture.movedRecorded()
        let expected = events.filter { $0.actor == "zhao" }.map(\.sequence).reversed()
        #expect(try filtered("zhao") == Array(expected))
    }

    @Test func filterByReason() throws {
        let rows = try filtered("重复")
        #expect(rows.count == 1)
    }

    @Test func newEventsAppearAtTheTop() throws {
        var state = Fixture.movedState()
        state.screen = .journal
        let next = RecordedEvent(
            sequence: Int64(state.journal.count + 1), time: Fixture.now, actor: "li", reason: nil,
            event: .paperworkCompleted(RequestReference(request: "R-0001")))
        state.journal.append(next)
        #expect(ScreenRows.journal(state).first == next)
    }

    /// The journal loads only the latest events of a long log: its title says so, and where the rest is.
    @Test func aJournalStartingAfterTheFirstEventSaysItHoldsOnlyTheLatest() throws {
        var state = Fixture.movedState()
        let ledger = try Fixture.movedLedger()
        state.screen = .journal
        func title() -> String {
            var buffer = CellBuffer(width: 120, height: 40)
            render(state, ledger: ledger, into: &buffer)
            return buffer.lines().joined(separator: "\n")
        }
        let total = ledger.lastSequence
        #expect(title().contains("日志：共 \(total) 条事件，最新在上"))
        state.journal.removeFirst(3)
        #expect(title().contains("日志：最近 \(total - 3) 条事件（共 \(total) 条，更早的见 dayclear history）"))
        state.filter = "zhao"
        #expect(title().contains("条符合“zhao”（更早的见 dayclear history）"))
    }

    /// A million-event log numbers its events with seven digits: the column shows them whole.
    @Test func theSequenceColumnFitsTheNewestNumber() throws {
        var state = Fixture.movedState()
        state.screen = .journal
        state.journal.append(
            RecordedEvent(
                sequence: 1_234_567, time: Fixture.now, actor: "li", reason: nil,
                event: .paperworkCompleted(RequestReference(request: "R-0001"))))
        var buffer = CellBuffer(width: 80, height: 24)
        render(state, ledger: try Fixture.movedLedger(), into: &buffer)
        #expect(buffer.lines().contains { $0.hasPrefix("│1234567 ") }, "\(buffer.lines().joined(separator: "\n"))")
    }

    @Test func jAndKMoveThroughTheJournal() throws {
        var state = Fixture.movedState()
        let ledger = try Fixture.movedLedger()
        _ = press([.character("6"), .character("j"), .character("j"), .character("k")], &state, ledger)
        #expect(state.selection[.journal] == 1)
    }
}

/// The filtered journal is remembered between frames and brought up to date as events arrive.
@Suite struct JournalFilterFollowsTests {
    func event(_ sequence: Int64, actor: String) -> RecordedEvent {
        RecordedEvent(
            sequence: sequence, time: Fixture.now, actor: actor, reason: nil,
            event: .paperworkCompleted(RequestReference(request: "R-0002")))
    }

    /// What the filter selects, worked out afresh: the oracle for the remembered rows.
    func expected(_ state: AppState, actor: String) -> [Int64] {
        state.journal.filter { $0.actor == actor }.map(\.sequence).reversed()
    }

    @Test func appendedEventsAreMatchedAndAChangedJournalIsReadAgain() {
        var state = Fixture.movedState()
        state.screen = .journal
        state.filter = "zhao"
        #expect(ScreenRows.journal(state).map(\.sequence) == expected(state, actor: "zhao"))
        state.journal.append(event(7_000_001, actor: "zhao"))
        state.journal.append(event(7_000_002, actor: "sunwu"))
        let rows = ScreenRows.journal(state).map(\.sequence)
        #expect(rows.first == 7_000_001)
        #expect(rows == expected(state, actor: "zhao"))
        state.filter = "sunwu"
        #expect(ScreenRows.journal(state).map(\.sequence) == [7_000_002])
        // Older events dropped from the front: the journal is read whole again.
        state.filter = "zhao"
        state.journal.removeFirst(2)
        #expect(ScreenRows.journal(state).map(\.sequence) == expected(state, actor: "zhao"))
    }

    /// The remembered matches belong to one language: the same filter on the same journal in English
    /// reads only English texts.
    @Test func switchingLanguageReadsTheJournalAgain() {
        var state = Fixture.movedState()
        state.screen = .journal
        state.filter = "驳回"
        let rejections = state.journal.filter {
            if case .requestRejected = $0.event { return true }
            return false
        }
        #expect(!rejections.isEmpty)
        #expect(ScreenRows.journal(state).count >= rejections.count)
        state.language = .en
        let inReasons = state.journal.filter { ($0.reason ?? "").contains("驳回") }.map(\.sequence).reversed()
        #expect(ScreenRows.journal(state).map(\.sequence) == Array(inReasons))
    }

    /// DayClear's own reasons read in Chinese on a Chinese screen; a filter finds them both ways.
    @Test func machineReasonsReadInTheScreensLanguage() {
        var state = Fixture.movedState()
        state.screen = .journal
        let planned = RecordedEvent(
            sequence: 7_100_001, time: Fixture.now, actor: "wang", reason: MachineReason.planner(.default).recorded,
            event: .allocationProposed(AllocationProposal(request: "R-0002", line: 1, lot: "L-0003", quantity: 10)))
        state.journal.append(planned)
        #expect(planned.reasonText(.zh) == "分配建议：\(PlanningRule.default.chineseName)")
        #expect(planned.reasonText(.en) == "planner: default rule")
        state.filter = "分配建议"
        #expect(ScreenRows.journal(state).first == planned)
        state.filter = "planner: default"
        #expect(ScreenRows.journal(state).first == planned)
    }
}
