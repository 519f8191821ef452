import TerminalUI
import Testing

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test("ASCII takes one column per character")
    func ascii() {
        #expect(DisplayWidth.of("abc XYZ 123") == 11)
        #expect(DisplayWidth.of(Unicode.Scalar("a")) == 1)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("CJK ideographs, kana and Hangul take two columns")
    func cjk() {
        #expect(DisplayWidth.of("医用防护口罩") == 12)
        #expect(DisplayWidth.of("カタカナ") == 8)
        #expect(DisplayWidth.of("ひらがな") == 8)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("㐀") == 2)
        #expect(DisplayWidth.of("𠀀") == 2)
        #expect(DisplayWidth.of("N95口罩") == 7)
    }

    @Test(
        "CJK punctuation and fullwidth forms take two columns",
        arguments: ["，", "。", "、", "（", "）", "：", "；", "！", "？", "「", "」", "《", "》", "　", "Ａ", "１", "％"])
    func fullwidthPunctuation(text: String) {
        #expect(DisplayWidth.of(text) == 2)
    }

    @Test(
        "Halfwidth katakana and ambiguous-width symbols take one column",
        arguments: ["ｶ", "…", "─", "│", "█", "░", "·", "°", "×"])
    func narrowSymbols(text: String) {
        #expect(DisplayWidth.of(text) == 1)
    }

    @Test("Combining marks, zero-width and control characters take no column")
    func zeroWidth() {
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{7}\t\n") == 0)
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)
        #expect(DisplayWidth.of("中\u{301}") == 2)
    }

    // MARK: - Truncate and pad

    static let samples = ["医用防护口罩 N95", "Gloves 手套 M", "防护服（一次性）L", "abc", "中", "a中b文c字d"]

    @Test("truncate keeps whole glyphs within the width and marks a cut", arguments: samples)
    func truncateAtEveryWidth(text: String) {
        let fullWidth = DisplayWidth.of(text)
        for width in 0...12 {
            let result = DisplayWidth.truncate(text, to: width)
            let resultWidth = DisplayWidth.of(result)
            #expect(resultWidth <= width, "\(text) at \(width): \(result)")
            if fullWidth <= width {
                #expect(result == text)
                continue
            }
            // At most one column is lost, to a wide glyph that would not fit.
            #expect(resultWidth >= width - 1, "\(text) at \(width): \(result)")
            if width >= 1 {
                #expect(result.hasSuffix("…"), "\(text) at \(width): \(result)")
                #expect(text.hasPrefix(String(result.dropLast())), "half a glyph in \(result)")
            } else {
                #expect(result.isEmpty)
            }
        }
    }

    @Test("pad fills exactly the width on the aligned side", arguments: samples)
    func padAtEveryWidth(text: String) {
        for width in 0...12 {
            let cut = DisplayWidth.truncate(text, to: width)
            for alignment in Alignment.allCases {
                let padded = DisplayWidth.pad(text, to: width, alignment: alignment)
                #expect(DisplayWidth.of(padded) == width, "\(text) \(alignment) at \(width): [\(padded)]")
                #expect(padded.trimmingSpaces == cut.trimmingSpaces)
            }
            let room = width - DisplayWidth.of(cut)
            #expect(DisplayWidth.pad(text, to: width, alignment: .left) == cut + String(repeating: " ", count: room))
            #expect(DisplayWidth.pad(text, to: width, alignment: .right) == String(repeating: " ", count: room) + cut)
        }
    }

    @Test("center puts the odd column of padding on the right")
    func center() {
        #expect(DisplayWidth.pad("中", to: 5, alignment: .center) == " 中  ")
        #expect(DisplayWidth.pad("ab", to: 6, alignment: .center) == "  ab  ")
    }

    @Test("truncate with a custom or too-wide ellipsis")
    func customEllipsis() {
        #expect(DisplayWidth.truncate("口罩口罩", to: 5, ellipsis: "...") == "口...")
        #expect(DisplayWidth.truncate("口罩口罩", to: 2, ellipsis: "...") == "口")
        #expect(DisplayWidth.truncate("abc", to: -3) == "")
    }
}

extension String {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
