import Crypto
import Foundation

/// One row of the events table, field by field as the hash chain covers it.
///
/// Text fields hold the exact UTF-8 bytes stored.
public struct StoredEvent: Equatable, Sendable {
    public var sequence: Int64
    /// Milliseconds since 1970.
    public var recordedAt: Int64
    public var actor: Data
    public var reason: Data?
    public var type: Data
    /// The JSON payload, byte for byte.
    public var payload: Data
    /// The hash kept with the row (32 bytes unless tampered with).
    public var hash: Data

    public init(
        sequence: Int64, recordedAt: Int64, actor: Data, reason: Data?, type: Data, payload: Data, hash: Data
    ) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.actor = actor
        self.reason = reason
        self.type = type
        self.payload = payload
        self.hash = hash
    }

    /// The actor as text, for messages.
    public var actorText: String { String(decoding: actor, as: UTF8.self) }
}

/// The tamper-evident chain over the events (see docs/audit.md).
///
/// `leaf = SHA-256(0x00 ‖ canonical event)`, `hash = SHA-256(0x01 ‖ previous hash ‖ leaf)`,
/// the leaf and node prefixes of RFC 6962; the hash before event 1 is 32 zero bytes.
public enum HashChain {
    /// The previous hash of the first event.
    public static let genesis = Data(count: 32)

    /// The canonical encoding: `seq` and `recorded_at` as 8-byte big-endian
    /// two's complement, then actor, reason, type and payload. Each text is a
    /// 4-byte big-endian byte count and its UTF-8 bytes; the reason is preceded
    /// by 0x01, or is the single byte 0x00 when there is none.
    public static func canonicalEncoding(
        sequence: Int64, recordedAt: Int64, actor: Data, reason: Data?, type: Data, payload: Data
    ) -> Data {
        var bytes = Data()
        bytes.reserveCapacity(32 + actor.count + (reason?.count ?? 0) + type.count + payload.count)
        append(sequence, to: &bytes)
        append(recordedAt, to: &bytes)
        append(text: actor, to: &bytes)
        if let reason {
            bytes.append(0x01)
            append(text: reason, to: &bytes)
        } else {
            bytes.append(0x00)
        }
        append(text: type, to: &bytes)
        append(text: payload, to: &bytes)
        return bytes
    }

    /// The leaf hash of a stored event (its own hash column is not covered).
    public static func leaf(of event: StoredEvent) -> Data {
        let encoding = canonicalEncoding(
            sequence: event.sequence, recordedAt: event.recordedAt, actor: event.actor, reason: event.reason,
            type: event.type, payload: event.payload)
        var hasher = SHA256()
        hasher.update(data: Data([0x00]))
        hasher.update(data: encoding)
        return Data(hasher.finalize())
    }

    /// The chain hash of an event from the previous event's hash and its leaf.
    public static func link(previous: Data, leaf: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: Data([0x01]))
        hasher.update(data: previous)
        hasher.update(data: leaf)
        return Data(hasher.finalize())
    }

    /// The chain hash `event` should carry after `previous`.
    public static func hash(of event: StoredEvent, after previous: Data) -> Data {
        link(previous: previous, leaf: leaf(of: event))
    }

    /// The chain hash of an event being appended, from its fields as they are stored: the same as
    /// `hash(of:after:)`, fed to SHA-256 piece by piece instead of through a copy of every field.
    static func hash(
        sequence: Int64, recordedAt: Int64, actor: String, reason: String?, type: String, payload: String,
        after previous: Data
    ) -> Data {
        var leaf = SHA256()
        var header: [UInt8] = [0x00]
        header.reserveCapacity(64)
        func append(_ value: Int64) { withUnsafeBytes(of: value.bigEndian) { header.append(contentsOf: $0) } }
        func append(count text: String) {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: text.utf8.count).bigEndian) { header.append(contentsOf: $0) }
        }
        func flush() {
            header.withUnsafeBytes { leaf.update(bufferPointer: $0) }
            header.removeAll(keepingCapacity: true)
        }
        func update(_ text: String) {
            var text = text
            text.withUTF8 { leaf.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        append(sequence)
        append(recordedAt)
        append(count: actor)
        flush()
        update(actor)
        if let reason {
            header.append(0x01)
            append(count: reason)
            flush()
            update(reason)
        } else {
            header.append(0x00)
        }
        append(count: type)
        flush()
        update(type)
        append(count: payload)
        flush()
        update(payload)
        let leafHash = leaf.finalize()
        var node = SHA256()
        node.update(data: Data([0x01]))
        node.update(data: previous)
        leafHash.withUnsafeBytes { node.update(bufferPointer: $0) }
        return Data(node.finalize())
    }

    /// Lower-case hexadecimal.
    public static func hex(_ data: Data) -> String {
        data.map { byte in
            let digits = String(byte, radix: 16)
            return byte < 0x10 ? "0" + digits : digits
        }.joined()
    }

    /// The bytes of a hexadecimal string, or nil if it is not one.
    public static func bytes(hex: String) -> Data? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var data = Data(capacity: digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            data.append(high << 4 | low)
            index += 2
        }
        return data
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func append(_ value: Int64, to bytes: inout Data) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private static func append(text: Data, to bytes: inout Data) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: text.count).bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(text)
    }
}
