import Foundation

/// The byte layout of a ledger snapshot: little-endian fixed-width numbers, strings as a length and
/// their UTF-8 bytes, optionals behind a 0/1 byte. Simple on purpose; the store checks the whole
/// snapshot against the hash chain before trusting it.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func int64(_ value: Int64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func byte(_ value: UInt8) { bytes.append(value) }
    mutating func double(_ value: Double) { int64(Int64(bitPattern: value.bitPattern)) }
    mutating func date(_ value: Date) { double(value.timeIntervalSince1970) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }
}

/// Reads what `SnapshotWriter` wrote; any inconsistency throws `SnapshotError`.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    mutating func int64() throws -> Int64 {
        guard index + 8 <= bytes.count else { throw SnapshotError("the snapshot ends early") }
        let value = bytes.loadUnaligned(fromByteOffset: index, as: Int64.self)
        index += 8
        return Int64(littleEndian: value)
    }

    mutating func int() throws -> Int { Int(try int64()) }

    /// A count of following elements, each at least `minimumSize` bytes, so a damaged count cannot
    /// make the reader reserve memory it will never fill.
    mutating func count(minimumSize: Int = 1) throws -> Int {
        let count = try int()
        guard count >= 0, count <= (bytes.count - index) / max(1, minimumSize) else {
            throw SnapshotError("a count in the snapshot is out of range")
        }
        return count
    }

    mutating func byte() throws -> UInt8 {
        guard index < bytes.count else { throw SnapshotError("the snapshot ends early") }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: try int64())) }
    mutating func date() throws -> Date { Date(timeIntervalSince1970: try double()) }

    mutating func string() throws -> String {
        let length = try count()
        let start = index
        index += length
        guard index <= bytes.count else { throw SnapshotError("the snapshot ends early") }
        // The body matched its SHA-256 and was written from Swift strings, so it is valid UTF-8; the
        // validating initialiser would cost a third of loading.
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws -> T) throws -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try read(&self)
        default: throw SnapshotError("a marker in the snapshot is neither 0 nor 1")
        }
    }
}

/// Why a snapshot could not be read.
public struct SnapshotError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
