import TerminalUI
import Testing

@Suite("Widget snapshots")
struct WidgetSnapshotTests {
    static let sizes = [(80, 24), (40, 12)]

    @Test("Box with a Chinese title", arguments: sizes)
    func box(width: Int, height: Int) {
        var buffer = CellBuffer(width: width, height: height)
        let outer = Box(title: "物资调拨审批 Approval group").render(into: &buffer, area: buffer.bounds)
        Box(title: "一个很长很长很长很长很长的标题 with English").render(into: &buffer, area: outer.inset(by: 2))
        #expect(outer == Rect(x: 1, y: 1, width: width - 2, height: height - 2))
        assertSnapshot(buffer, named: "box-\(width)x\(height)")
    }

    @Test("TableView with Chinese rows and a selection", arguments: sizes)
    func table(width: Int, height: Int) {
        var buffer = CellBuffer(width: width, height: height)
        TableView(columns: Fixtures.columns, rows: Fixtures.rows, selectedIndex: 4).render(
            into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "table-\(width)x\(height)")
    }

    @Test("Gauges below, at and above the target", arguments: sizes)
    func gauge(width: Int, height: Int) {
        var buffer = CellBuffer(width: width, height: height)
        for (row, fraction) in [0.0, 0.5, 0.87, 0.9, 1.0].enumerated() {
            let label = "日进日清 \(Int(fraction * 100))%"
            Gauge(fraction: fraction, target: 0.9, label: label, labelWidth: 13)
                .render(into: &buffer, area: buffer.bounds.row(row))
        }
        Gauge(fraction: 0.3).render(into: &buffer, area: buffer.bounds.row(6))
        assertSnapshot(buffer, named: "gauge-\(width)x\(height)")
    }

    @Test("BarChart of received against dispatched", arguments: sizes)
    func barChart(width: Int, height: Int) {
        var buffer = CellBuffer(width: width, height: height)
        BarChart(entries: Fixtures.chartEntries, firstTitle: "收到 Received", secondTitle: "发出 Dispatched")
            .render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "barchart-\(width)x\(height)")
    }

    @Test("FooterHints cut to whole hints", arguments: sizes)
    func footer(width: Int, height: Int) {
        var buffer = CellBuffer(width: width, height: height)
        FooterHints(Fixtures.hints).render(into: &buffer, area: buffer.bounds.row(height - 1))
        assertSnapshot(buffer, named: "footer-\(width)x\(height)")
    }

    @Test("A whole screen of widgets", arguments: sizes)
    func dashboard(width: Int, height: Int) {
        assertSnapshot(Fixtures.dashboard(width: width, height: height), named: "dashboard-\(width)x\(height)")
    }
}
