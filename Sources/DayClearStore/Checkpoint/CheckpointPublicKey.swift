import Crypto
import Foundation

/// A store's checkpoint public key as the day-end export writes it (`DAY-checkpoint-public-key.pem`):
/// a few lines naming the store and the key's fingerprint, then the key as a PEM `PUBLIC KEY`
/// block, which `openssl` reads as it is.
public struct CheckpointPublicKey: Equatable, Sendable {
    /// The 32-byte raw Ed25519 public key.
    public let raw: Data

    public init?(raw: Data) {
        guard raw.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else { return nil }
        self.raw = raw
    }

    /// Reads the first PEM `PUBLIC KEY` block of `text`; nil unless it holds an Ed25519 key.
    public init?(pem text: String) {
        guard let der = PEM.decode(text, label: "PUBLIC KEY"), der.count == PEM.ed25519PublicPrefix.count + 32,
            der.starts(with: PEM.ed25519PublicPrefix)
        else { return nil }
        self.init(raw: der.suffix(32))
    }

    /// SHA-256 of the raw key, in hexadecimal: what verify and the checkpoints file name a key by.
    public var fingerprint: String { Self.fingerprint(of: raw) }

    public static func fingerprint(of raw: Data) -> String { HashChain.hex(Data(SHA256.hash(data: raw))) }

    /// The file's text: explanation lines, then the PEM block.
    public func fileText(origin: String) -> String {
        """
        DayClear checkpoint public key (Ed25519) of \(origin)
        fingerprint SHA-256 \(fingerprint)
        Keep this file: dayclear verify --public-key FILE checks the store's signed checkpoints against it.

        """ + PEM.encode(PEM.ed25519PublicPrefix + raw, label: "PUBLIC KEY")
    }
}
