import Testing

@testable import TerminalUI

/// The scalars `DisplayWidth` measures without grapheme breaking really are clusters of their own,
/// next to one another, and take the width the grapheme path gives them.
@Suite struct SimpleWidthTests {
    static var simpleScalars: [Unicode.Scalar] {
        (Array(0x20...0x7E) + DisplayWidth.simpleRanges.flatMap { Array($0) })
            .compactMap(Unicode.Scalar.init)
            .filter { DisplayWidth.simpleWidth($0.value) != nil }
    }

    @Test func everySimpleScalarHasItsGraphemeWidth() {
        let wrong = Self.simpleScalars.filter { DisplayWidth.simpleWidth($0.value) != DisplayWidth.of(Character($0)) }
        #expect(wrong.map(\.value) == [])
    }

    @Test func noTwoSimpleScalarsJoin() {
        // One partner from each block, and each scalar next to itself.
        let partners = DisplayWidth.simpleRanges.compactMap { Unicode.Scalar($0.lowerBound) } + ["a", " ", "…", "★"]
        var joined: [String] = []
        for scalar in Self.simpleScalars {
            for partner in partners + [scalar] {
                var pair = String(Character(scalar))
                pair.unicodeScalars.append(partner)
                var reversed = String(Character(partner))
                reversed.unicodeScalars.append(scalar)
                if pair.count != 2 || reversed.count != 2 { joined.append("U+\(scalar.value) U+\(partner.value)") }
            }
        }
        #expect(joined == [])
        #expect(Self.simpleScalars.count > 30_000)
    }

    @Test func softHyphenAndMarksTakeTheGraphemePath() {
        #expect(DisplayWidth.simpleWidth(0xAD) == nil)
        #expect(DisplayWidth.simpleWidth(0x302A) == nil)  // an ideographic tone mark
        #expect(DisplayWidth.simpleWidth(0x3099) == nil)  // the combining voiced sound mark
        #expect(DisplayWidth.simpleWidth(0x0301) == nil)
        #expect(DisplayWidth.of("e\u{301}口罩") == 5)
        #expect(!DisplayWidth.isSimple("口罩\u{FE0F}"))
    }

    @Test func textsMeasureAsTheirClusters() {
        let texts = ["杭州市第1人民医院", "口罩/医用防护N95", "（目标 90%）", "已批准 R-00001（共 300），手续待补", "★定向 临期 …"]
        for text in texts {
            #expect(DisplayWidth.isSimple(text))
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        }
    }

    @Test func putWritesSimpleTextAsTheGraphemePathWould() {
        var fast = CellBuffer(width: 12, height: 1)
        var slow = CellBuffer(width: 12, height: 1)
        fast.put("口罩 N95（急）", x: 0, y: 0, maxWidth: 11)
        // A trailing variation selector sends the same text through the grapheme path.
        slow.put("口罩 N95（急）\u{FE0F}", x: 0, y: 0, maxWidth: 11)
        #expect(fast == slow)
        #expect(fast.lines() == ["口罩 N95（"])
    }
}
