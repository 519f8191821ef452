import Foundation

/// Reads the JSON of one event payload straight from its UTF-8 bytes: objects, arrays, strings,
/// integers and doubles, nothing else kept in between.
///
/// Just enough JSON for `PayloadDecoder`; anything it does not expect throws `PayloadScanner.Unexpected`
/// and the caller falls back to Foundation's decoder, so an odd but valid payload is still read.
struct PayloadScanner {
    struct Unexpected: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// Calls `field` with each key of an object; `field` must consume the value (or call `skipValue`).
    mutating func object(_ field: (inout PayloadScanner, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try field(&self, key)
            skipSpace()
            guard index < bytes.count else { throw Unexpected() }
            let next = bytes[index]
            index += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw Unexpected() }
        }
    }

    /// Calls `element` for each element of an array.
    mutating func array(_ element: (inout PayloadScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try element(&self)
            skipSpace()
            guard index < bytes.count else { throw Unexpected() }
            let next = bytes[index]
            index += 1
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { throw Unexpected() }
        }
    }

    /// A JSON string, escapes resolved.
    mutating func string() throws -> String {
        skipSpace()
        guard peek() == Self.quote else { throw Unexpected() }
        index += 1
        let start = index
        var ascii = true
        while index < bytes.count, bytes[index] != Self.quote, bytes[index] != Self.backslash, bytes[index] >= 0x20 {
            ascii = ascii && bytes[index] < 0x80
            index += 1
        }
        guard index < bytes.count else { throw Unexpected() }
        if bytes[index] == Self.quote {
            let span = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            let text = String(decoding: span, as: UTF8.self)
            // Decoding repairs bad UTF-8 with U+FFFD (bytes EF BF BD); only text that may hold one is
            // checked again, strictly, as JSONDecoder would.
            if ascii || !text.utf8.contains(0xBD) { return text }
            guard let valid = String(validating: span, as: UTF8.self) else { throw Unexpected() }
            return valid
        }
        index = start
        return try escapedString()
    }

    /// The slow path of `string()`, for text with escapes.
    private mutating func escapedString() throws -> String {
        var scalars = String.UnicodeScalarView()
        var plain: [UInt8] = []
        func flush() throws {
            guard !plain.isEmpty else { return }
            guard let text = String(validating: plain, as: UTF8.self) else { throw Unexpected() }
            scalars.append(contentsOf: text.unicodeScalars)
            plain.removeAll(keepingCapacity: true)
        }
        while true {
            guard index < bytes.count else { throw Unexpected() }
            let byte = bytes[index]
            index += 1
            if byte == Self.quote { break }
            guard byte >= 0x20 else { throw Unexpected() }
            guard byte == Self.backslash else {
                plain.append(byte)
                continue
            }
            try flush()
            guard index < bytes.count else { throw Unexpected() }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
            default: throw Unexpected()
            }
        }
        try flush()
        return String(scalars)
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; the `\u` is already read.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800..<0xDC00).contains(first) {
            guard index + 1 < bytes.count, bytes[index] == Self.backslash, bytes[index + 1] == UInt8(ascii: "u") else {
                throw Unexpected()
            }
            index += 2
            let second = try hex4()
            guard (0xDC00..<0xE000).contains(second) else { throw Unexpected() }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw Unexpected() }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw Unexpected() }
        return scalar
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Unexpected() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let digit = bytes[index]
            index += 1
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(digit - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | UInt32(digit - UInt8(ascii: "A") + 10)
            default: throw Unexpected()
            }
        }
        return value
    }

    /// A whole number that fits in Int64 (no fraction, no exponent).
    mutating func integer() throws -> Int64 {
        skipSpace()
        var negative = false
        if peek() == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var magnitude: UInt64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw Unexpected() }
            magnitude = sum
            index += 1
        }
        guard index > start else { throw Unexpected() }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw Unexpected()
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw Unexpected() }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw Unexpected() }
        return Int64(magnitude)
    }

    mutating func int() throws -> Int { Int(try integer()) }

    /// A JSON number as a Double, read by the standard library's correctly rounded parser.
    mutating func double() throws -> Double {
        skipSpace()
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
                continue
            default: break
            }
            break
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Unexpected() }
        return value
    }

    /// True (and consumed) when the next value is `null`.
    mutating func null() -> Bool {
        skipSpace()
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// Nothing but white space may follow the payload.
    mutating func end() throws {
        skipSpace()
        guard index == bytes.count else { throw Unexpected() }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw Unexpected() }
        index += 1
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }
}
