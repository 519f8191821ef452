import Foundation

/// PEM text around DER bytes (RFC 7468), and the fixed DER prefixes of Ed25519 keys (RFC 8410),
/// so the key files open with `openssl` as well.
enum PEM {
    /// PKCS#8 `PrivateKeyInfo` for Ed25519 up to the 32-byte private key.
    static let ed25519PrivatePrefix = Data([
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ])
    /// `SubjectPublicKeyInfo` for Ed25519 up to the 32-byte public key.
    static let ed25519PublicPrefix = Data([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00])

    static func encode(_ der: Data, label: String) -> String {
        let base64 = der.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n"
    }

    /// The bytes of the first `label` block in `text`; text before it (explanations) is ignored, and
    /// the line ends may be LF or CRLF (the base64 decoder skips them).
    static func decode(_ text: String, label: String) -> Data? {
        guard let begin = text.range(of: "-----BEGIN \(label)-----"),
            let end = text.range(of: "-----END \(label)-----", range: begin.upperBound..<text.endIndex)
        else { return nil }
        return Data(base64Encoded: String(text[begin.upperBound..<end.lowerBound]), options: .ignoreUnknownCharacters)
    }
}
