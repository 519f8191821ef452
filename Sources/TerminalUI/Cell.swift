/// One terminal column of a `CellBuffer`: a grapheme cluster, its display width and its style.
///
/// A wide glyph (width 2) sits in its first column's cell; the cell to its right is a
/// *continuation* (empty grapheme, width 0) that the backend skips and `lines()` leaves out.
public struct Cell: Sendable, Hashable {
    /// The grapheme cluster drawn here; empty in a continuation cell.
    public var grapheme: String
    /// How many columns the grapheme takes: 1 or 2, or 0 for a continuation cell.
    public var width: Int
    /// How the cell is drawn.
    public var style: Style

    /// Creates a cell; `CellBuffer.put` is the usual way to fill cells.
    public init(grapheme: String, width: Int, style: Style = Style()) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell(grapheme: " ", width: 1)

    /// A space in the given style.
    public static func blank(_ style: Style) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The trailing half of a wide glyph, in the glyph's style.
    public static func continuation(_ style: Style) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    /// Whether this cell is the trailing half of a wide glyph.
    public var isContinuation: Bool { width == 0 }
}
