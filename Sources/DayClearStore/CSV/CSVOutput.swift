/// CSV written field by field straight into bytes, in ``CSVWriter``'s format (UTF-8 with BOM, CRLF,
/// RFC 4180 quoting, formulas neutralised), so that a large file is not first built as one array of
/// strings per row.
public struct CSVOutput {
    /// The file so far, starting with the BOM.
    public private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Records ended so far, the header included.
    public private(set) var records = 0
    private var fieldsInRecord = 0

    /// `capacity`: the bytes expected, to grow the buffer once instead of by doubling.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends one record of `fields`.
    public mutating func record(_ fields: [String]) {
        for field in fields { self.field(field) }
        endRecord()
    }

    /// Ends the current record with CRLF.
    public mutating func endRecord() {
        bytes.append(Self.cr)
        bytes.append(Self.lf)
        records += 1
        fieldsInRecord = 0
    }

    /// Appends a field, quoted when it holds a comma, quote, CR or LF, behind `'` when a spreadsheet
    /// would run it as a formula.
    public mutating func field(_ text: String) {
        separate()
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append(field: $0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { append(field: $0) } }
    }

    /// Appends a field given as UTF-8 bytes, quoted and neutralised as `field(_:)` would.
    public mutating func field(utf8: UnsafeBufferPointer<UInt8>) {
        separate()
        append(field: utf8)
    }

    /// Appends a whole number in decimal, as `"\(number)"` would be written (a negative number is a
    /// plain number, not a formula).
    public mutating func field(_ number: Int) {
        separate()
        bytes.appendDecimal(Int64(number))
    }

    private mutating func separate() {
        if fieldsInRecord > 0 { bytes.append(Self.comma) }
        fieldsInRecord += 1
    }

    private mutating func append(field utf8: UnsafeBufferPointer<UInt8>) {
        // Comma, quote, CR and LF are all below "-", so most bytes are passed after one comparison.
        let quoted = utf8.contains {
            $0 < UInt8(ascii: "-") && ($0 == Self.comma || $0 == Self.quote || $0 == Self.cr || $0 == Self.lf)
        }
        let formula = Self.isFormulaLike(utf8)
        if !quoted, !formula {
            bytes.append(contentsOf: utf8)  // the common case, copied whole
            return
        }
        if quoted { bytes.append(Self.quote) }
        if formula { bytes.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            if byte == Self.quote { bytes.append(Self.quote) }
            bytes.append(byte)
        }
        if quoted { bytes.append(Self.quote) }
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// True when a spreadsheet would run the cell as a formula and it is not a plain number.
    private static func isFormulaLike(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
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
    private static func isPlainNumber(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
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
