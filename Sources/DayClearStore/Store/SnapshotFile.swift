import Crypto
import DayClearCore
import Foundation
import Synchronization

/// The ledger saved at event N next to the store (`snapshot.bin`), so opening replays only the events
/// after N. A cache, never evidence: it is used only when its event number and chain hash match the
/// log's row N and its body matches its own SHA-256; otherwise it is ignored and the store replays
/// everything. `dayclear verify` never reads it.
///
/// Layout: "DCSNAPSH", snapshot format, N (8-byte little-endian each), the chain hash of event N
/// (32 bytes), SHA-256 of the body (32 bytes), then the body (`Ledger.snapshotBytes`).
public struct SnapshotFile: Sendable {
    public static let fileName = "snapshot.bin"
    /// A new snapshot is written when at least this many events follow the last one.
    public static let interval: Int64 = 50_000
    private static let magic = Array("DCSNAPSH".utf8)
    private static let headerSize = 8 + 8 + 8 + 32 + 32

    public let url: URL

    public init(directory: URL) { url = directory.appendingPathComponent(Self.fileName) }

    public enum Outcome {
        case loaded(Ledger)
        case missing
        /// Present but not usable; the reason is for the person at the terminal.
        case ignored(String)
    }

    /// The saved ledger, if it is intact and describes this log's history.
    public func load(checkedAgainst log: SQLiteEventLog) -> Outcome {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return .missing }
        do {
            return .loaded(try read(data, log: log))
        } catch {
            return .ignored(
                "the snapshot \(url.path) was ignored (\(error)); the store was opened by replaying every event")
        }
    }

    private func read(_ file: Data, log: SQLiteEventLog) throws -> Ledger {
        let (sequence, chainHash, digest) = try file.withUnsafeBytes { try Self.header($0) }
        guard let logged = try log.hash(of: sequence) else {
            throw SnapshotError("it is at event \(sequence), which the log does not have")
        }
        guard logged == chainHash else {
            throw SnapshotError("its chain hash at event \(sequence) does not match the log")
        }
        let ledger = try Self.decode(file, digest: digest)
        guard ledger.lastSequence == sequence else { throw SnapshotError("its header and body disagree") }
        return ledger
    }

    /// The event number, its chain hash and the body's digest.
    private static func header(_ bytes: UnsafeRawBufferPointer) throws -> (Int64, Data, Data) {
        guard bytes.count >= Self.headerSize, bytes.starts(with: Self.magic) else {
            throw SnapshotError("not a DayClear snapshot")
        }
        func int64(at offset: Int) -> Int64 {
            Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        }
        guard int64(at: 8) == Ledger.snapshotFormat else { throw SnapshotError("written by another version") }
        return (int64(at: 16), Data(bytes[24..<56]), Data(bytes[56..<88]))
    }

    /// Reads the body while another thread checks its SHA-256 (see `Ledger.init(snapshot:alongside:)`), so
    /// that on two cores the check costs no wall time; the ledger is returned only when the digest
    /// matches. (Reading a damaged body is safe: every count and place is checked as it is read.)
    private static func decode(_ file: Data, digest: Data) throws -> Ledger {
        @Sendable func intact() -> Bool {
            file.withUnsafeBytes { Data(SHA256.hash(data: UnsafeRawBufferPointer(rebasing: $0[headerSize...]))) }
                == digest
        }
        let checked = Mutex<Bool?>(nil)
        let decoded = Result {
            try file.withUnsafeBytes { bytes in
                try Ledger(snapshot: UnsafeRawBufferPointer(rebasing: bytes[headerSize...])) {
                    let matches = intact()
                    checked.withLock { $0 = matches }
                }
            }
        }
        // A body refused before its halves were read was not checked yet.
        guard checked.withLock({ $0 }) ?? intact() else { throw SnapshotError("its contents are damaged") }
        return try decoded.get()
    }

    /// Saves `ledger` (written whole under a temporary name, then renamed over the old snapshot).
    public func write(_ ledger: Ledger, log: SQLiteEventLog) throws {
        guard let chainHash = try log.hash(of: ledger.lastSequence) else {
            throw StoreError.notSaved("no event \(ledger.lastSequence) to take a snapshot at")
        }
        let body = ledger.snapshotBytes()
        var file = Self.magic
        file.reserveCapacity(Self.headerSize + body.count)
        withUnsafeBytes(of: Ledger.snapshotFormat.littleEndian) { file.append(contentsOf: $0) }
        withUnsafeBytes(of: ledger.lastSequence.littleEndian) { file.append(contentsOf: $0) }
        file.append(contentsOf: chainHash)
        file.append(contentsOf: SHA256.hash(data: body))
        file.append(contentsOf: body)
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(Self.fileName).\(getpid()).partial")
        do {
            try Data(file).write(to: partial)
        } catch {
            throw StoreError.notSaved("cannot write \(partial.path): \(error.localizedDescription)")
        }
        guard rename(partial.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(partial.path)
            throw StoreError.notSaved("cannot write \(url.path): \(reason)")
        }
    }
}
