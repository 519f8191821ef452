import DayClearCore
import Foundation
import TerminalUI

/// The rows each screen lists, filtered: shared by `update` (what is selected) and the renderers.
enum ScreenRows {
    /// The day's two lists as of `state.now`.
    ///
    /// Remembered per ledger and day; a request row's `waitingMinutes` is then as of the first frame
    /// that built the lists, so the renderer counts the wait itself (`waitingMinutes(_:now:)`).
    static func dayLists(_ state: AppState, _ ledger: Ledger) -> DayLists {
        let day = ledger.calendar.day(containing: state.now)
        return dayListsMemo.value(ledger, day) { DayLists(ledger: ledger, day: day, now: state.now) }
    }

    /// Minutes a request line has waited for a decision at `now`, as `DayLists` counts them.
    static func waitingMinutes(_ row: DayLists.RequestRow, now: Date) -> Int? {
        row.state.awaitsDecision ? max(0, Int(now.timeIntervalSince(row.submittedAt) / 60)) : nil
    }

    /// The day's figures, remembered per ledger and day (the day-end screen draws eight of them).
    static func dayEndReport(_ ledger: Ledger, day: CivilDate) -> DayEndReport {
        dayEndMemo.value(ledger, day) { DayEndReport(ledger: ledger, day: day) }
    }

    private static let dayListsMemo = LedgerMemo<CivilDate, DayLists>(capacity: 4)
    private static let dayEndMemo = LedgerMemo<CivilDate, DayEndReport>(capacity: 16)
    private static let queueMemo = LedgerMemo<String, [Request]>(capacity: 8)
    private static let proposedCountMemo = LedgerMemo<String, Int>(capacity: 8)
    private static let paperworkMemo = LedgerMemo<String, [Request]>(capacity: 8)
    private static let routesMemo = LedgerMemo<String, [RouteRow]>(capacity: 8)
    private static let routeGoodsWidthMemo = LedgerMemo<String, Int?>(capacity: 8)
    private static let warehouseMemo = LedgerMemo<Bool, [WarehouseRow]>(capacity: 1)
    private static let routeRequestsMemo = LedgerMemo<String, RouteRequestCounts>(capacity: 8)

    /// How many requests the routes screen's rows belong to, and how many of them await dispatch.
    struct RouteRequestCounts: Sendable {
        var total: Int
        var waiting: Int
    }

    /// The requests behind the routes screen's rows, counted once per ledger and filter.
    static func routeRequestCounts(_ ledger: Ledger, filter: String) -> RouteRequestCounts {
        routeRequestsMemo.value(ledger, filter) {
            // Counted by id: grouping the rows would copy every row and its request.
            var total: Set<RequestID> = []
            var waiting: Set<RequestID> = []
            for row in routes(ledger, filter: filter) {
                total.insert(row.request.id)
                if row.request.state == .approved { waiting.insert(row.request.id) }
            }
            return RouteRequestCounts(total: total.count, waiting: waiting.count)
        }
    }

    /// The display width of the widest kind+spec among the routes screen's rows, or nil for no rows.
    static func routeGoodsWidth(_ ledger: Ledger, filter: String) -> Int? {
        routeGoodsWidthMemo.value(ledger, filter) {
            // Measured once per kind+spec, not once per row.
            Set(routes(ledger, filter: filter).map(\.line.item)).map { DisplayWidth.of($0.description) }.max()
        }
    }

    /// The free units on hand by kind+spec, for the routes screen's warehouse panel.
    static func warehouse(_ ledger: Ledger) -> [WarehouseRow] {
        warehouseMemo.value(ledger, true) { WarehouseRow.rows(in: ledger) }
    }

    /// The goods rows of the lists screen that match its filter.
    static func goods(_ lists: DayLists, filter: String) -> [DayLists.StockRow] {
        guard TextFilter.isActive(filter) else { return lists.stock }
        return lists.stock.filter {
            TextFilter.matches(filter, [$0.lot.rawValue, $0.item.kind, $0.item.spec, $0.donor])
        }
    }

    /// The request lines of the lists screen that match its filter.
    static func requestLines(_ lists: DayLists, filter: String) -> [DayLists.RequestRow] {
        guard TextFilter.isActive(filter) else { return lists.requests }
        return lists.requests.filter {
            TextFilter.matches(filter, [$0.request.rawValue, $0.recipientName, $0.item.kind, $0.item.spec])
        }
    }

    /// The approval queue: requests awaiting a decision, oldest first.
    static func queue(_ ledger: Ledger, filter: String) -> [Request] {
        queueMemo.value(ledger, filter) {
            let active = TextFilter.isActive(filter)
            let waiting = ledger.requests.values.filter {
                $0.state.awaitsDecision && (!active || matches(filter, $0, ledger))
            }
            return RequestOrder.sorted(waiting) { $0.submittedAt }
        }
    }

    /// How many requests of the approval queue have a proposal, counted once per ledger and filter.
    static func proposedCount(_ ledger: Ledger, filter: String) -> Int {
        proposedCountMemo.value(ledger, filter) { queue(ledger, filter: filter).filter { $0.state == .proposed }.count }
    }

    /// Approved requests whose offline paperwork is still pending, oldest approval first.
    static func paperwork(_ ledger: Ledger, filter: String) -> [Request] {
        paperworkMemo.value(ledger, filter) {
            let active = TextFilter.isActive(filter)
            let pending = ledger.requests.values.filter {
                ($0.paperwork.map { !$0.isComplete } ?? false) && (!active || matches(filter, $0, ledger))
            }
            return RequestOrder.sorted(pending) { $0.decidedAt ?? $0.submittedAt }
        }
    }

    /// The routes screen's rows: approved and dispatched request lines by route class.
    static func routes(_ ledger: Ledger, filter: String) -> [RouteRow] {
        routesMemo.value(ledger, filter) { RouteRow.rows(in: ledger, filter: filter) }
    }

    /// The journal, newest first, filtered by request id, lot id, actor, the event's text and reason.
    static func journal(_ state: AppState) -> JournalRows {
        let filter = state.filters[.journal] ?? ""
        guard !filter.isEmpty else { return JournalRows(events: state.journal, matching: nil) }
        let matching = state.journal.indices.reversed().filter { index in
            let recorded = state.journal[index]
            return TextFilter.matches(
                filter,
                [
                    recorded.event.requestID?.rawValue ?? "", recorded.event.lotID?.rawValue ?? "", recorded.actor,
                    recorded.event.summary, recorded.reason ?? "",
                ])
        }
        return JournalRows(events: state.journal, matching: matching)
    }

    /// The journal's rows, newest first, without copying the events: all of them, or those at `matching`.
    struct JournalRows: RandomAccessCollection {
        let events: [RecordedEvent]
        /// Indices into `events`, newest first; nil for every event.
        let matching: [Int]?

        var startIndex: Int { 0 }
        var endIndex: Int { matching?.count ?? events.count }
        subscript(position: Int) -> RecordedEvent {
            events[matching?[position] ?? events.count - 1 - position]
        }
    }

    /// The number of selectable rows on the current screen (the focused pane on the lists screen).
    static func count(_ state: AppState, _ ledger: Ledger) -> Int {
        switch state.screen {
        case .lists:
            let lists = dayLists(state, ledger)
            return state.focus == .goods
                ? goods(lists, filter: state.filter).count : requestLines(lists, filter: state.filter).count
        case .group: return queue(ledger, filter: state.filter).count
        case .routes: return routes(ledger, filter: state.filter).count
        case .paperwork: return paperwork(ledger, filter: state.filter).count
        case .dayEnd:
            return dayEndReport(ledger, day: ledger.calendar.day(containing: state.now)).disclosure.count
        case .journal: return journal(state).count
        }
    }

    /// Whether a request's id, recipient or goods contain the filter text.
    private static func matches(_ filter: String, _ request: Request, _ ledger: Ledger) -> Bool {
        let name = ledger.recipients[request.recipient]?.name ?? ""
        let items = request.lines.flatMap { [$0.item.kind, $0.item.spec] }
        return TextFilter.matches(filter, [request.id.rawValue, request.recipient.rawValue, name] + items)
    }
}
