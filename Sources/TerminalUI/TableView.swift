/// A table with a header row, a selected row and vertical scrolling.
///
/// Every cell is cut and padded by display width, so columns of Chinese and mixed text stay
/// aligned. The app keeps the selection and the scroll offset in its state; `render` returns the
/// offset it actually used (moved so the selected row is visible), which the app stores back.
public struct TableView: Sendable, Hashable {
    /// The columns, left to right.
    public var columns: [TableColumn]
    /// The rows, top to bottom.
    public var rows: [TableRow]
    /// The index in `rows` of the selected row, or nil for none.
    public var selectedIndex: Int?
    /// The index of the first row shown before adjusting for the selection.
    public var scrollOffset: Int
    /// Blank columns between neighbouring columns.
    public var columnSpacing: Int
    /// The header row's style.
    public var headerStyle: Style
    /// The selected row's style, across the whole width.
    public var selectionStyle: Style
    /// Text shown under the header when there are no rows; nil for nothing.
    public var emptyText: String?

    /// Creates a table.
    public init(
        columns: [TableColumn],
        rows: [TableRow],
        selectedIndex: Int? = nil,
        scrollOffset: Int = 0,
        columnSpacing: Int = 1,
        headerStyle: Style = Style(role: .header, bold: true),
        selectionStyle: Style = .role(.selection),
        emptyText: String? = nil
    ) {
        self.columns = columns
        self.rows = rows
        self.selectedIndex = selectedIndex
        self.scrollOffset = scrollOffset
        self.columnSpacing = columnSpacing
        self.headerStyle = headerStyle
        self.selectionStyle = selectionStyle
        self.emptyText = emptyText
    }

    // MARK: - Layout

    /// How many data rows fit in `area` under the header; what Page Up and Page Down move by.
    public static func visibleRowCount(in area: Rect) -> Int {
        max(0, area.height - 1)
    }

    /// The scroll offset that shows the selected row, moving `current` as little as possible.
    ///
    /// The offset is also kept from scrolling past the last row.
    public static func scrollOffset(current: Int, selected: Int?, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0 else {
            return 0
        }
        var offset = min(max(current, 0), max(0, rowCount - visibleRows))
        if let selected, selected >= 0 && selected < rowCount {
            if selected < offset {
                offset = selected
            } else if selected >= offset + visibleRows {
                offset = selected - visibleRows + 1
            }
        }
        return offset
    }

    /// The left column and width of each column when the table is `width` columns wide.
    public func columnLayout(width: Int) -> [(x: Int, width: Int)] {
        var x = 0
        return LayoutLength.resolve(columns.map(\.width), total: width, spacing: columnSpacing).map { size in
            defer { x += size + max(0, columnSpacing) }
            return (x, size)
        }
    }

    // MARK: - Rendering

    /// Draws the header and the visible rows into `area` and returns the scroll offset used.
    @discardableResult
    public func render(into buffer: inout CellBuffer, area: Rect) -> Int {
        guard !area.isEmpty else {
            return 0
        }
        let layout = columnLayout(width: area.width)
        drawRow(columns.map(\.title), style: headerStyle, y: area.y, area: area, layout: layout, into: &buffer)

        let visibleRows = Self.visibleRowCount(in: area)
        let offset = Self.scrollOffset(
            current: scrollOffset,
            selected: selectedIndex,
            visibleRows: visibleRows,
            rowCount: rows.count
        )
        if rows.isEmpty, let emptyText, visibleRows > 0 {
            buffer.put(emptyText, x: area.x, y: area.y + 1, style: .role(.dim), maxWidth: area.width)
        }
        for line in 0..<visibleRows {
            let index = offset + line
            guard index < rows.count else {
                break
            }
            let row = rows[index]
            let style = index == selectedIndex ? selectionStyle : (row.style ?? Style())
            let y = area.y + 1 + line
            if index == selectedIndex {
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
            }
            drawRow(row.cells, style: style, y: y, area: area, layout: layout, into: &buffer)
        }
        return offset
    }

    /// Draws one line of cell texts, each padded to its column, in one style.
    private func drawRow(
        _ texts: [String],
        style: Style,
        y: Int,
        area: Rect,
        layout: [(x: Int, width: Int)],
        into buffer: inout CellBuffer
    ) {
        for (index, column) in columns.enumerated() where layout[index].width > 0 {
            let text = index < texts.count ? texts[index] : ""
            let padded = DisplayWidth.pad(text, to: layout[index].width, alignment: column.alignment)
            buffer.put(padded, x: area.x + layout[index].x, y: y, style: style, maxWidth: layout[index].width)
        }
    }
}
