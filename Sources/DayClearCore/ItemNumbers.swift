/// Numbers the kinds+specs the planner has lots of, and finds a request line's number fast.
///
/// Hashing an `ItemKey` hashes its strings in Unicode normal form, which costs hundreds of
/// instructions per Chinese kind or spec; with 100,000 requests that was a large part of
/// planning. A line is therefore found by an FNV-1a hash of its bytes among the spellings seen
/// so far and confirmed with `==`; a spelling not seen yet is looked up once in the canonical
/// table, so two spellings of one kind+spec (composed and decomposed) still get one number.
struct ItemNumbers {
    private var canonical: [ItemKey: Int] = [:]
    /// Spellings seen, by their byte hash: the item as spelled and its number (nil: no lots).
    private var spellings: [UInt64: (item: ItemKey, number: Int?)] = [:]
    /// The kinds+specs by number.
    private(set) var items: [ItemKey] = []

    /// The number of `item`, giving it the next one when it is new.
    mutating func add(_ item: ItemKey) -> Int {
        if let number = canonical[item] { return number }
        canonical[item] = items.count
        items.append(item)
        return items.count - 1
    }

    /// The number of `item`, or nil when it was never added.
    mutating func number(of item: ItemKey) -> Int? {
        let hash = Self.bytesHash(item)
        if let seen = spellings[hash], seen.item == item { return seen.number }
        let number = canonical[item]
        if spellings[hash] == nil { spellings[hash] = (item, number) }
        return number
    }

    /// FNV-1a over the kind's bytes, a separator and the spec's bytes.
    private static func bytesHash(_ item: ItemKey) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        mix(item.kind, into: &hash)
        hash = (hash ^ 0xff) &* 0x100_0000_01b3
        mix(item.spec, into: &hash)
        return hash
    }

    private static func mix(_ text: String, into hash: inout UInt64) {
        let mixed: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        if mixed == nil {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
    }
}
