import DayClearCore
import Foundation

/// The rows each screen lists, filtered: shared by `update` (what is selected) and the renderers.
enum ScreenRows {
    /// The day's two lists as of `state.now`.
    static func dayLists(_ state: AppState, _ ledger: Ledger) -> DayLists {
        DayLists(ledger: ledger, day: ledger.calendar.day(containing: state.now), now: state.now)
    }

    /// The goods rows of the lists screen that match its filter.
    static func goods(_ lists: DayLists, filter: String) -> [DayLists.StockRow] {
        lists.stock.filter { TextFilter.matches(filter, [$0.lot.rawValue, $0.item.kind, $0.item.spec, $0.donor]) }
    }

    /// The request lines of the lists screen that match its filter.
    static func requestLines(_ lists: DayLists, filter: String) -> [DayLists.RequestRow] {
        lists.requests.filter {
            TextFilter.matches(filter, [$0.request.rawValue, $0.recipientName, $0.item.kind, $0.item.spec])
        }
    }

    /// The approval queue: requests awaiting a decision, oldest first.
    static func queue(_ ledger: Ledger, filter: String) -> [Request] {
        ledger.requests.values
            .filter { $0.state.awaitsDecision && matches(filter, $0, ledger) }
            .sorted { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }
    }

    /// Approved requests whose offline paperwork is still pending, oldest approval first.
    static func paperwork(_ ledger: Ledger, filter: String) -> [Request] {
        ledger.requests.values
            .filter { ($0.paperwork.map { !$0.isComplete } ?? false) && matches(filter, $0, ledger) }
            .sorted { ($0.decidedAt ?? $0.submittedAt, $0.id) < ($1.decidedAt ?? $1.submittedAt, $1.id) }
    }

    /// The routes screen's rows: approved and dispatched request lines by route class.
    static func routes(_ ledger: Ledger, filter: String) -> [RouteRow] {
        RouteRow.rows(in: ledger, filter: filter)
    }

    /// The journal, newest first, filtered by request id, lot id, actor, the event's text and reason.
    static func journal(_ state: AppState) -> [RecordedEvent] {
        let filter = state.filters[.journal] ?? ""
        guard !filter.isEmpty else { return state.journal.reversed() }
        return state.journal.reversed().filter {
            TextFilter.matches(
                filter,
                [
                    $0.event.requestID?.rawValue ?? "", $0.event.lotID?.rawValue ?? "", $0.actor, $0.event.summary,
                    $0.reason ?? "",
                ])
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
            return DayEndReport(ledger: ledger, day: ledger.calendar.day(containing: state.now)).disclosure.count
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
