import TerminalUI
import Testing

@Suite("Widgets")
struct WidgetTests {
    @Test("Box draws nothing in an area smaller than 2×2")
    func tinyBox() {
        var buffer = CellBuffer(width: 4, height: 4)
        let inner = Box(title: "x").render(into: &buffer, area: Rect(x: 0, y: 0, width: 1, height: 4))
        #expect(inner.isEmpty)
        #expect(buffer.lines() == ["", "", "", ""])
    }

    @Test("Box title is cut so a line stays on each side")
    func boxTitle() {
        var buffer = CellBuffer(width: 12, height: 3)
        Box(title: "防护服库存").render(into: &buffer, area: buffer.bounds)
        #expect(buffer.lines() == ["┌─ 防护… ──┐", "│          │", "└──────────┘"])
        #expect(buffer[3, 0].style == .role(.title))
    }

    @Test("Gauge fills by rounding down and puts the 90% marker where the fill reaches it")
    func gaugeMarker() {
        #expect(Gauge.filledCells(0.899, width: 20) == 17)
        #expect(Gauge.filledCells(0.9, width: 20) == 18)
        #expect(Gauge.filledCells(.nan, width: 20) == 0)
        #expect(Gauge.filledCells(3, width: 20) == 20)
        var buffer = CellBuffer(width: 20, height: 1)
        Gauge(fraction: 0.5, target: 0.9).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.lines() == ["██████████░░░░░░░░│░"])
        #expect(buffer[18, 0].style == Style(role: .warning, bold: true))
        #expect(buffer[0, 0].style == .role(.ok))
        #expect(buffer[10, 0].style == .role(.dim))
    }

    @Test("BarChart scales both series together and shows any positive value")
    func barScale() {
        #expect(BarChart.barCells(12000, maximum: 12000, width: 30) == 30)
        #expect(BarChart.barCells(1, maximum: 12000, width: 30) == 1)
        #expect(BarChart.barCells(0, maximum: 12000, width: 30) == 0)
        #expect(BarChart.barCells(-5, maximum: 12000, width: 30) == 0)
        #expect(BarChart.barCells(6000, maximum: 12000, width: 30) == 15)
    }

    @Test("FooterHints leaves out a hint that does not fit whole")
    func footerCut() {
        var buffer = CellBuffer(width: 18, height: 1)
        FooterHints(Fixtures.hints).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.lines() == ["q 退出  ↑↓ 移动"])
        #expect(buffer[0, 0].style == Style(role: .help, bold: true))
        #expect(buffer[2, 0].style == .role(.help))
        #expect(buffer[17, 0].style == .role(.help))
    }
}
