/// A row of key hints such as `q 退出  ↑↓ 移动  Enter 批准`, cut to the width.
///
/// Only whole hints are shown: a hint that does not fit is left out with all after it, so the
/// row never ends in half a label.
public struct FooterHints: Sendable, Hashable {
    /// One key and what it does.
    public struct Hint: Sendable, Hashable {
        /// The key's name as shown, such as "Enter" or "↑↓".
        public var key: String
        /// What the key does.
        public var label: String

        /// Creates a hint from a key name as shown.
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }

        /// Creates a hint from a key, shown by its `displayName`.
        public init(_ key: Key, _ label: String) {
            self.init(key.displayName, label)
        }
    }

    /// The hints, most important first.
    public var hints: [Hint]
    /// The keys' style.
    public var keyStyle: Style
    /// The labels' style, also used to fill the row.
    public var labelStyle: Style
    /// What goes between hints.
    public var separator: String

    /// Creates a row of hints.
    public init(
        _ hints: [Hint],
        keyStyle: Style = Style(role: .help, bold: true),
        labelStyle: Style = .role(.help),
        separator: String = "  "
    ) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
        self.separator = separator
    }

    /// Draws the hints that fit on the first row of `area`.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else {
            return
        }
        buffer.fill(area.row(0), style: labelStyle)
        var x = area.x
        for (index, hint) in hints.enumerated() {
            let lead = index == 0 ? "" : separator
            let width = DisplayWidth.of(lead + hint.key + " " + hint.label)
            guard x + width <= area.maxX else {
                break
            }
            x += buffer.put(lead, x: x, y: area.y, style: labelStyle)
            x += buffer.put(hint.key, x: x, y: area.y, style: keyStyle)
            x += buffer.put(" " + hint.label, x: x, y: area.y, style: labelStyle)
        }
    }
}
