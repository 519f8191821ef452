/// Why a CSV file could not be read. Rows are spreadsheet rows and columns count from 1.
public enum CSVReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file holds no header: it is empty or blank.
    case empty
    /// The bytes are neither UTF-8 nor GB18030.
    case undecodable
    /// A quoted field runs to the end of the file; `row` is where its record starts.
    case unterminatedQuote(row: Int)
    /// A quote inside an unquoted field, or text after a closing quote.
    case unexpectedQuote(row: Int, column: Int)
    /// A field holds more than `limit` bytes of UTF-8.
    case fieldTooLong(row: Int, column: Int, limit: Int)
    /// A record has more than `limit` fields.
    case tooManyColumns(row: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty: no header row"
        case .undecodable:
            return "the file is neither UTF-8 nor GB18030 text"
        case .unterminatedQuote(let row):
            return "row \(row): unterminated quoted field"
        case .unexpectedQuote(let row, let column):
            return
                "row \(row), column \(column): unexpected quote (a quote inside an unquoted field, or text after a closing quote)"
        case .fieldTooLong(let row, let column, let limit):
            return "row \(row), column \(column): field longer than \(limit) bytes"
        case .tooManyColumns(let row, let limit):
            return "row \(row): more than \(limit) columns"
        }
    }
}
