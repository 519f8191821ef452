import Foundation

/// Reads CSV files as spreadsheets write them: RFC 4180, strict about quotes.
///
/// - Line ends may be CRLF, LF or a lone CR; inside quotes they are kept as they are.
/// - Row numbers are the ones a spreadsheet shows. Every record counts, blank ones
///   included, so the header is row 1 unless blank lines come before it.
/// - A record whose fields are all empty (an empty line, or `,,,` as Excel writes an
///   empty row) is skipped but still counted. A line end at the end of the file makes
///   no record.
/// - The first record that is not blank is the header; its cells are trimmed of
///   surrounding whitespace. Data fields are kept exactly as parsed: not trimmed, not
///   padded, NUL characters kept.
/// - A quote must open a field: `a"b`, ` "b"` and `"a"b` are `.unexpectedQuote`.
///
/// The whole table is built here; an import reads the records one at a time with ``CSVScanner``.
public enum CSVReader {
    /// The most UTF-8 bytes one field may hold.
    public static let maxFieldBytes = 1 << 20
    /// The most fields one record may hold.
    public static let maxColumns = 1_000

    /// Parses RFC 4180 CSV text; see the type's documentation for the rules.
    public static func parse(_ text: String) throws -> CSVTable {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { try table(of: $0) }
    }

    /// Decodes the bytes (``decodeText(_:)``) and parses the text (``parse(_:)``).
    public static func read(_ data: Data) throws -> CSVTable {
        let bytes = try CSVBytes(data)
        return try withExtendedLifetime(bytes) { try table(of: bytes.buffer) }
    }

    /// The number of records in the file after the header, read the way an import reads them
    /// (mapped, checked as UTF-8 once, split into fields without making strings): the parsing an
    /// import does before it looks at a cell, which the benchmarks time on its own.
    public static func countRecords(inFile path: String) throws -> Int {
        let bytes = try CSVBytes(contentsOf: path)
        return try withExtendedLifetime(bytes) {
            var scanner = CSVScanner(bytes.buffer)
            guard try scanner.next() else { throw CSVReadError.empty }
            var count = 0
            while try scanner.next() { count += 1 }
            return count
        }
    }

    /// Every record of the bytes, the first as the header.
    private static func table(of bytes: UnsafeMutableBufferPointer<UInt8>) throws -> CSVTable {
        var scanner = CSVScanner(bytes)
        guard try scanner.next() else { throw CSVReadError.empty }
        let header = scanner.fields.map { scanner.text($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        var records: [CSVRecord] = []
        while try scanner.next() {
            records.append(CSVRecord(row: scanner.row, fields: scanner.fields.map(scanner.text)))
        }
        return CSVTable(header: header, records: records)
    }
}
