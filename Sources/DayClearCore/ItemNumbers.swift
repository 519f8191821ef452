/// Finds the ledger's number of a kind+spec (`Ledger.itemNumbers`) for many request lines in a row, as a walk of
/// every open line does.
///
/// Hashing an `ItemKey` hashes its strings in Unicode normal form, which costs hundreds of instructions per
/// Chinese kind or spec. A line is therefore found among the spellings seen so far by its bytes (`ExactText`);
/// a spelling not seen yet is looked up once in the ledger's table, so two spellings of one kind+spec
/// (composed and decomposed) still get one number.
struct ItemNumbers {
    private struct Spelling: Hashable {
        var kind: ExactText
        var spec: ExactText
    }

    private let canonical: [ItemKey: Int]
    /// Each spelling seen and its number (nil: not in the ledger).
    private var spellings: [Spelling: Int?] = [:]

    init(_ canonical: [ItemKey: Int]) {
        self.canonical = canonical
    }

    /// The number of `item`, or nil when the ledger has none.
    mutating func number(of item: ItemKey) -> Int? {
        let spelling = Spelling(kind: ExactText(item.kind), spec: ExactText(item.spec))
        if let known = spellings[spelling] { return known }
        let number = canonical[item]
        spellings[spelling] = .some(number)  // remembered even when the ledger has none
        return number
    }
}
