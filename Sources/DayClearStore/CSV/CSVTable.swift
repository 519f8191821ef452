/// A parsed CSV file: the header and the data records.
public struct CSVTable: Equatable, Sendable {
    /// The header cells, trimmed of surrounding whitespace.
    public var header: [String]
    /// The data records, blank ones left out.
    public var records: [CSVRecord]

    public init(header: [String], records: [CSVRecord]) {
        self.header = header
        self.records = records
    }
}

/// One data record of a CSV file, with the row number a spreadsheet shows for it.
public struct CSVRecord: Equatable, Sendable {
    /// The spreadsheet row number: the header is row 1, the first data record row 2
    /// (counting records, not physical lines, so a quoted newline does not shift it;
    /// skipped blank records still count).
    public var row: Int
    /// The fields exactly as parsed: not trimmed, not padded to the header's width.
    public var fields: [String]

    public init(row: Int, fields: [String]) {
        self.row = row
        self.fields = fields
    }
}
