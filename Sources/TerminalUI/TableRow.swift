/// One row of a `TableView`: its cell texts and an optional style for the whole row.
public struct TableRow: Sendable, Hashable {
    /// The texts, one per column; missing ones are blank and extra ones are ignored.
    public var cells: [String]
    /// The row's style when it is not selected; nil for the table's normal style.
    public var style: Style?

    /// Creates a row.
    public init(_ cells: [String], style: Style? = nil) {
        self.cells = cells
        self.style = style
    }
}
