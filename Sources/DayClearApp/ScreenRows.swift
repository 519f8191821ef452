import DayClearCore
import Foundation

/// The rows each screen lists, filtered: shared by `update` (what is selected) and the renderers.
enum ScreenRows {
    /// The day's two lists as of `state.now`.
    ///
    /// Remembered per ledger and day; a request row's `waitingMinutes` is then as of the frame that
    /// built or updated the lists, so the renderer counts the wait itself (`waitingMinutes(_:now:)`).
    static func dayLists(_ state: AppState, _ ledger: Ledger) -> ListsRows {
        let day = ledger.calendar.day(containing: state.now)
        return dayListsMemo.value(
            ledger, day, make: { ListsRows(ledger, day: day, now: state.now) },
            update: { $0.update(by: $1, in: ledger, now: state.now) })
    }

    /// Minutes a request line has waited for a decision at `now`, as `DayLists` counts them.
    static func waitingMinutes(_ row: DayLists.RequestRow, now: Date) -> Int? {
        row.state.awaitsDecision ? max(0, Int(now.timeIntervalSince(row.submittedAt) / 60)) : nil
    }

    /// The day's figures, remembered per ledger and day (the day-end screen draws eight of them).
    static func dayEndReport(_ ledger: Ledger, day: CivilDate) -> DayEndReport {
        dayEndMemo.value(ledger, day) { DayEndReport(ledger: ledger, day: day) }
    }

    /// How many of the day's decisions came within the ten-minute target, counted once per ledger and day.
    static func decisionsInTime(_ ledger: Ledger, day: CivilDate) -> Int {
        inTimeMemo.value(ledger, day) {
            dayEndReport(ledger, day: day).approvalTimes.reduce(0) { $1.withinTarget ? $0 + 1 : $0 }
        }
    }

    private static let inTimeMemo = LedgerMemo<CivilDate, Int>(capacity: 4)
    private static let dayListsMemo = LedgerMemo<CivilDate, ListsRows>(capacity: 4)
    private static let dayEndMemo = LedgerMemo<CivilDate, DayEndReport>(capacity: 16)
    private static let queueMemo = LedgerMemo<String, RequestRows>(capacity: 8)
    private static let paperworkMemo = LedgerMemo<String, RequestRows>(capacity: 8)
    private static let routesMemo = LedgerMemo<String, RouteRows>(capacity: 8)
    private static let warehouseMemo = LedgerMemo<Bool, [WarehouseRow]>(capacity: 1)

    /// The free units on hand by kind+spec, for the routes screen's warehouse panel.
    static func warehouse(_ ledger: Ledger) -> [WarehouseRow] {
        warehouseMemo.value(ledger, true) { WarehouseRow.rows(in: ledger) }
    }

    /// The goods rows of the lists screen that match its filter.
    static func goods(_ lists: ListsRows, filter: String) -> [DayLists.StockRow] {
        guard let textFilter = TextFilter(filter) else { return lists.stock }
        return lists.stock.filter {
            textFilter.matches([$0.lot.rawValue, $0.item.kind, $0.item.spec, $0.donor])
        }
    }

    /// The request lines of the lists screen that match its filter.
    static func requestLines(_ lists: ListsRows, filter: String) -> [DayLists.RequestRow] {
        guard let textFilter = TextFilter(filter) else { return lists.requests }
        return lists.requests.filter {
            textFilter.matches([$0.request.rawValue, $0.recipientName, $0.item.kind, $0.item.spec])
        }
    }

    /// The approval queue: requests awaiting a decision, oldest first, and how many have a proposal.
    static func queue(_ ledger: Ledger, filter: String) -> RequestRows {
        queueMemo.value(
            ledger, filter, make: { RequestRows(.approvalQueue, ledger, filter: filter) },
            update: { $0.update(by: $1, in: ledger) })
    }

    /// Approved requests whose offline paperwork is still pending, oldest approval first.
    static func paperwork(_ ledger: Ledger, filter: String) -> [Request] {
        paperworkMemo.value(
            ledger, filter, make: { RequestRows(.paperwork, ledger, filter: filter) },
            update: { $0.update(by: $1, in: ledger) }
        ).requests
    }

    /// The routes screen's rows (approved and dispatched request lines by route class) and their figures.
    static func routes(_ ledger: Ledger, filter: String) -> RouteRows {
        routesMemo.value(
            ledger, filter, make: { RouteRows(ledger, filter: filter) }, update: { $0.update(by: $1, in: ledger) })
    }

    /// The journal, newest first, filtered by request id, lot id, actor, the event's text and reason
    /// (as shown, or in English as `dayclear history` prints them).
    static func journal(_ state: AppState) -> JournalRows {
        let filter = state.filters[.journal] ?? ""
        guard let textFilter = TextFilter(filter) else { return JournalRows(events: state.journal, matching: nil) }
        let language = state.language
        let matching = journalMatches.matching(state.journal, filter: filter, language: language) { recorded in
            let shown = [
                recorded.event.requestID?.rawValue ?? "", recorded.event.lotID?.rawValue ?? "", recorded.actor,
                recorded.event.summary(language), recorded.reasonText(language),
            ]
            // On an English screen the texts shown are already `history`'s.
            return textFilter.matches(
                language == .en ? shown : shown + [recorded.event.summary, recorded.reason ?? ""])
        }
        return JournalRows(events: state.journal, matching: matching)
    }

    private static let journalMatches = JournalMatches()

    /// The journal's rows, newest first, without copying the events: all of them, or those at `matching`.
    struct JournalRows: RandomAccessCollection {
        let events: [RecordedEvent]
        /// Ascending positions in `events`; nil for every event.
        let matching: [Int]?

        var startIndex: Int { 0 }
        var endIndex: Int { matching?.count ?? events.count }
        subscript(position: Int) -> RecordedEvent {
            guard let matching else { return events[events.count - 1 - position] }
            return events[matching[matching.count - 1 - position]]
        }
    }

    /// The number of selectable rows on the current screen (the focused pane on the lists screen).
    static func count(_ state: AppState, _ ledger: Ledger) -> Int {
        switch state.screen {
        case .lists:
            let lists = dayLists(state, ledger)
            return state.focus == .goods
                ? goods(lists, filter: state.filter).count : requestLines(lists, filter: state.filter).count
        case .group: return queue(ledger, filter: state.filter).requests.count
        case .routes: return routes(ledger, filter: state.filter).rows.count
        case .paperwork: return paperwork(ledger, filter: state.filter).count
        case .dayEnd:
            return dayEndReport(ledger, day: ledger.calendar.day(containing: state.now)).disclosure.count
        case .journal: return journal(state).count
        }
    }
}
