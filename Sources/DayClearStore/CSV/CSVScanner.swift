/// One field of a record: where its text lies in the scanned bytes (quotes removed, `""` already
/// turned into `"`).
struct CSVField {
    var start: Int
    var end: Int

    var isEmpty: Bool { start == end }
}

/// Reads records one at a time from UTF-8 bytes, by the rules of ``CSVReader``, without making a
/// `String` of anything: a field is a range of the bytes. Records whose fields are all empty are
/// skipped but counted.
///
/// A quoted field holding `""` is unescaped in place, so the bytes must be a private copy; every
/// field stays valid for as long as the bytes do. Fields split only at ASCII bytes, so each is valid
/// UTF-8 when the bytes are.
struct CSVScanner {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    private var position: Int
    /// The spreadsheet row of the record last read.
    private(set) var row = 0
    /// The fields of the record last read.
    private(set) var fields: [CSVField] = []

    /// Starts at the beginning of `bytes`, after a UTF-8 BOM if there is one (a BOM is not data).
    init(_ bytes: UnsafeMutableBufferPointer<UInt8>) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Reads the next record with a field that is not empty into `fields`; false at the end.
    mutating func next() throws -> Bool {
        while position < bytes.count {
            row += 1
            fields.removeAll(keepingCapacity: true)
            try readRecord()
            if fields.contains(where: { !$0.isEmpty }) { return true }
        }
        return false
    }

    /// The text of a field of the record last read (or of any earlier one).
    func text(_ field: CSVField) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
    }
}

// MARK: - Records and fields

extension CSVScanner {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Reads one record, through its line end, into `fields`. A line end at the end of the bytes
    /// makes no further record; a comma there makes an empty last field.
    private mutating func readRecord() throws {
        let end = bytes.count
        while true {
            let column = fields.count + 1
            guard column <= CSVReader.maxColumns else {
                throw CSVReadError.tooManyColumns(row: row, limit: CSVReader.maxColumns)
            }
            if position < end, bytes[position] == Self.quote {
                fields.append(try quotedField(column: column))
                if position < end, bytes[position] != Self.comma, bytes[position] != Self.cr,
                    bytes[position] != Self.lf
                {
                    throw CSVReadError.unexpectedQuote(row: row, column: column)
                }
            } else {
                let start = position
                while position < end {
                    let b = bytes[position]
                    if b == Self.comma || b == Self.cr || b == Self.lf { break }
                    if b == Self.quote { throw CSVReadError.unexpectedQuote(row: row, column: column) }
                    position += 1
                }
                guard position - start <= CSVReader.maxFieldBytes else {
                    throw CSVReadError.fieldTooLong(row: row, column: column, limit: CSVReader.maxFieldBytes)
                }
                fields.append(CSVField(start: start, end: position))
            }

            // The delimiter after the field: comma, line end, or end of the bytes.
            guard position < end else { return }
            switch bytes[position] {
            case Self.comma:
                position += 1  // another field follows, possibly empty at the end of the bytes
            case Self.cr:
                position += 1
                if position < end, bytes[position] == Self.lf { position += 1 }
                return
            default:  // lf
                position += 1
                return
            }
        }
    }

    /// Reads the quoted field at `position` (its opening quote) and moves past the closing quote.
    private mutating func quotedField(column: Int) throws -> CSVField {
        let end = bytes.count
        let start = position + 1
        var i = start
        var escapes = 0
        while true {
            guard i < end else { throw CSVReadError.unterminatedQuote(row: row) }
            if bytes[i] == Self.quote {
                if i + 1 < end, bytes[i + 1] == Self.quote {
                    escapes += 1
                    i += 2
                    continue
                }
                break
            }
            i += 1
        }
        position = i + 1
        let length = i - start - escapes
        guard length <= CSVReader.maxFieldBytes else {
            throw CSVReadError.fieldTooLong(row: row, column: column, limit: CSVReader.maxFieldBytes)
        }
        if escapes > 0 {
            // Each `""` becomes `"`: the text moves left within its own field.
            var read = start
            var write = start
            while read < i {
                let b = bytes[read]
                bytes[write] = b
                write += 1
                read += b == Self.quote ? 2 : 1
            }
        }
        return CSVField(start: start, end: start + length)
    }
}
