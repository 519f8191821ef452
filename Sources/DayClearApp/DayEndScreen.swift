import DayClearCore
import DayClearStore
import TerminalUI

/// The day-end screen (日结/公示): the day's disclosure figures as the export writes them, listed
/// and drawn (received against dispatched per kind+spec), and the same-day clear rate of the
/// last seven operational days against the 90% line.
func renderDayEnd(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect) {
    let language = state.language
    let today = ledger.calendar.day(containing: state.now)
    let report = ScreenRows.dayEndReport(ledger, day: today)
    let title = language.pick(
        "日结/公示 \(today)（截至事件 #\(report.lastSequence)）", "Day end \(today) (up to event #\(report.lastSequence))")
    let inner = Box(title: title).render(into: &buffer, area: area)
    // The table takes the rows it needs (header, kinds, total) and the recent days follow it.
    let room = max(0, inner.height - 3 - 8)
    let tableHeight = min(report.disclosure.count + 2, room)
    let parts = inner.splitVertically([
        .fixed(1), .fixed(1), .fixed(1), .fixed(tableHeight), .fixed(tableHeight < room ? 1 : 0), .fixed(8),
    ])

    let label = language.pick("今日日进日清（目标 90%）", "Cleared today (target 90%)")
    clearRateGauge(report, label: label, labelWidth: nil, language: language).render(into: &buffer, area: parts[0])
    buffer.put(
        activityLine(report, inTime: ScreenRows.decisionsInTime(ledger, day: today), language), x: parts[1].x,
        y: parts[1].y, style: .role(.dim), maxWidth: parts[1].width)

    let selected = report.disclosure.isEmpty ? nil : min(state.selection[.dayEnd] ?? 0, report.disclosure.count - 1)
    let chartTitles = (language.pick("接收", "received"), language.pick("发出", "dispatched"))
    if parts[3].width >= 110 {
        // The bars stand beside the table, row for row.
        let halves = parts[3].splitHorizontally([.fixed(62), .fill], spacing: 2)
        let first = renderDisclosureTable(
            report, selected: selected, language: language, into: &buffer, area: halves[0])
        BarChart(
            entries: report.disclosure.dropFirst(first).map {
                BarChart.Entry(label: "", first: $0.received, second: $0.dispatched)
            },
            firstTitle: chartTitles.0, secondTitle: chartTitles.1
        ).render(into: &buffer, area: halves[1])
        renderRecentDays(today, ledger: ledger, language: language, into: &buffer, area: parts[5])
    } else {
        // The bars go under the table, beside the recent days, for the rows in view.
        let first = renderDisclosureTable(report, selected: selected, language: language, into: &buffer, area: parts[3])
        let halves = parts[5].splitHorizontally([.fill, .fill], spacing: 2)
        BarChart(
            entries: report.disclosure.dropFirst(first).map {
                BarChart.Entry(label: $0.item.description, first: $0.received, second: $0.dispatched)
            },
            firstTitle: chartTitles.0, secondTitle: chartTitles.1
        ).render(into: &buffer, area: halves[0])
        renderRecentDays(today, ledger: ledger, language: language, into: &buffer, area: halves[1])
    }
}

/// The counts behind the day's files: receipts, dispatches, decisions in time, paperwork pending.
private func activityLine(_ report: DayEndReport, inTime: Int, _ language: Language) -> String {
    let decided = report.approvalTimes.count
    return language.pick(
        "接收 \(report.receipts.count) 批 · 发出 \(report.dispatches.count) 笔 · 审批 \(decided) 项（10 分钟内 \(inTime) 项）· 待补手续 \(report.pendingPaperwork.count) 项 · e 导出",
        "\(report.receipts.count) lots in · \(report.dispatches.count) dispatches · \(decided) decisions (\(inTime) within 10 min) · \(report.pendingPaperwork.count) paperwork pending · e exports"
    )
}

/// 每日公示: one row per kind+spec and the total row, as in the disclosure CSV; returns the index
/// of the first row in view.
private func renderDisclosureTable(
    _ report: DayEndReport, selected: Int?, language: Language, into buffer: inout CellBuffer, area: Rect
) -> Int {
    var rows = report.disclosure.map { row in
        TableRow(
            [
                row.item.description, String(row.opening), String(row.received), String(row.dispatched),
                String(row.closing), percentText(row.clearRate),
            ],
            style: (row.clearRate ?? 1) < DayEndReport.clearTarget ? .role(.warning) : nil)
    }
    let totals = report.totals
    rows.append(
        TableRow(
            [language.pick("合计", "Total"), "", String(totals.received), "", "", percentText(report.clearRate)],
            style: Style(role: .header, bold: true)))
    let table = TableView(
        columns: [
            TableColumn(language.pick("物资/规格", "Goods/spec")),
            TableColumn(language.pick("期初", "Open"), width: .fixed(7), alignment: .right),
            TableColumn(language.pick("接收", "In"), width: .fixed(7), alignment: .right),
            TableColumn(language.pick("发出", "Out"), width: .fixed(7), alignment: .right),
            TableColumn(language.pick("期末", "Close"), width: .fixed(7), alignment: .right),
            TableColumn(language.pick("日清%", "Clr%"), width: .fixed(6), alignment: .right),
        ],
        rows: rows,
        selectedIndex: selected,
        emptyText: language.pick("今日尚无库存变动。", "No stock moved today.")
    )
    return table.render(into: &buffer, area: area)
}

/// The same-day clear rate of the last seven operational days, oldest first, each a gauge with
/// the 90% marker, so the markers line up into the target line.
private func renderRecentDays(
    _ today: CivilDate, ledger: Ledger, language: Language, into buffer: inout CellBuffer, area: Rect
) {
    guard !area.isEmpty else { return }
    let heading = language.pick("近 7 日日进日清率（│ 为 90% 线）", "Cleared the same day, last 7 days (│ = 90%)")
    buffer.put(heading, x: area.x, y: area.y, style: Style(role: .header, bold: true), maxWidth: area.width)
    for offset in 0..<7 {
        let day = ledger.calendar.adding(days: offset - 6, to: today)
        let label = String(day.description.suffix(5))
        clearRateGauge(rate: ScreenRows.clearRate(ledger, day: day), label: label, labelWidth: 13, language: language)
            .render(into: &buffer, area: area.inset(top: 1).row(offset))
    }
}
