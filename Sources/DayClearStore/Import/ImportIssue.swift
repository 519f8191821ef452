/// One bad cell or row in an imported file, reported as `FILE:ROW:COLUMN: reason`.
public struct ImportIssue: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// The spreadsheet row (the header is row 1).
    public var row: Int
    /// The column's header as written in the file, or empty for the whole row.
    public var column: String
    public var reason: String

    public init(file: String, row: Int, column: String, reason: String) {
        self.file = file
        self.row = row
        self.column = column
        self.reason = reason
    }

    /// `FILE:ROW:COLUMN: reason`, or `FILE: reason` for the file as a whole.
    public var description: String { row > 0 ? "\(file):\(row):\(column): \(reason)" : "\(file): \(reason)" }
}
