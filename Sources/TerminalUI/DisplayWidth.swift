/// Terminal column widths of text, and cutting and padding by those widths.
///
/// Widths come from Unicode's East Asian Width property and general categories, not from the C
/// library's `wcwidth`, so they do not depend on the process locale: a combining mark, a format
/// character or a control character takes no column; a Wide or Fullwidth character (CJK
/// ideographs, CJK punctuation such as `，。、（）：`, fullwidth forms, Hangul syllables, kana)
/// takes two; everything else takes one. East Asian Ambiguous characters (`…`, `─`, `█`) count as
/// one column, as they do in UTF-8 locales.
public enum DisplayWidth {
    // MARK: - Widths

    /// The number of terminal columns one Unicode scalar takes: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F {
            return 1
        }
        if isZeroWidth(scalar) {
            return 0
        }
        return isWide(value) ? 2 : 1
    }

    /// The number of terminal columns a text takes.
    ///
    /// Each grapheme cluster counts as the width of its first scalar that has a width, capped at 2,
    /// so a letter with combining accents takes one column and a cluster of control or zero-width
    /// characters takes none.
    public static func of(_ text: String) -> Int {
        // Printable ASCII (numbers, ids, most table cells) is one column a byte: no grapheme breaking.
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        // Chinese labels and names: one scalar a cluster, measured without grapheme breaking.
        var total = 0
        for scalar in text.unicodeScalars {
            guard let width = simpleWidth(scalar.value) else { return text.reduce(0) { $0 + of($1) } }
            total += width
        }
        return total
    }

    /// Whether every scalar of a text is a grapheme cluster of its own (see `simpleWidth(_:)`).
    public static func isSimple(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { simpleWidth($0.value) != nil }
    }

    /// The width of a scalar that is a grapheme cluster of its own next to any other such scalar,
    /// or nil for any other. These are printable ASCII, Latin letters, punctuation, symbols, box
    /// drawing, CJK ideographs and punctuation, kana and fullwidth forms: none of them is a control,
    /// a mark, a joiner, a format character, a prepended character, a regional indicator or Hangul
    /// jamo, so no grapheme-breaking rule joins two of them (`SimpleWidthTests` checks it against
    /// Unicode's own breaking), and none takes zero columns.
    static func simpleWidth(_ value: UInt32) -> Int? {
        if value >= 0x20 && value < 0x7F { return 1 }
        for range in simpleRanges where range.contains(value) {
            return value == 0xAD ? nil : (isWide(value) ? 2 : 1)
        }
        return nil
    }

    /// The blocks of scalars `simpleWidth(_:)` measures, most used first.
    static let simpleRanges: [ClosedRange<UInt32>] = [
        0x4E00...0x9FFF,  // CJK unified ideographs
        0x3000...0x3029,  // CJK symbols and punctuation, before the tone marks
        0xFF01...0xFF60,  // fullwidth forms
        0x00A0...0x02FF,  // Latin-1 and Latin extended, spacing modifiers (the soft hyphen is left out)
        0x2010...0x2027,  // dashes, quotes, bullets, the ellipsis
        0x2030...0x205E,  // per mille, primes, more punctuation
        0x2100...0x2BFF,  // letterlike, arrows, maths, box drawing, blocks, shapes, symbols
        0x3030...0x303F,  // the rest of CJK punctuation
        0x3041...0x3096,  // hiragana, without the combining sound marks
        0x30A0...0x30FF,  // katakana
        0x3400...0x4DBF,  // CJK extension A
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE30...0xFE4F,  // CJK compatibility forms
    ]

    /// The number of terminal columns one grapheme cluster takes: 0, 1 or 2.
    public static func of(_ grapheme: Character) -> Int {
        if let ascii = grapheme.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        for scalar in grapheme.unicodeScalars {
            let width = of(scalar)
            if width > 0 {
                return min(width, 2)
            }
        }
        return 0
    }

    // MARK: - Cutting and padding

    /// Cuts a text to at most `width` columns, ending it with `ellipsis` when anything was cut.
    ///
    /// A text that fits is returned unchanged. Otherwise whole grapheme clusters are kept while
    /// they and the ellipsis fit, so a wide glyph is never split and the result may be one column
    /// narrower than `width`. When `width` is narrower than the ellipsis itself, the text is cut
    /// without one. A negative width counts as zero.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        let width = max(width, 0)
        if of(text) <= width {
            return text
        }
        let ellipsisWidth = of(ellipsis)
        let fitsEllipsis = ellipsisWidth <= width
        let budget = fitsEllipsis ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for grapheme in text {
            let graphemeWidth = of(grapheme)
            if used + graphemeWidth > budget {
                break
            }
            result.append(grapheme)
            used += graphemeWidth
        }
        return fitsEllipsis ? result + ellipsis : result
    }

    /// Fits a text to exactly `width` columns: cut as `truncate(_:to:ellipsis:)` does, then padded
    /// with spaces on the side(s) the alignment says.
    public static func pad(_ text: String, to width: Int, alignment: Alignment) -> String {
        let width = max(width, 0)
        let cut = truncate(text, to: width)
        let room = width - of(cut)
        switch alignment {
        case .left:
            return cut + String(repeating: " ", count: room)
        case .right:
            return String(repeating: " ", count: room) + cut
        case .center:
            let before = room / 2
            return String(repeating: " ", count: before) + cut
                + String(repeating: " ", count: room - before)
        }
    }

    // MARK: - Classification

    /// Whether a scalar takes no column of its own: controls, combining marks, format characters
    /// (zero-width space and joiners among them) and conjoining Hangul vowels and final consonants.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return true
        }
        switch scalar.properties.generalCategory {
        case .control, .nonspacingMark, .enclosingMark:
            return true
        case .format:
            // The soft hyphen is shown as a hyphen by terminals.
            return value != 0x00AD
        default:
            return false
        }
    }

    /// Whether a code point is East Asian Wide or Fullwidth, by binary search of `wideRanges`.
    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
