import Crypto
import Foundation

/// A statement that the log of one store held `count` events whose chain head was `head`,
/// made at `signedAt` (see docs/audit.md, "Signed checkpoints").
public struct Checkpoint: Equatable, Codable, Sendable {
    /// The store it speaks for: `dayclear/` and the store's id, fixed when the store was created.
    public var origin: String
    /// Events 1 … count are covered.
    public var count: Int64
    /// The chain hash of event `count`.
    public var head: Data
    /// Milliseconds since 1970-01-01 UTC.
    public var signedAt: Int64

    public init(origin: String, count: Int64, head: Data, signedAt: Int64) {
        self.origin = origin
        self.count = count
        self.head = head
        self.signedAt = signedAt
    }

    /// The exact bytes that are signed: five lines of UTF-8 text, each ending in a line feed —
    /// the origin, the event count in decimal, the chain head in lower-case hexadecimal,
    /// `signed-at ` followed by the signing time in milliseconds since 1970 in decimal, and `kind `
    /// followed by why it was signed (`interval` or `day-end`), so the kind shown is signed too.
    public func signedBody(kind: CheckpointKind) -> Data {
        Data("\(origin)\n\(count)\n\(HashChain.hex(head))\nsigned-at \(signedAt)\nkind \(kind.rawValue)\n".utf8)
    }
}

/// Why a checkpoint was signed.
public enum CheckpointKind: String, Codable, Sendable {
    /// Every N events, in the transaction that recorded event N.
    case interval
    /// When a day-end export was written.
    case dayEnd = "day-end"
}

/// A checkpoint with its Ed25519 signature and the public key that made it, as stored.
public struct SignedCheckpoint: Equatable, Codable, Sendable {
    public var checkpoint: Checkpoint
    public var kind: CheckpointKind
    /// The 32-byte raw Ed25519 public key.
    public var publicKey: Data
    /// The 64-byte Ed25519 signature of `checkpoint.signedBody(kind:)` with `kind`.
    public var signature: Data

    public init(checkpoint: Checkpoint, kind: CheckpointKind, publicKey: Data, signature: Data) {
        self.checkpoint = checkpoint
        self.kind = kind
        self.publicKey = publicKey
        self.signature = signature
    }

    /// Whether `signature` is `key`'s signature of the checkpoint.
    public func isSigned(by key: Data) -> Bool {
        guard let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key) else { return false }
        return publicKey.isValidSignature(signature, for: checkpoint.signedBody(kind: kind))
    }
}
