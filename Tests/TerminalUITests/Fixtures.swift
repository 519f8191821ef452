import TerminalUI

/// Realistic widget contents shared by the rendering tests.
enum Fixtures {
    static let columns = [
        TableColumn("物资 Item", width: .fraction(0.3)),
        TableColumn("捐赠方 Donor", width: .fill),
        TableColumn("数量", width: .fixed(6), alignment: .right),
        TableColumn("状态", width: .fixed(4), alignment: .center),
    ]

    static let rows = [
        TableRow(["医用防护口罩 N95", "浙江省慈善总会", "12000", "已到"]),
        TableRow(["防护服（一次性）L", "某公司", "800", "预到"], style: .role(.warning)),
        TableRow(["护目镜", "海外华人联合会：定向", "350", "定向"], style: .role(.directed)),
        TableRow(["84消毒液", "Acme Trading Ltd.", "60", "已到"]),
        TableRow(["体温计", "个人捐赠、匿名", "1500", "缺口"], style: .role(.shortfall)),
        TableRow(["Gloves 手套 M", "红十字会", "40000", "已到"]),
    ]

    static let chartEntries = [
        BarChart.Entry(label: "口罩", first: 12000, second: 10500),
        BarChart.Entry(label: "防护服", first: 800, second: 800),
        BarChart.Entry(label: "体温计", first: 1500, second: 200),
        BarChart.Entry(label: "消毒液", first: 0, second: 0),
    ]

    static let hints = [
        FooterHints.Hint("q", "退出"),
        FooterHints.Hint("↑↓", "移动"),
        FooterHints.Hint(Key.enter, "批准 Approve"),
        FooterHints.Hint(Key.escape, "返回"),
        FooterHints.Hint(Key.function(1), "帮助 Help"),
    ]

    /// A whole screen: a titled box holding a table, a gauge, a chart and the key hints.
    static func dashboard(width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        let inner = Box(title: "DayClear 调拨台 Dispatch").render(into: &buffer, area: buffer.bounds)
        let parts = inner.splitVertically([.fraction(0.4), .fixed(1), .fill, .fixed(1)], spacing: 1)
        TableView(columns: columns, rows: rows, selectedIndex: 1).render(into: &buffer, area: parts[0])
        Gauge(fraction: 0.87, target: 0.9, label: "日进日清 87%").render(into: &buffer, area: parts[1])
        BarChart(entries: chartEntries, firstTitle: "收到", secondTitle: "发出").render(into: &buffer, area: parts[2])
        FooterHints(hints).render(into: &buffer, area: parts[3])
        return buffer
    }
}
