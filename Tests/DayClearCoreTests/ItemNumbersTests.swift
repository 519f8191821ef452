import Testing

@testable import DayClearCore

@Suite struct ItemNumbersTests {
    /// Hundreds of kinds+specs whose kinds and specs all have the same byte counts, as a catalogue of
    /// two-character Chinese kinds and specs would: each finds its own number, asked in any order.
    @Test func itemsOfEqualLengthsKeepTheirOwnNumbers() {
        let kinds = ["口罩", "手套", "帽子", "鞋套", "护目", "面屏", "隔离", "酒精", "消毒", "棉签"]
        let specs = ["一型", "二型", "三型", "四型", "五型", "六型", "七型", "八型", "九型", "十型"]
        let items = kinds.flatMap { kind in specs.map { ItemKey(kind: kind, spec: $0) } }
        let canonical = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1, $0) })
        var numbers = ItemNumbers(canonical)
        for item in items.reversed() + items { #expect(numbers.number(of: item) == canonical[item]) }
        #expect(numbers.number(of: ItemKey(kind: "口罩", spec: "零型")) == nil)
    }

    /// A kind+spec spelled decomposed gets the number of its composed spelling, as the ledger's table gives.
    @Test func anotherSpellingOfAKnownItemGetsItsNumber() {
        let composed = ItemKey(kind: "Café", spec: "A")
        var numbers = ItemNumbers([composed: 7, ItemKey(kind: "Cafe", spec: "A"): 8])
        #expect(numbers.number(of: composed) == 7)
        #expect(numbers.number(of: ItemKey(kind: "Cafe\u{301}", spec: "A")) == 7)
        #expect(numbers.number(of: ItemKey(kind: "Cafe", spec: "A")) == 8)
        #expect(numbers.number(of: ItemKey(kind: "Caf", spec: "eA")) == nil)
    }
}
