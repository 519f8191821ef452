import Foundation

/// A data record of the file being imported: its spreadsheet row and its fields, as ranges of the
/// file's bytes (see ``CSVScanner``).
struct ImportRecord {
    var row: Int
    var fields: [CSVField]
}

/// The text of an import's cells, read from the file's bytes.
struct CellText {
    let bytes: UnsafeMutableBufferPointer<UInt8>

    /// The field's text as it was written.
    func raw(_ field: CSVField) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
    }

    /// The field's text without surrounding whitespace and line ends (`String.trimmedOfWhitespace`);
    /// only a field that starts or ends with such a character goes through Foundation.
    func trimmed(_ field: CSVField) -> String {
        guard !field.isEmpty else { return "" }
        if !firstScalar(field).isTrimmedByFoundation, !lastScalar(field).isTrimmedByFoundation {
            return raw(field)
        }
        return raw(field).trimmedOfWhitespace
    }

    /// True when the two fields hold the same bytes.
    func sameBytes(_ a: CSVField, _ b: CSVField) -> Bool {
        let count = a.end - a.start
        guard count == b.end - b.start else { return false }
        guard let base = bytes.baseAddress, count > 0 else { return true }
        return memcmp(base + a.start, base + b.start, count) == 0
    }

    /// True when the field is empty or only spaces and tabs (`String.isBlank`).
    func isBlank(_ field: CSVField) -> Bool {
        guard !field.isEmpty else { return true }
        let first = bytes[field.start]
        if first > 0x20, first < 0x7F { return false }
        return raw(field).isBlank
    }

    /// The value of a field of 1–18 ASCII digits and nothing else (the usual quantity); nil for
    /// anything else, which `FieldParser` then reads from the text.
    func plainNumber(_ field: CSVField) -> Int? {
        let count = field.end - field.start
        guard count > 0, count <= 18 else { return nil }
        var value = 0
        for index in field.start..<field.end {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// The field's bytes packed into a key when it is at most 16 bytes long (a date as spreadsheets
    /// write it); nil when longer.
    func shortKey(_ field: CSVField) -> ShortCellKey? {
        let count = field.end - field.start
        guard count <= 16 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for offset in 0..<count {
            let byte = UInt64(bytes[field.start + offset])
            if offset < 8 { low |= byte << (8 * offset) } else { high |= byte << (8 * (offset - 8)) }
        }
        return ShortCellKey(low: low, high: high, count: UInt8(count))
    }

    /// The first scalar of a field that is not empty (the bytes are valid UTF-8).
    private func firstScalar(_ field: CSVField) -> Unicode.Scalar {
        scalar(at: field.start)
    }

    /// The last scalar of a field that is not empty: its lead byte is the last that is not 10xxxxxx.
    private func lastScalar(_ field: CSVField) -> Unicode.Scalar {
        var start = field.end - 1
        while start > field.start, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start)
    }

    private func scalar(at index: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        let value: UInt32
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        switch lead {
        case 0..<0x80: value = lead
        case 0xC0..<0xE0: value = (lead & 0x1F) << 6 | continuation(1)
        case 0xE0..<0xF0: value = (lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
        default: value = (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}

/// Up to 16 bytes of a cell, for remembering what a cell's text was read as without making a `String`.
struct ShortCellKey: Hashable {
    var low: UInt64
    var high: UInt64
    var count: UInt8
}
