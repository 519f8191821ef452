import Foundation
import TerminalUI
import Testing

@Suite("TableView")
struct TableViewTests {
    /// The display column at which `needle` first starts in `line` at or after display column `from`.
    func displayColumn(of needle: String, in line: String, from: Int) -> Int? {
        var skipped = 0
        var rest = Substring(line)
        while skipped < from, let first = rest.first {
            skipped += DisplayWidth.of(first)
            rest = rest.dropFirst()
        }
        return rest.range(of: needle).map { skipped + DisplayWidth.of(String(rest[..<$0.lowerBound])) }
    }

    @Test("Chinese and mixed cells start and end at the same display column on every row", arguments: [80, 52, 40])
    func columnsLineUp(width: Int) throws {
        var buffer = CellBuffer(width: width, height: 8)
        let table = TableView(columns: Fixtures.columns, rows: Fixtures.rows, selectedIndex: 2)
        table.render(into: &buffer, area: buffer.bounds)
        let layout = table.columnLayout(width: width)
        let lines = buffer.lines()
        let allRows = [TableRow(Fixtures.columns.map(\.title))] + Fixtures.rows
        for (lineIndex, row) in allRows.enumerated() {
            var previousEnd = 0
            for (column, spec) in Fixtures.columns.enumerated() {
                let shown = DisplayWidth.truncate(row.cells[column], to: layout[column].width)
                let start = try #require(
                    displayColumn(of: shown, in: lines[lineIndex], from: previousEnd),
                    "\(shown) in \(lines[lineIndex])"
                )
                previousEnd = start + DisplayWidth.of(shown)
                switch spec.alignment {
                case .left:
                    #expect(start == layout[column].x, "row \(lineIndex) column \(column)")
                case .right:
                    #expect(start + DisplayWidth.of(shown) == layout[column].x + layout[column].width)
                case .center:
                    #expect(
                        abs(2 * start + DisplayWidth.of(shown) - (2 * layout[column].x + layout[column].width)) <= 1)
                }
            }
        }
    }

    @Test("every row is padded to the full width, so a selection spans it")
    func selectionSpansRow() {
        var buffer = CellBuffer(width: 40, height: 8)
        TableView(columns: Fixtures.columns, rows: Fixtures.rows, selectedIndex: 1).render(
            into: &buffer, area: buffer.bounds)
        #expect(
            buffer.styleRuns(row: 2) == [
                StyleRun(columns: 0..<40, style: .role(.selection), text: buffer.styleRuns(row: 2)[0].text)
            ])
        #expect(buffer.styleRuns(row: 0).first?.style == Style(role: .header, bold: true))
        #expect(buffer[0, 5].style == .role(.shortfall))
    }

    @Test("the scroll offset moves just enough to show the selected row")
    func scrolling() {
        #expect(TableView.scrollOffset(current: 0, selected: 12, visibleRows: 5, rowCount: 20) == 8)
        #expect(TableView.scrollOffset(current: 8, selected: 10, visibleRows: 5, rowCount: 20) == 8)
        #expect(TableView.scrollOffset(current: 8, selected: 3, visibleRows: 5, rowCount: 20) == 3)
        #expect(TableView.scrollOffset(current: 30, selected: nil, visibleRows: 5, rowCount: 20) == 15)
        #expect(TableView.scrollOffset(current: 4, selected: nil, visibleRows: 5, rowCount: 3) == 0)
        #expect(TableView.scrollOffset(current: 4, selected: 2, visibleRows: 0, rowCount: 3) == 0)
        #expect(TableView.visibleRowCount(in: Rect(x: 0, y: 0, width: 10, height: 6)) == 5)
    }

    @Test("render draws the window of rows around the selection and returns its offset")
    func renderScrolled() {
        let rows = (1...20).map { TableRow(["第\($0)行", "\($0)"]) }
        let table = TableView(
            columns: [TableColumn("行"), TableColumn("号", width: .fixed(3), alignment: .right)],
            rows: rows,
            selectedIndex: 12
        )
        var buffer = CellBuffer(width: 12, height: 6)
        #expect(table.render(into: &buffer, area: buffer.bounds) == 8)
        #expect(
            buffer.lines() == [
                "行        号",
                "第9行      9",
                "第10行    10",
                "第11行    11",
                "第12行    12",
                "第13行    13",
            ]
        )
        #expect(buffer[0, 5].style == .role(.selection))
    }

    @Test("an empty table shows its placeholder under the header")
    func emptyTable() {
        var buffer = CellBuffer(width: 20, height: 3)
        TableView(columns: [TableColumn("物资")], rows: [], emptyText: "无记录 No rows").render(
            into: &buffer, area: buffer.bounds)
        #expect(buffer.lines() == ["物资", "无记录 No rows", ""])
        #expect(buffer[0, 1].style == .role(.dim))
    }
}
