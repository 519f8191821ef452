import DayClearCore
import DayClearStore
import Foundation
import TerminalUI

/// The journal screen (日志): every recorded event, newest first, narrowed by `/` to a request,
/// a lot or a user.
func renderJournal(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect) {
    let language = state.language
    let rows = ScreenRows.journal(state)
    let inner = Box(title: journalTitle(state, matching: rows.count, ledger: ledger)).render(into: &buffer, area: area)
    let time = LocalTimeFormat(ledger.calendar)
    let wide = inner.width >= 110
    let inView = VisibleRows(
        count: rows.count, selected: rows.isEmpty ? nil : min(state.selection[.journal] ?? 0, rows.count - 1),
        area: inner)
    TableView(
        columns: [
            // As wide as the newest sequence number: a million-event log needs seven digits.
            TableColumn(
                language.pick("序号", "Seq"), width: .fixed(max(4, String(state.journal.last?.sequence ?? 0).count)),
                alignment: .right),
            TableColumn(language.pick("时间", "Time"), width: .fixed(wide ? 16 : 11)),
            TableColumn(language.pick("操作人", "Actor"), width: .fixed(wide ? 10 : 8)),
            TableColumn(language.pick("事件", "Event")),
            TableColumn(language.pick("理由", "Reason"), width: .fixed(wide ? 24 : 12)),
        ],
        rows: rows[inView.range].map { recorded in
            let when = time.string(recorded.time)
            return TableRow(
                [
                    String(recorded.sequence), wide ? when : String(when.suffix(11)), recorded.actor,
                    recorded.event.summary(language), recorded.reasonText(language),
                ], style: journalStyle(recorded.event))
        },
        selectedIndex: inView.selected,
        emptyText: state.filter.isEmpty
            ? language.pick("还没有记录任何事件。", "No events recorded yet.")
            : language.pick("没有符合筛选的事件；Esc 清除筛选。", "No events match the filter; Esc clears it.")
    ).render(into: &buffer, area: inner)
}

/// How many events the journal holds and, when it starts after the first event (it loads only the
/// latest `AppState.journalLength`), that older ones are in `dayclear history`, so neither the count
/// nor an empty search reads as the whole log.
private func journalTitle(_ state: AppState, matching: Int, ledger: Ledger) -> String {
    let language = state.language
    let held = state.journal.count
    let total = ledger.lastSequence
    guard let first = state.journal.first?.sequence, first > 1 else {
        return state.filter.isEmpty
            ? language.pick("日志：共 \(held) 条事件，最新在上", "Journal: \(held) events, newest first")
            : language.pick(
                "日志：\(matching) / \(held) 条符合“\(state.filter)”",
                "Journal: \(matching) of \(held) match \"\(state.filter)\"")
    }
    return state.filter.isEmpty
        ? language.pick(
            "日志：最近 \(held) 条事件（共 \(total) 条，更早的见 dayclear history），最新在上",
            "Journal: latest \(held) of \(total) events (older: dayclear history), newest first")
        : language.pick(
            "日志：最近 \(held) 条中 \(matching) 条符合“\(state.filter)”（更早的见 dayclear history）",
            "Journal: \(matching) of the latest \(held) match \"\(state.filter)\" (older: dayclear history)")
}

/// Decisions that said no stand out; approvals and deliveries read as done.
private func journalStyle(_ event: DomainEvent) -> Style? {
    switch event {
    case .requestReturned, .requestRejected, .requestCancelled: .role(.warning)
    case .requestApproved, .requestDelivered, .paperworkCompleted: .role(.ok)
    default: nil
    }
}
