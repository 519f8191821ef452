import DayClearCore
import DayClearStore
import TerminalUI

/// The paperwork screen: approvals whose offline paperwork is pending, oldest approval first.
func renderPaperwork(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect) {
    let language = state.language
    let rows = ScreenRows.paperwork(ledger, filter: state.filter)
    let time = LocalTimeFormat(ledger.calendar)
    let title = language.pick("补办手续：待补 \(rows.count) 项（线上已批，线下补办）", "Paperwork: \(rows.count) pending")
    let inner = Box(title: title).render(into: &buffer, area: area)
    let inView = VisibleRows(
        count: rows.count, selected: rows.isEmpty ? nil : min(state.selection[.paperwork] ?? 0, rows.count - 1),
        area: inner)
    TableView(
        columns: [
            TableColumn(language.pick("申请", "Request"), width: .fixed(10)),
            TableColumn(language.pick("受援单位", "Recipient")),
            TableColumn(language.pick("批准人", "Approver"), width: .fixed(12)),
            TableColumn(language.pick("批准时间", "Approved"), width: .fixed(16)),
            TableColumn(language.pick("状态", "State"), width: .fixed(10)),
        ],
        rows: rows[inView.range].map { request in
            TableRow([
                request.id.rawValue, ledger.recipients[request.recipient]?.name ?? request.recipient.rawValue,
                request.decidedBy ?? "", time.string(request.decidedAt), stateName(request.state, language),
            ])
        },
        selectedIndex: inView.selected,
        emptyText: language.pick("没有待补的手续。", "No paperwork pending.")
    ).render(into: &buffer, area: inner)
}
