/// A sort key that orders identifiers naturally (digit runs by value, so R-9 < R-10),
/// as `TextIdentifier` does, without Foundation's slower string comparison.
///
/// Each digit run is written as a marker, its length without leading zeros and
/// its digits, so plain byte order is natural order. The bytes are packed into
/// big-endian words to compare eight at a time; the first sixteen stay in two
/// stored words, so an identifier of usual length costs no allocation. Equal keys
/// fall back to the text.
public struct NaturalOrder: Comparable, Sendable {
    /// The first eight and the next eight bytes of the encoding (`lead`).
    private var first: UInt64 = 0
    private var second: UInt64 = 0
    /// The words after the first two, for long identifiers.
    private var rest: [UInt64] = []
    private var count = 0
    private var raw: String

    public init(_ text: String) {
        raw = text
        let encoded: Void? = text.utf8.withContiguousStorageIfAvailable { encode($0) }
        if encoded == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { encode($0) }
        }
    }

    private mutating func encode(_ bytes: UnsafeBufferPointer<UInt8>) {
        let zero = UInt8(ascii: "0")
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= zero, byte <= UInt8(ascii: "9") else {
                append(byte)
                index += 1
                continue
            }
            var end = index
            var significant = index
            while end < bytes.count, bytes[end] >= zero, bytes[end] <= UInt8(ascii: "9") {
                if bytes[end] == zero, significant == end { significant += 1 }
                end += 1
            }
            append(zero)
            append(UInt8(truncatingIfNeeded: end - significant))
            for position in significant..<end { append(bytes[position]) }
            index = end
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        let shift = UInt64(56 - 8 * (count & 7))
        if count < 8 {
            first |= UInt64(byte) << shift
        } else if count < 16 {
            second |= UInt64(byte) << shift
        } else {
            if count & 7 == 0 { rest.append(0) }
            rest[rest.count - 1] |= UInt64(byte) << shift
        }
        count += 1
    }

    public static func < (lhs: NaturalOrder, rhs: NaturalOrder) -> Bool {
        if lhs.first != rhs.first { return lhs.first < rhs.first }
        if lhs.second != rhs.second { return lhs.second < rhs.second }
        if lhs.rest != rhs.rest { return lhs.rest.lexicographicallyPrecedes(rhs.rest) }
        return lhs.raw < rhs.raw
    }

    public static func == (lhs: NaturalOrder, rhs: NaturalOrder) -> Bool {
        lhs.first == rhs.first && lhs.second == rhs.second && lhs.rest == rhs.rest && lhs.raw == rhs.raw
    }
}

extension NaturalOrder {
    /// The first sixteen bytes of the encoding as two plain words. Sorts of many rows keep this in
    /// their keys and compare the whole `NaturalOrder` (or the id) only where two leads are equal.
    public struct Lead: Comparable, Sendable {
        var first: UInt64
        var second: UInt64

        public static func < (lhs: Lead, rhs: Lead) -> Bool {
            lhs.first != rhs.first ? lhs.first < rhs.first : lhs.second < rhs.second
        }
    }

    public var lead: Lead { Lead(first: first, second: second) }
}
