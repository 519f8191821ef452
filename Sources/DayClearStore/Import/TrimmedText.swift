import Foundation

extension String {
    /// The text without surrounding whitespace and line ends (what `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` returns), with no work for the usual cell that has none.
    ///
    /// Foundation's set is Unicode's White_Space property (categories Z*, U+0009–U+000D, U+0085) and,
    /// on Linux, the zero-width space U+200B (CellTextTests pins this down).
    var trimmedOfWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.isTrimmedByFoundation, !last.isTrimmedByFoundation { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True when the text is empty or only spaces and tabs (Foundation's `.whitespaces`), checked
    /// without Foundation when it starts with a visible ASCII character.
    var isBlank: Bool {
        guard let first = utf8.first else { return true }
        if first > 0x20, first < 0x7F { return false }
        return trimmingCharacters(in: .whitespaces).isEmpty
    }
}

extension String {
    /// False when no scalar can be a control character (general category Cc: U+0000–U+001F,
    /// U+007F–U+009F), judged from the UTF-8 bytes alone: C1 controls start with the byte 0xC2.
    var mayHoldControlCharacter: Bool {
        utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
    }
}

extension Unicode.Scalar {
    /// Whether `trimmingCharacters(in: .whitespacesAndNewlines)` removes this scalar.
    var isTrimmedByFoundation: Bool { isWhiteSpace || value == 0x200B }

    /// Unicode's White_Space property, as a list: `properties.isWhitespace` looks it up in the
    /// property tables, which cost more than the rest of reading a cell (CellTextTests compares).
    var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
