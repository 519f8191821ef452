/// A sort key that orders identifiers naturally (digit runs by value, so R-9 < R-10),
/// as `TextIdentifier` does, without Foundation's slower string comparison.
///
/// Each digit run is written as a marker, its length without leading zeros and
/// its digits, so plain byte order is natural order; the bytes are packed into
/// big-endian words to compare eight at a time. Equal keys fall back to the text.
struct NaturalOrder: Comparable {
    private var words: [UInt64] = []
    private var raw: String

    init(_ text: String) {
        raw = text
        var bytes: [UInt8] = []
        var digits: [UInt8] = []
        func flush() {
            guard !digits.isEmpty else { return }
            let significant = digits.drop { $0 == UInt8(ascii: "0") }
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(truncatingIfNeeded: significant.count))
            bytes += significant
            digits.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits.append(byte)
            } else {
                flush()
                bytes.append(byte)
            }
        }
        flush()
        words.reserveCapacity((bytes.count + 7) / 8)
        var index = 0
        while index < bytes.count {
            var word: UInt64 = 0
            for offset in 0..<8 {
                word <<= 8
                if index + offset < bytes.count { word |= UInt64(bytes[index + offset]) }
            }
            words.append(word)
            index += 8
        }
    }

    static func < (lhs: NaturalOrder, rhs: NaturalOrder) -> Bool {
        for (left, right) in zip(lhs.words, rhs.words) where left != right { return left < right }
        if lhs.words.count != rhs.words.count { return lhs.words.count < rhs.words.count }
        return lhs.raw < rhs.raw
    }
}
