import Foundation

/// Writes CSV that Excel opens correctly on Chinese Windows: RFC 4180, UTF-8 with BOM, CRLF.
///
/// Fields are quoted when they hold a comma, quote, CR or LF. A cell a spreadsheet would
/// run as a formula (first character `=`, `+`, `-`, `@`, tab or CR) is neutralised by
/// prefixing `'`, except a plain number such as `-5` or `+3.5`, which stays numeric.
/// ``CSVReader`` does not remove the `'` again. A record whose fields are all empty is
/// written, but ``CSVReader`` skips it as blank.
public enum CSVWriter {
    /// Encodes the header and rows, each line ending in CRLF, after a UTF-8 BOM.
    public static func encode(header: [String], rows: [[String]]) -> Data {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        appendLine(header, to: &out)
        for row in rows {
            appendLine(row, to: &out)
        }
        return Data(out)
    }
}

// MARK: - Fields

extension CSVWriter {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private static func appendLine(_ fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(comma) }
            appendField(field, to: &out)
        }
        out.append(cr)
        out.append(lf)
    }

    private static func appendField(_ field: String, to out: inout [UInt8]) {
        let utf8 = field.utf8
        let quoted = utf8.contains { $0 == comma || $0 == quote || $0 == cr || $0 == lf }
        if !quoted, !isFormulaLike(utf8) {
            out.append(contentsOf: utf8)  // the common case, copied whole
            return
        }
        if quoted { out.append(quote) }
        if isFormulaLike(utf8) { out.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            if byte == quote { out.append(quote) }
            out.append(byte)
        }
        if quoted { out.append(quote) }
    }

    /// True when a spreadsheet would run the cell as a formula and it is not a plain number.
    private static func isFormulaLike(_ utf8: String.UTF8View) -> Bool {
        guard let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "\t"), cr:
            return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return !isPlainNumber(utf8.dropFirst())
        default:
            return false
        }
    }

    /// Digits with at most one decimal point and at least one digit: `5`, `3.5`, `.5`, `5.`.
    private static func isPlainNumber(_ bytes: Substring.UTF8View) -> Bool {
        var digits = 0
        var points = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
