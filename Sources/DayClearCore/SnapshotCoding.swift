import Foundation

/// The byte layout of a ledger snapshot: a table of every distinct string (its count, then each as
/// a length and its UTF-8 bytes), then the body: little-endian fixed-width numbers, strings as their
/// 4-byte place in the table, optionals behind a 0/1 byte. Simple on purpose; the store checks the
/// whole snapshot against the hash chain before trusting it.
///
/// The table makes loading decode each distinct string once (a request id appears in its request,
/// its allocations and its substitutions; an item's name in every line and lot) and has the loaded
/// records share one copy of each.
struct SnapshotWriter {
    private var body: [UInt8] = []
    private var places: [ExactText: UInt32] = [:]
    private var table: [String] = []

    /// The table followed by the body.
    var bytes: [UInt8] {
        var table = SnapshotWriter()
        table.int(self.table.count)
        for text in self.table {
            var text = text
            text.withUTF8 { utf8 in
                table.int(utf8.count)
                table.body.append(contentsOf: utf8)
            }
        }
        return table.body + body
    }

    mutating func int(_ value: Int) { int64(Int64(value)) }
    mutating func int64(_ value: Int64) { withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) } }
    mutating func byte(_ value: UInt8) { body.append(value) }
    mutating func double(_ value: Double) { int64(Int64(bitPattern: value.bitPattern)) }
    mutating func date(_ value: Date) { double(value.timeIntervalSince1970) }

    mutating func string(_ value: String) {
        let place: UInt32
        if let known = places[ExactText(value)] {
            place = known
        } else {
            place = UInt32(table.count)
            places[ExactText(value)] = place
            table.append(value)
        }
        withUnsafeBytes(of: place.littleEndian) { body.append(contentsOf: $0) }
    }

    /// Writes `part` behind its length, so that a reader can skip it and read what follows on another
    /// thread.
    mutating func section(_ part: (inout SnapshotWriter) -> Void) {
        let start = body.count
        int(0)
        part(&self)
        withUnsafeBytes(of: Int64(body.count - start - 8).littleEndian) { length in
            body.replaceSubrange(start..<start + 8, with: length)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }
}

/// Reads what `SnapshotWriter` wrote; any inconsistency throws `SnapshotError`.
///
/// Sendable so that two threads can read two sections of one snapshot: readers only read the
/// bytes, which the caller keeps valid and unchanged while it decodes, and each has its own position.
struct SnapshotReader: @unchecked Sendable {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    /// Where this reader's bytes end: the snapshot's end, or its section's.
    private var end: Int
    private var table: [String] = []

    /// Reads the string table; the body follows.
    init(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes = bytes
        end = bytes.count
        let count = try count(minimumSize: 8)
        table.reserveCapacity(count)
        for _ in 0..<count {
            let length = try self.count()
            let start = index
            index += length
            // The body matched its SHA-256 and was written from Swift strings, so it is valid UTF-8; the
            // validating initialiser would cost a third of loading.
            table.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }
    }

    var isAtEnd: Bool { index == end }

    mutating func int64() throws -> Int64 {
        guard index + 8 <= end else { throw SnapshotError("the snapshot ends early") }
        let value = bytes.loadUnaligned(fromByteOffset: index, as: Int64.self)
        index += 8
        return Int64(littleEndian: value)
    }

    mutating func int() throws -> Int { Int(try int64()) }

    /// A count of following elements, each at least `minimumSize` bytes, so a damaged count cannot
    /// make the reader reserve memory it will never fill.
    mutating func count(minimumSize: Int = 1) throws -> Int {
        let count = try int()
        guard count >= 0, count <= (end - index) / max(1, minimumSize) else {
            throw SnapshotError("a count in the snapshot is out of range")
        }
        return count
    }

    mutating func byte() throws -> UInt8 {
        guard index < end else { throw SnapshotError("the snapshot ends early") }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: try int64())) }
    mutating func date() throws -> Date { Date(timeIntervalSince1970: try double()) }

    mutating func string() throws -> String { table[try stringPlace()] }

    /// A reader of the section `SnapshotWriter.section` wrote here; this one goes on after it.
    mutating func section() throws -> SnapshotReader {
        let length = try count()
        var part = self
        part.end = index + length
        index += length
        return part
    }

    /// The string at a place `stringPlace()` returned.
    func string(at place: Int) -> String { table[place] }

    /// The place in the table of the next string: equal places, equal strings.
    mutating func stringPlace() throws -> Int {
        guard index + 4 <= end else { throw SnapshotError("the snapshot ends early") }
        let place = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self)))
        index += 4
        guard place < table.count else { throw SnapshotError("a string's place in the snapshot is out of range") }
        return place
    }

    /// How many distinct strings the snapshot holds: every `stringPlace()` is below it.
    var stringCount: Int { table.count }

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
