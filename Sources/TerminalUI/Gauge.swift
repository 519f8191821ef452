/// A one-row horizontal bar showing a fraction, with a label and an optional target marker.
///
/// Drawn as `label ████████████░░░░│░░`: the label, a space, then the bar filling the rest of the
/// row. The target (for example the 90% same-day-clear line) is a `│` in the column where the
/// fill reaches it, so a fraction at or past the target fills up to the marker.
public struct Gauge: Sendable, Hashable {
    /// The filled part, from 0 to 1; values outside are clamped and NaN counts as 0.
    public var fraction: Double
    /// Where the target marker goes, from 0 to 1; nil for no marker.
    public var target: Double?
    /// Text before the bar, cut to at most half the row when the row is narrow.
    public var label: String
    /// The columns the label takes, so stacked gauges line up; nil for the label's own width.
    public var labelWidth: Int?
    /// The label's style.
    public var labelStyle: Style
    /// The filled part's style.
    public var filledStyle: Style
    /// The unfilled part's style.
    public var emptyStyle: Style
    /// The target marker's style.
    public var markerStyle: Style

    /// Creates a gauge.
    public init(
        fraction: Double,
        target: Double? = nil,
        label: String = "",
        labelWidth: Int? = nil,
        labelStyle: Style = Style(),
        filledStyle: Style = .role(.ok),
        emptyStyle: Style = .role(.dim),
        markerStyle: Style = Style(role: .warning, bold: true)
    ) {
        self.fraction = fraction
        self.target = target
        self.label = label
        self.labelWidth = labelWidth
        self.labelStyle = labelStyle
        self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle
        self.markerStyle = markerStyle
    }

    /// The number of filled cells in a bar `width` cells wide, rounded down so a bar never looks
    /// further along than it is.
    public static func filledCells(_ fraction: Double, width: Int) -> Int {
        let clamped = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        return Int((clamped * Double(max(width, 0))).rounded(.down))
    }

    /// Draws the gauge on the first row of `area`.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else {
            return
        }
        var barX = area.x
        if !label.isEmpty || labelWidth != nil {
            let labelWidth = min(self.labelWidth ?? DisplayWidth.of(label), area.width / 2)
            buffer.put(
                DisplayWidth.pad(label, to: labelWidth, alignment: .left),
                x: area.x,
                y: area.y,
                style: labelStyle
            )
            barX += labelWidth + 1
        }
        let barWidth = area.maxX - barX
        guard barWidth > 0 else {
            return
        }
        let filled = Self.filledCells(fraction, width: barWidth)
        buffer.put(String(repeating: "█", count: filled), x: barX, y: area.y, style: filledStyle)
        buffer.put(
            String(repeating: "░", count: barWidth - filled),
            x: barX + filled,
            y: area.y,
            style: emptyStyle
        )
        if let target {
            let column = min(Self.filledCells(target, width: barWidth), barWidth - 1)
            buffer.put("│", x: barX + column, y: area.y, style: markerStyle)
        }
    }
}
