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
public enum CSVReader {
    /// The most UTF-8 bytes one field may hold.
    public static let maxFieldBytes = 1 << 20
    /// The most fields one record may hold.
    public static let maxColumns = 1_000

    /// Parses RFC 4180 CSV text; see the type's documentation for the rules.
    public static func parse(_ text: String) throws -> CSVTable {
        var text = text
        text.makeContiguousUTF8()
        if let table = try text.utf8.withContiguousStorageIfAvailable({ try parse(bytes: $0) }) {
            return table
        }
        return try Array(text.utf8).withUnsafeBufferPointer { try parse(bytes: $0) }
    }

    /// Decodes the bytes (``decodeText(_:)``) and parses the text (``parse(_:)``).
    public static func read(_ data: Data) throws -> CSVTable {
        try parse(decodeText(data))
    }
}

// MARK: - The parser

extension CSVReader {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// One pass over valid UTF-8. Fields split only at ASCII bytes, so every slice is valid UTF-8.
    private static func parse(bytes: UnsafeBufferPointer<UInt8>) throws -> CSVTable {
        let end = bytes.count
        // A BOM left in the text (by a caller, or a GB18030 file's own BOM) is not data.
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var row = 0
        var header: [String]?
        var records: [CSVRecord] = []
        var fields: [String] = []

        func finishRecord() {
            defer { fields.removeAll(keepingCapacity: true) }
            guard fields.contains(where: { !$0.isEmpty }) else { return }
            if header == nil {
                header = fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            } else {
                records.append(CSVRecord(row: row, fields: fields))
            }
        }

        while i < end {
            // A new record starts here.
            row += 1
            recordLoop: while true {
                let column = fields.count + 1
                guard column <= maxColumns else {
                    throw CSVReadError.tooManyColumns(row: row, limit: maxColumns)
                }
                if i < end, bytes[i] == quote {
                    let field: String
                    (field, i) = try quotedField(bytes, from: i + 1, row: row, column: column)
                    if i < end, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                        throw CSVReadError.unexpectedQuote(row: row, column: column)
                    }
                    fields.append(field)
                } else {
                    let start = i
                    while i < end {
                        let b = bytes[i]
                        if b == comma || b == cr || b == lf { break }
                        if b == quote { throw CSVReadError.unexpectedQuote(row: row, column: column) }
                        i += 1
                    }
                    guard i - start <= maxFieldBytes else {
                        throw CSVReadError.fieldTooLong(row: row, column: column, limit: maxFieldBytes)
                    }
                    fields.append(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                }

                // The delimiter after the field: comma, line end, or end of file.
                guard i < end else { break recordLoop }
                switch bytes[i] {
                case comma:
                    i += 1  // another field follows, possibly empty at the end of the file
                case cr:
                    i += 1
                    if i < end, bytes[i] == lf { i += 1 }
                    break recordLoop
                default:  // lf
                    i += 1
                    break recordLoop
                }
            }
            finishRecord()
        }

        guard let header else { throw CSVReadError.empty }
        return CSVTable(header: header, records: records)
    }

    /// Reads a quoted field whose content starts at `start` (just after the opening quote).
    /// Returns the field and the index just after the closing quote.
    private static func quotedField(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, row: Int, column: Int
    ) throws -> (field: String, next: Int) {
        let end = bytes.count
        var i = start
        var escapes = 0
        while true {
            guard i < end else { throw CSVReadError.unterminatedQuote(row: row) }
            if bytes[i] == quote {
                if i + 1 < end, bytes[i + 1] == quote {
                    escapes += 1
                    i += 2
                    continue
                }
                break
            }
            i += 1
        }
        let content = UnsafeBufferPointer(rebasing: bytes[start..<i])
        let length = content.count - escapes
        guard length <= maxFieldBytes else {
            throw CSVReadError.fieldTooLong(row: row, column: column, limit: maxFieldBytes)
        }
        if escapes == 0 {
            return (String(decoding: content, as: UTF8.self), i + 1)
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(length)
        var k = 0
        while k < content.count {
            let b = content[k]
            unescaped.append(b)
            k += b == quote ? 2 : 1
        }
        return (String(decoding: unescaped, as: UTF8.self), i + 1)
    }
}
