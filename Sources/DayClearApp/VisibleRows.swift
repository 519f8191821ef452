import TerminalUI

/// The rows a `TableView` drawn in `area` shows, so a screen formats the 40 rows in view and not
/// all 10,000: the same window the table would scroll to, with the selection counted from its top.
struct VisibleRows {
    /// The indices of the rows in view.
    let range: Range<Int>
    /// The selected row's index within `range`, or nil for none.
    let selected: Int?

    /// The window of `count` rows with `selected` selected, for a table drawn in `area`.
    init(count: Int, selected: Int?, area: Rect) {
        let visible = TableView.visibleRowCount(in: area)
        let offset = TableView.scrollOffset(current: 0, selected: selected, visibleRows: visible, rowCount: count)
        range = offset..<max(offset, min(count, offset + visible))
        self.selected = selected.map { $0 - offset }
    }
}
