import DayClearCore
import Foundation

/// An event number and the chain hash published for it (`SEQ:HASH`, as on a day-end disclosure).
public struct ChainLink: Equatable, Codable, Sendable, CustomStringConvertible {
    public var sequence: Int64
    public var hash: Data

    public init(sequence: Int64, hash: Data) {
        self.sequence = sequence
        self.hash = hash
    }

    /// Reads `SEQ:HASH` with a positive event number and 64 hexadecimal digits.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sequence = Int64(parts[0]), sequence > 0,
            let hash = HashChain.bytes(hex: String(parts[1])), hash.count == 32
        else { return nil }
        self.init(sequence: sequence, hash: hash)
    }

    public var description: String { "\(sequence):\(HashChain.hex(hash))" }
}

/// The first bad event or checkpoint `verify` found, and what is wrong with it.
public struct AuditFailure: Error, Equatable, Codable, Sendable, CustomStringConvertible {
    public var sequence: Int64
    /// The checkpoint at fault (its event count, signing time and kind), when it is one.
    public var checkpoint: String?
    /// Local time in the centre's zone, when the event is there to read.
    public var time: String?
    public var actor: String?
    public var problem: String
    /// The report's warnings, which still stand beside the failure.
    public var warnings: [String] = []

    public init(
        sequence: Int64, checkpoint: String? = nil, time: String? = nil, actor: String? = nil, problem: String
    ) {
        self.sequence = sequence
        self.checkpoint = checkpoint
        self.time = time
        self.actor = actor
        self.problem = problem
    }

    public var description: String {
        if let checkpoint { return "\(checkpoint): \(problem)" }
        let who = [time, actor.map { "by \($0)" }].compactMap { $0 }.joined(separator: " ")
        return "event \(sequence)\(who.isEmpty ? "" : " (\(who))"): \(problem)"
    }
}

/// What a successful verification saw.
public struct AuditReport: Codable, Equatable, Sendable {
    public var eventCount: Int
    /// The last event and its chain hash; nil for an empty log.
    public var head: ChainLink?
    /// How many signed checkpoints were checked.
    public var checkpoints: Int
    /// The fingerprints of the keys that signed them.
    public var signingKeys: [String]
    /// Things worth an auditor's attention that do not make the history wrong.
    public var warnings: [String]
}

/// Recomputes the hash chain, checks the numbering, and replays every event
/// into a ledger whose invariants must hold after each one.
public enum AuditVerifier {
    /// Verifies the store in `directory`; throws ``AuditFailure`` for the first bad event or checkpoint.
    public static func verify(
        _ directory: DataDirectory, expecting published: ChainLink? = nil, trusting keys: [Data] = []
    ) throws -> AuditReport {
        try verify(
            SQLiteEventLog(path: directory.databasePath, create: false), expecting: published, trusting: keys)
    }

    /// Verifies `log`; with `published`, also that event `published.sequence` still has that hash; with
    /// `keys` (raw Ed25519 public keys), also that every checkpoint is signed by one of them.
    public static func verify(
        _ log: SQLiteEventLog, expecting published: ChainLink? = nil, trusting keys: [Data] = []
    ) throws -> AuditReport {
        let warnings = try log.missingTriggers().map { "the append-only trigger \($0) is missing from the database" }
        do {
            return try verifyEvents(log, expecting: published, trusting: keys, warnings: warnings)
        } catch var failure as AuditFailure {
            failure.warnings = warnings
            throw failure
        }
    }

    private static func verifyEvents(
        _ log: SQLiteEventLog, expecting published: ChainLink?, trusting keys: [Data], warnings: [String]
    ) throws -> AuditReport {
        let checkpoints = try log.checkpoints()
        var replay = Replay(wanted: Set(checkpoints.map(\.checkpoint.count)))
        try log.forEachStoredEvent { try replay.check($0, expecting: published) }
        let last = replay.expected - 1
        let issued = try log.highestSequenceIssued()
        if issued > last {
            throw AuditFailure(
                sequence: last + 1,
                problem: "missing: the database numbered events up to \(issued) but the log ends at "
                    + "\(last == 0 ? "nothing" : "event \(last)") (events were deleted from the end)")
        }
        if let published, published.sequence > last {
            throw AuditFailure(
                sequence: published.sequence,
                problem: "missing: the published pair \(published) names it but the log ends at event \(last)")
        }
        let verifier = CheckpointVerifier(
            origin: log.origin, heads: replay.heads, last: last, trusted: keys,
            time: LocalTimeFormat(replay.ledger.calendar))
        let numbering = try log.checkpointNumbering()
        try verifier.verifyNumbering(numbering.rows, issued: numbering.issued)
        let signingKeys = try verifier.verify(checkpoints)
        return AuditReport(
            eventCount: Int(last), head: last == 0 ? nil : ChainLink(sequence: last, hash: replay.previous),
            checkpoints: checkpoints.count, signingKeys: signingKeys, warnings: warnings)
    }

    /// The state carried from one stored event to the next.
    private struct Replay {
        var ledger = Ledger()
        var previous = HashChain.genesis
        var expected: Int64 = 1
        /// The event numbers checkpoints name, and the chain hash recomputed for each.
        let wanted: Set<Int64>
        var heads: [Int64: Data] = [:]

        init(wanted: Set<Int64>) { self.wanted = wanted }

        mutating func check(_ row: StoredEvent, expecting published: ChainLink?) throws {
            let time = LocalTimeFormat(ledger.calendar).string(Date(milliseconds: row.recordedAt))
            func failure(_ problem: String) -> AuditFailure {
                AuditFailure(sequence: row.sequence, time: time, actor: row.actorText, problem: problem)
            }
            if row.sequence < expected {
                throw failure("numbered out of order: it comes after event \(expected - 1)")
            }
            if row.sequence > expected {
                let range = row.sequence == expected + 1 ? "\(expected)" : "\(expected)…\(row.sequence - 1)"
                throw AuditFailure(
                    sequence: expected,
                    problem: "missing: "
                        + (expected == 1 ? "the log starts at" : "the log goes from event \(expected - 1) to")
                        + " event \(row.sequence) (recorded \(time) by \(row.actorText)); event \(range) was deleted")
            }
            guard row.hash == HashChain.hash(of: row, after: previous) else {
                throw failure(
                    "its hash does not match its contents and the event before it: "
                        + "it was changed, inserted or moved, or the event before it was")
            }
            if let published, published.sequence == row.sequence, published.hash != row.hash {
                throw failure(
                    "its hash is \(HashChain.hex(row.hash)) but the published pair says \(published): "
                        + "the history up to here was rewritten")
            }
            let recorded: RecordedEvent
            do {
                recorded = RecordedEvent(
                    sequence: row.sequence, time: Date(milliseconds: row.recordedAt), actor: row.actorText,
                    reason: row.reason.map { String(decoding: $0, as: UTF8.self) },
                    event: try EventCodec.decode(
                        type: String(decoding: row.type, as: UTF8.self),
                        payload: String(decoding: row.payload, as: UTF8.self)))
            } catch {
                throw failure("cannot be read: \(error)")
            }
            do {
                try ledger.apply(recorded)
            } catch {
                throw failure("does not apply to the history before it: \(error)")
            }
            let violations = ledger.invariantViolations(lots: touchedLots(by: recorded.event))
            if !violations.isEmpty {
                throw failure("breaks an invariant: " + violations.joined(separator: "; "))
            }
            if wanted.contains(row.sequence) { heads[row.sequence] = row.hash }
            previous = row.hash
            expected += 1
        }

        /// The lots whose counters or allocations `event` may have changed.
        func touchedLots(by event: DomainEvent) -> [LotID] {
            var lots = event.lotID.map { [$0] } ?? []
            if let request = event.requestID {
                lots += ledger.allocations(of: request).map(\.lot)
            }
            return lots
        }
    }
}
