import DayClearCore
import DayClearStore
import TerminalUI

/// The lists screen: the day's goods and the day's requests, side by side (stacked when narrow).
///
/// The selected row of the focused pane highlights the rows of the other pane that go with it:
/// for a lot, the request lines of its kind+spec it could feed (only its recipient's, if directed);
/// for a request line, the lots that could feed it.
func renderLists(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect) {
    let language = state.language
    let lists = ScreenRows.dayLists(state, ledger)
    let goods = ScreenRows.goods(lists, filter: state.filter)
    let requests = ScreenRows.requestLines(lists, filter: state.filter)
    // Side by side only where both goods/spec columns keep about 20 cells; below that, stacked.
    let panes =
        area.width >= sideBySideWidth
        ? area.splitHorizontally([.fill, .fill], spacing: 1) : area.splitVertically([.fill, .fill])
    let goodsIndex = min(state.goodsSelection, goods.count - 1)
    let requestIndex = min(state.selection[.lists] ?? 0, requests.count - 1)
    let selectedLot = goods.indices.contains(goodsIndex) ? goods[goodsIndex] : nil
    let selectedLine = requests.indices.contains(requestIndex) ? requests[requestIndex] : nil
    let time = LocalTimeFormat(ledger.calendar)
    let related = Style(role: .ok, bold: true)

    func feeds(_ lot: DayLists.StockRow, _ line: DayLists.RequestRow) -> Bool {
        lot.item == line.item && (lot.designatedRecipient.map { $0 == line.recipient } ?? true)
    }

    // MARK: Goods

    let goodsTitle = language.pick("第一张清单：可供调拨和预到物资", "List 1: available and expected goods")
    let goodsBox = Box(title: goodsTitle, style: state.focus == .goods ? .role(.title) : .role(.dim))
    let goodsArea = goodsBox.render(into: &buffer, area: panes[0])
    let goodsInView = VisibleRows(
        count: goods.count, selected: state.focus == .goods && !goods.isEmpty ? goodsIndex : nil, area: goodsArea)
    let goodsRows = goods[goodsInView.range].map { row -> TableRow in
        var markers = ""
        if row.designatedRecipient != nil { markers += language.pick("★定向", "★dir") }
        if row.nearExpiry { markers += language.pick("临期", "exp") }
        let expected = row.expected > 0 ? "\(row.expected) \(time.clock(row.eta))" : ""
        var style: Style? = row.designatedRecipient != nil ? .role(.directed) : nil
        if state.focus == .requests, let selectedLine, feeds(row, selectedLine) { style = related }
        return TableRow(
            [
                row.item.description, String(row.onHand), expected, String(row.proposed), String(row.approved),
                String(row.free), markers,
            ], style: style)
    }
    TableView(
        columns: [
            TableColumn(language.pick("物资/规格", "Goods/spec")),
            TableColumn(language.pick("在库", "OnHd"), width: .fixed(5), alignment: .right),
            TableColumn(language.pick("预到", "Expected"), width: .fixed(10), alignment: .right),
            TableColumn(language.pick("建议", "Prop"), width: .fixed(5), alignment: .right),
            TableColumn(language.pick("批准", "Appr"), width: .fixed(5), alignment: .right),
            TableColumn(language.pick("可用", "Free"), width: .fixed(5), alignment: .right),
            TableColumn(language.pick("标记", "Mark"), width: .fixed(8)),
        ],
        rows: goodsRows,
        selectedIndex: goodsInView.selected,
        emptyText: language.pick("今天没有物资", "No goods today")
    ).render(into: &buffer, area: goodsArea)

    // MARK: Requests

    let requestsTitle = language.pick("第二张清单：调拨申请", "List 2: dispatch requests")
    let requestsBox = Box(title: requestsTitle, style: state.focus == .requests ? .role(.title) : .role(.dim))
    let requestsArea = requestsBox.render(into: &buffer, area: panes[1])
    let requestsInView = VisibleRows(
        count: requests.count, selected: state.focus == .requests && !requests.isEmpty ? requestIndex : nil,
        area: requestsArea)
    let requestRows = requests[requestsInView.range].map { row -> TableRow in
        let waiting = ScreenRows.waitingMinutes(row, now: state.now)
        let wait = waiting.map { "\($0)/\(DayLists.approvalTargetMinutes)" } ?? ""
        let overdue = (waiting ?? 0) >= DayLists.approvalTargetMinutes
        var style: Style? = overdue ? .role(.overdue) : nil
        if state.focus == .goods, let selectedLot, feeds(selectedLot, row) { style = related }
        return TableRow(
            [
                row.recipientName, String(row.tier.rawValue), row.item.description, String(row.asked),
                String(row.proposed), String(row.approved), stateName(row.state, language), wait,
            ], style: style)
    }
    TableView(
        columns: [
            TableColumn(language.pick("受援单位", "Recipient")),
            TableColumn(language.pick("级", "T"), width: .fixed(2), alignment: .right),
            TableColumn(language.pick("物资/规格", "Goods/spec")),
            TableColumn(language.pick("申请", "Ask"), width: .fixed(5), alignment: .right),
            TableColumn(language.pick("建议", "Prop"), width: .fixed(5), alignment: .right),
            TableColumn(language.pick("批准", "Appr"), width: .fixed(5), alignment: .right),
            TableColumn(language.pick("状态", "State"), width: .fixed(language == .zh ? 6 : 9)),
            TableColumn(language.pick("等待分", "Wait"), width: .fixed(6), alignment: .right),
        ],
        rows: requestRows,
        selectedIndex: requestsInView.selected,
        emptyText: language.pick("今天没有调拨申请", "No requests today")
    ).render(into: &buffer, area: requestsArea)
}

/// The narrowest screen that shows the two lists side by side.
let sideBySideWidth = 160

/// A request state's name in the given language.
func stateName(_ state: RequestState, _ language: Language) -> String {
    language.pick(state.chineseName, state.rawValue)
}
