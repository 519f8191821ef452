import Foundation

/// A screen's filter text, ready to match rows' texts case-insensitively.
///
/// Made once per list, not once per row: a filtered list of 100,000 requests or 10,000 events asks
/// it for every row. Texts are searched by their UTF-8 bytes; Foundation's `contains` (a
/// locale-aware `range(of:)`) made filtering the journal take a quarter of a second.
struct TextFilter {
    /// The trimmed, lowercased filter's UTF-8 bytes; never empty.
    private let needle: [UInt8]

    /// The filter `text` makes, or nil when it is empty or blank and so keeps every row.
    init?(_ text: String) {
        // The usual empty filter, asked about on every frame, is not trimmed.
        guard !text.isEmpty else { return nil }
        let needle = Array(Self.folded(text.trimmingCharacters(in: .whitespaces)).utf8)
        guard !needle.isEmpty else { return nil }
        self.needle = needle
    }

    /// Whether any of `texts` contains the filter, ignoring case.
    func matches(_ texts: [String]) -> Bool {
        texts.contains(where: contains)
    }

    /// Whether `text`, folded, holds the needle. ASCII text is lowercased byte by byte as it is
    /// searched, which is what `folded` gives for it, without making a new string.
    private func contains(_ text: String) -> Bool {
        var text = text
        let asASCII: Bool? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return Self.search(bytes, for: needle) { $0 &+ (($0 &- 0x41) < 26 ? 0x20 : 0) }
        }
        if let asASCII { return asASCII }
        var lowered = Self.folded(text)
        return lowered.withUTF8 { Self.search($0, for: needle) { $0 } }
    }

    /// `text` lowercased and composed (NFC), so that two spellings of one text (é as one scalar or as
    /// e and an accent; a compatibility ideograph) give the same bytes, as they are one text to `==`.
    private static func folded(_ text: String) -> String {
        let lowered = text.lowercased()
        return lowered.unicodeScalars.allSatisfy(isComposedAlone)
            ? lowered : lowered.precomposedStringWithCanonicalMapping
    }

    /// Whether `scalar` is already in composed form and composes with nothing next to it, so text made
    /// only of such scalars is its own NFC: Latin-1 and the rest below the combining marks (a mark after
    /// one is not such a scalar), the CJK unified ideographs, ideographic punctuation, general
    /// punctuation's dashes and quotes, and the fullwidth forms of ASCII. Most of a Chinese screen's text.
    private static func isComposedAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case ..<0x300, 0x2010...0x2027, 0x3000...0x3029, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// Whether `bytes`, each mapped by `fold`, hold `needle` (not empty) as a run.
    private static func search(
        _ bytes: UnsafeBufferPointer<UInt8>, for needle: [UInt8], fold: (UInt8) -> UInt8
    ) -> Bool {
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { start in
            fold(bytes[start]) == needle[0]
                && needle.indices.dropFirst().allSatisfy { fold(bytes[start + $0]) == needle[$0] }
        }
    }
}
