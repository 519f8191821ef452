/// A Unicode line border (┌─┐│└┘) around a rectangle, with an optional title in the top edge.
public struct Box: Sendable, Hashable {
    /// The title shown in the top edge, cut to fit; nil for none.
    public var title: String?
    /// The border's style.
    public var style: Style
    /// The title's style.
    public var titleStyle: Style

    /// Creates a box.
    public init(title: String? = nil, style: Style = Style(), titleStyle: Style = .role(.title)) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
    }

    /// Draws the border along the edges of `area` and returns the rectangle inside it.
    ///
    /// The title starts two columns in (`┌─ 标题 ─┐`) and is cut with an ellipsis so that at
    /// least one `─` stays on each side. An area less than 2×2 draws nothing and has an empty
    /// inside.
    @discardableResult
    public func render(into buffer: inout CellBuffer, area: Rect) -> Rect {
        let inner = area.inset(by: 1)
        guard area.width >= 2 && area.height >= 2 else {
            return inner
        }
        let horizontal = String(repeating: "─", count: area.width - 2)
        buffer.put("┌" + horizontal + "┐", x: area.x, y: area.y, style: style)
        buffer.put("└" + horizontal + "┘", x: area.x, y: area.maxY - 1, style: style)
        for row in inner.rows {
            buffer.put("│", x: area.x, y: row, style: style)
            buffer.put("│", x: area.maxX - 1, y: row, style: style)
        }
        // Room for " title " between "┌─" and "─┐".
        let titleRoom = area.width - 6
        if let title, !title.isEmpty, titleRoom >= 1 {
            let shown = " " + DisplayWidth.truncate(title, to: titleRoom) + " "
            buffer.put(shown, x: area.x + 2, y: area.y, style: titleStyle)
        }
        return inner
    }
}
