import Foundation
import Testing

@testable import DayClearStore

/// The import's quick checks on cell text agree with Foundation's (and Unicode's) answers for every
/// scalar they could meet.
@Suite("Cell text")
struct CellTextTests {
    /// Every scalar of the Basic Multilingual Plane (C0/C1 controls, general punctuation, the ideographic
    /// space) and a few that sit near whitespace elsewhere.
    private static let scalars: [Unicode.Scalar] =
        (0...0xFFFF).compactMap { Unicode.Scalar(UInt32($0)) }
        + [0xFEFF, 0xFF10, 0x1_F600].compactMap { Unicode.Scalar(UInt32($0)) }

    @Test("trimmedOfWhitespace trims exactly what trimmingCharacters(in: .whitespacesAndNewlines) trims")
    func trimming() {
        for scalar in Self.scalars {
            let s = String(scalar)
            for text in [s, "口\(s)", "\(s)口", "\(s)a\(s)", "a\(s)b"] {
                #expect(
                    text.trimmedOfWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test("isWhiteSpace lists exactly the scalars with Unicode's White_Space property")
    func whiteSpace() {
        let differing = (0...0x10FFFF).compactMap { Unicode.Scalar(UInt32($0)) }.filter {
            $0.isWhiteSpace != $0.properties.isWhitespace
        }
        #expect(differing.isEmpty, "\(differing.map { "U+" + String($0.value, radix: 16) })")
    }

    @Test("isBlank is true exactly when trimmingCharacters(in: .whitespaces) leaves nothing")
    func blank() {
        for scalar in Self.scalars {
            for text in [String(scalar), "\(scalar) ", " \(scalar)", "a\(scalar)"] {
                #expect(
                    text.isBlank == text.trimmingCharacters(in: .whitespaces).isEmpty,
                    "U+\(String(scalar.value, radix: 16))")
            }
        }
        #expect("".isBlank)
    }

    @Test("mayHoldControlCharacter is never false for text holding a control character")
    func controls() {
        var flagged = 0
        for scalar in Self.scalars {
            let text = "口\(scalar)a"
            if scalar.properties.generalCategory == .control {
                #expect(text.mayHoldControlCharacter, "U+\(String(scalar.value, radix: 16))")
            }
            if text.mayHoldControlCharacter { flagged += 1 }
        }
        // Only the 65 controls and the other U+0080–U+00BF scalars sharing their lead byte are flagged.
        #expect(flagged == 65 + 32)
    }
}
