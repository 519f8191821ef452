/// Rows of a label and two bars side by side, such as goods received against goods dispatched.
///
/// Each row reads `label  ██████████ 1200  ███████    900`: both bars share one scale (the
/// largest value in the chart fills a whole bar), and any value above zero shows at least one
/// cell. Optional series titles make a header row over the two bars.
public struct BarChart: Sendable, Hashable {
    /// One row of the chart.
    public struct Entry: Sendable, Hashable {
        /// The row's label, such as an item kind.
        public var label: String
        /// The first series' value, such as the quantity received.
        public var first: Int
        /// The second series' value, such as the quantity dispatched.
        public var second: Int

        /// Creates an entry.
        public init(label: String, first: Int, second: Int) {
            self.label = label
            self.first = first
            self.second = second
        }
    }

    /// The rows, top to bottom; rows past the area's height are not drawn.
    public var entries: [Entry]
    /// The first series' title for the header row; the header is drawn when either title is set.
    public var firstTitle: String?
    /// The second series' title for the header row.
    public var secondTitle: String?
    /// The first series' style.
    public var firstStyle: Style
    /// The second series' style.
    public var secondStyle: Style
    /// The header row's style.
    public var headerStyle: Style

    /// Creates a chart.
    public init(
        entries: [Entry],
        firstTitle: String? = nil,
        secondTitle: String? = nil,
        firstStyle: Style = Style(),
        secondStyle: Style = .role(.ok),
        headerStyle: Style = Style(role: .header, bold: true)
    ) {
        self.entries = entries
        self.firstTitle = firstTitle
        self.secondTitle = secondTitle
        self.firstStyle = firstStyle
        self.secondStyle = secondStyle
        self.headerStyle = headerStyle
    }

    /// The number of cells a bar `width` cells wide gives `value` when `maximum` fills it.
    public static func barCells(_ value: Int, maximum: Int, width: Int) -> Int {
        guard value > 0, maximum > 0, width > 0 else {
            return 0
        }
        let cells = Int((Double(value) / Double(maximum) * Double(width)).rounded(.down))
        return min(width, max(1, cells))
    }

    /// Draws the header (if any) and as many rows as fit into `area`.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else {
            return
        }
        let labelWidth = min(entries.map { DisplayWidth.of($0.label) }.max() ?? 0, area.width / 3)
        let valueWidth = entries.flatMap { [String($0.first), String($0.second)] }.map(\.count).max() ?? 1
        // label, gap, bar, space, value, two spaces, bar, space, value.
        let barWidth = max(0, (area.width - labelWidth - 1 - 2 - 2 * (1 + valueWidth)) / 2)
        let segmentWidth = barWidth + 1 + valueWidth
        let firstX = area.x + labelWidth + 1
        let secondX = firstX + segmentWidth + 2
        let maximum = entries.flatMap { [$0.first, $0.second] }.max() ?? 0

        var y = area.y
        if firstTitle != nil || secondTitle != nil {
            buffer.put(firstTitle ?? "", x: firstX, y: y, style: headerStyle, maxWidth: segmentWidth)
            buffer.put(secondTitle ?? "", x: secondX, y: y, style: headerStyle, maxWidth: area.maxX - secondX)
            y += 1
        }
        for entry in entries {
            guard y < area.maxY else {
                break
            }
            buffer.put(DisplayWidth.truncate(entry.label, to: labelWidth), x: area.x, y: y)
            drawBar(entry.first, x: firstX, y: y, style: firstStyle, into: &buffer)
            drawBar(entry.second, x: secondX, y: y, style: secondStyle, into: &buffer)
            y += 1
        }

        func drawBar(_ value: Int, x: Int, y: Int, style: Style, into buffer: inout CellBuffer) {
            let cells = Self.barCells(value, maximum: maximum, width: barWidth)
            buffer.put(String(repeating: "█", count: cells), x: x, y: y, style: style, maxWidth: area.maxX - x)
            let valueText = DisplayWidth.pad(String(value), to: valueWidth, alignment: .right)
            buffer.put(valueText, x: x + barWidth + 1, y: y, maxWidth: area.maxX - x - barWidth - 1)
        }
    }
}
