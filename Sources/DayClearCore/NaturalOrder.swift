/// A sort key that orders identifiers as `TextIdentifier` does (digit runs by
/// value, so R-9 < R-10) without Foundation's slower string comparison.
struct NaturalOrder: Comparable {
    /// A run of digits (leading zeros dropped) or of other bytes.
    private struct Run: Equatable {
        var digits: Bool
        var bytes: ArraySlice<UInt8>
    }

    private var runs: [Run] = []
    private var raw: [UInt8]

    init(_ text: String) {
        raw = Array(text.utf8)
        var start = 0
        while start < raw.count {
            let digits = Self.isDigit(raw[start])
            var end = start + 1
            while end < raw.count, Self.isDigit(raw[end]) == digits { end += 1 }
            var run = raw[start..<end]
            if digits { run = run.drop { $0 == UInt8(ascii: "0") } }
            runs.append(Run(digits: digits, bytes: run))
            start = end
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func precedes(_ lhs: Run, _ rhs: Run) -> Bool {
        if lhs.digits != rhs.digits { return lhs.digits }
        if lhs.digits, lhs.bytes.count != rhs.bytes.count { return lhs.bytes.count < rhs.bytes.count }
        return lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    static func < (lhs: NaturalOrder, rhs: NaturalOrder) -> Bool {
        for (left, right) in zip(lhs.runs, rhs.runs) where left != right { return precedes(left, right) }
        if lhs.runs.count != rhs.runs.count { return lhs.runs.count < rhs.runs.count }
        return lhs.raw.lexicographicallyPrecedes(rhs.raw)
    }
}
