/// One column of a `TableView`: its title, its width and how its cells are aligned.
public struct TableColumn: Sendable, Hashable {
    /// The header text, cut to the column's width.
    public var title: String
    /// The column's width: fixed, a fraction of the table, or a share of what is left.
    public var width: LayoutLength
    /// How the title and cells sit in the column.
    public var alignment: Alignment

    /// Creates a column; by default it shares the leftover width and is left-aligned.
    public init(_ title: String, width: LayoutLength = .fill, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}
