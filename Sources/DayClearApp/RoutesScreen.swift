import DayClearCore
import DayClearRouting
import DayClearStore
import TerminalUI

/// The routes screen (分类运送): today's same-day clear gauge and the forecast with today's shuttle
/// runs, the approved and dispatched request lines grouped by route class, the postal shuttle's
/// runs (stops in order, load, length), and the stock left for warehouse storage.
func renderRoutes(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect) {
    let language = state.language
    let routes = ScreenRows.routes(ledger, filter: state.filter)
    let waiting = routes.waitingCount
    let title = language.pick(
        "分类运送：待发出 \(waiting) 单，已发出 \(routes.requestCount - waiting) 单",
        "Routes: \(waiting) to dispatch, \(routes.requestCount - waiting) on the way")
    let inner = Box(title: title).render(into: &buffer, area: area)
    let warehouse = ScreenRows.warehouse(ledger)
    let warehouseHeight = min(1 + (warehouse.count + 1) / 2, max(3, inner.height / 4))
    let today = ledger.calendar.day(containing: state.now)
    let shuttle = shuttleOutcome(state, ledger: ledger, day: today)
    let runCount = (try? shuttle.get().runs.count) ?? 1
    let runsHeight = min(1 + max(1, runCount), max(2, inner.height / 4))
    let parts = inner.splitVertically([
        .fixed(1), .fixed(1), .fixed(1), .fill, .fixed(runsHeight), .fixed(warehouseHeight),
    ])

    let label = language.pick("今日日进日清（目标 90%）", "Cleared today (target 90%)")
    let forecastLabel = language.pick("预测（按今日车次）", "Forecast with today's runs")
    // Both labels padded alike, so the two figures and bars line up.
    let labelWidth = max(DisplayWidth.of(label), DisplayWidth.of(forecastLabel))
    clearRateGauge(
        rate: ScreenRows.clearRate(ledger, day: today),
        label: DisplayWidth.pad(label, to: labelWidth, alignment: .left), labelWidth: nil, language: language
    ).render(into: &buffer, area: parts[0])
    let forecast = try? shuttle.get().forecastClearRate
    clearRateGauge(
        rate: forecast, label: DisplayWidth.pad(forecastLabel, to: labelWidth, alignment: .left), labelWidth: nil,
        language: language
    ).render(into: &buffer, area: parts[1])

    renderRouteTable(routes, state: state, ledger: ledger, into: &buffer, area: parts[3])
    let configuration = try? state.shuttleConfiguration?.get()
    renderShuttleRuns(
        shuttle, configuration: configuration, language: language, into: &buffer, area: parts[4], ledger: ledger)
    renderWarehouse(warehouse, language: language, into: &buffer, area: parts[5])
}

/// The day's shuttle plan, or why there is none.
func shuttleOutcome(_ state: AppState, ledger: Ledger, day: CivilDate) -> Result<
    ShuttlePlan, ShuttlePanelProblem
> {
    switch state.shuttleConfiguration {
    case nil: return .failure(.notRead)
    case .failure(let error): return .failure(.configuration(error))
    case .success(let configuration):
        return ScreenRows.shuttlePlan(ledger, day: day, configuration: configuration).mapError { .planning($0) }
    }
}

/// The request lines, one group per route class; the class is named on the first row of each
/// group and on the first row in view.
private func renderRouteTable(
    _ routes: RouteRows, state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect
) {
    let language = state.language
    let rows = routes.rows
    let selected = rows.isEmpty ? nil : min(state.selection[.routes] ?? 0, rows.count - 1)
    let inView = VisibleRows(count: rows.count, selected: selected, area: area)
    let firstInView = inView.range.lowerBound
    let wide = area.width >= 100
    let goodsWidth = min(routes.goodsWidth ?? 10, wide ? 24 : 20)
    let tableRows = inView.range.map { index -> TableRow in
        let row = rows[index]
        let startsGroup = index == firstInView || index == 0 || rows[index - 1].route != row.route
        let recipient = ledger.recipients[row.request.recipient]
        return TableRow(
            [
                startsGroup ? routeName(row.route, language) : "", row.request.id.rawValue,
                recipient?.name ?? row.request.recipient.rawValue, recipient.map { String($0.tier.rawValue) } ?? "",
                row.line.item.description,
                row.lots.map { lotLabel($0, for: row.line, in: ledger) }.joined(separator: ","),
                "\(row.approved) \(row.line.unit)", stateName(row.request.state, language),
            ], style: row.request.state == .dispatched ? .role(.ok) : nil)
    }
    TableView(
        columns: [
            TableColumn(language.pick("运送方式", "Route"), width: .fixed(8)),
            TableColumn(language.pick("申请", "Request"), width: .fixed(7)),
            TableColumn(language.pick("受援单位", "Recipient")),
            TableColumn(language.pick("级", "T"), width: .fixed(2), alignment: .right),
            TableColumn(language.pick("物资/规格", "Goods/spec"), width: .fixed(goodsWidth)),
            TableColumn(language.pick("批次", "Lots"), width: .fixed(wide ? 14 : 7)),
            TableColumn(language.pick("批准", "Approved"), width: .fixed(9), alignment: .right),
            TableColumn(language.pick("状态", "State"), width: .fixed(language == .zh ? 6 : 10)),
        ],
        rows: tableRows,
        selectedIndex: inView.selected,
        emptyText: language.pick(
            "没有待发出或在途的批准分配。在审批群批准后出现在这里。", "No approved allocations to dispatch or deliver; approvals appear here.")
    ).render(into: &buffer, area: area)
}

/// 仓库存储: the free units on hand by kind+spec, flowed into as many columns as fit.
private func renderWarehouse(
    _ rows: [WarehouseRow], language: Language, into buffer: inout CellBuffer, area: Rect
) {
    guard !area.isEmpty else { return }
    let heading = language.pick(
        "仓库存储：未分配的在库物资 \(rows.count) 种", "Warehouse storage: \(rows.count) kinds+specs on hand, unallocated")
    buffer.put(heading, x: area.x, y: area.y, style: Style(role: .header, bold: true), maxWidth: area.width)
    let columnWidth = 38
    let perLine = max(1, (area.width + 2) / (columnWidth + 2))
    let lines = area.height - 1
    let capacity = perLine * lines
    for (index, row) in rows.prefix(capacity).enumerated() {
        var text = DisplayWidth.pad(
            DisplayWidth.truncate(row.item.description, to: columnWidth - 13), to: columnWidth - 13, alignment: .left)
        text += DisplayWidth.pad("\(row.free) \(row.unit)", to: 13, alignment: .right)
        if index == capacity - 1 && rows.count > capacity {
            text = language.pick("……另有 \(rows.count - capacity + 1) 种", "… \(rows.count - capacity + 1) more")
        }
        let x = area.x + (index % perLine) * (columnWidth + 2)
        buffer.put(text, x: x, y: area.y + 1 + index / perLine, style: .role(.dim), maxWidth: columnWidth)
    }
}

/// A route class's short name.
private func routeName(_ route: RouteClass, _ language: Language) -> String {
    switch route {
    case .pointToPoint: language.pick("点对点", "direct")
    case .shuttle: language.pick("邮政专车", "shuttle")
    case .warehouse: language.pick("仓库存储", "store")
    }
}
