import Foundation

/// Finds the ledger's number of a kind+spec (`Ledger.itemNumbers`) for many request lines in a row, as a walk of
/// every open line does.
///
/// Hashing an `ItemKey` hashes its strings in Unicode normal form, which costs hundreds of instructions per
/// Chinese kind or spec. A line is therefore found among the spellings seen so far by a plain hash of its kind's
/// and spec's bytes and confirmed by comparing bytes; a spelling not seen yet is looked up once in the ledger's
/// table, so two spellings of one kind+spec (composed and decomposed) still get one number.
struct ItemNumbers {
    private let canonical: [ItemKey: Int]
    /// Spellings seen: the item as spelled, the hash of its bytes and its number (nil: not in the ledger).
    private var spellings: [(item: ItemKey, hash: UInt64, number: Int?)] = []
    /// Open addressing over `spellings` by hash: a position in `spellings`, or -1 for an empty slot.
    private var slots = Array(repeating: -1, count: 64)

    init(_ canonical: [ItemKey: Int]) {
        self.canonical = canonical
    }

    /// The number of `item`, or nil when the ledger has none.
    mutating func number(of item: ItemKey) -> Int? {
        let hash = Self.hash(item)
        var slot = slot(of: hash)
        while slots[slot] >= 0 {
            let seen = spellings[slots[slot]]
            if seen.hash == hash, Self.sameBytes(seen.item.kind, item.kind),
                Self.sameBytes(seen.item.spec, item.spec)
            {
                return seen.number
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        // A spelling not seen yet: looked up once in the canonical table.
        let number = canonical[item]
        slots[slot] = spellings.count
        spellings.append((item, hash, number))
        if spellings.count * 2 > slots.count { grow() }
        return number
    }

    private func slot(of hash: UInt64) -> Int {
        // The high bits of a multiplicative hash, as many as the table needs.
        Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> (64 - slots.count.trailingZeroBitCount))
    }

    /// FNV-1a over the kind's bytes, a separator no UTF-8 text holds, and the spec's bytes: the spelling as
    /// written, with none of `Hasher`'s Unicode normalisation.
    private static func hash(_ item: ItemKey) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        item.kind.utf8.forEach(mix)
        mix(0xFF)
        item.spec.utf8.forEach(mix)
        return hash
    }

    /// Whether two strings have the same bytes, which makes them the same string (`==` would also compare
    /// them in Unicode normal form, which costs hundreds of instructions for a Chinese spec).
    private static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        let same = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                left.count == right.count
                    && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
        return (same ?? nil) ?? (lhs == rhs)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for (position, spelling) in spellings.enumerated() {
            var slot = slot(of: spelling.hash)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = position
        }
    }
}
