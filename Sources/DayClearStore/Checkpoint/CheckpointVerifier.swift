import DayClearCore
import Foundation

/// Checks the stored checkpoints against a log whose chain has already been recomputed: each must
/// name this store, lie within the log, carry the chain hash the log has at its event count, and be
/// signed — by the key stored with it, and, when the auditor gives keys they kept, by one of those.
struct CheckpointVerifier {
    /// The store's own origin.
    var origin: String
    /// The chain hash of each event a checkpoint names, as recomputed.
    var heads: [Int64: Data]
    /// The last event of the log.
    var last: Int64
    /// Raw public keys the auditor trusts; empty checks each signature with its stored key only.
    var trusted: [Data]
    var time: LocalTimeFormat

    /// Checks that the checkpoints are numbered 1 … n without a gap, that n is the highest number the
    /// database handed out, and that each kind is one `dayclear` writes. Someone who also patches
    /// `sqlite_sequence` gets past this; only an exported checkpoint catches that (docs/audit.md §6).
    func verifyNumbering(_ rows: [CheckpointRow], issued: Int64) throws {
        for (index, row) in rows.enumerated() {
            let expected = Int64(index) + 1
            if row.id != expected {
                let range =
                    row.id == expected + 1 ? "checkpoint \(expected) is" : "checkpoints \(expected)…\(row.id - 1) are"
                throw AuditFailure(
                    sequence: row.eventCount, checkpoint: "the checkpoints",
                    problem: "\(range) missing (the stored ones go from "
                        + (expected == 1 ? "the start" : "checkpoint \(expected - 1)")
                        + " to checkpoint \(row.id), at event \(row.eventCount)): they were deleted")
            }
            if CheckpointKind(rawValue: row.kind) == nil {
                throw AuditFailure(
                    sequence: row.eventCount, checkpoint: "checkpoint \(row.id) at event \(row.eventCount)",
                    problem: "its kind is \"\(row.kind)\", neither \"interval\" nor \"day-end\": the row was edited")
            }
        }
        if issued > rows.count {
            throw AuditFailure(
                sequence: rows.last?.eventCount ?? 0, checkpoint: "the checkpoints",
                problem: "missing: the database numbered checkpoints up to \(issued) but only \(rows.count) are "
                    + "stored (the newest were deleted)")
        }
    }

    /// The fingerprints of the keys that signed, in order of first use; throws for the first bad checkpoint.
    func verify(_ checkpoints: [SignedCheckpoint]) throws -> [String] {
        var keys: [Data] = []
        for signed in checkpoints {
            try verify(signed)
            if !keys.contains(signed.publicKey) { keys.append(signed.publicKey) }
        }
        if !trusted.isEmpty, !checkpoints.contains(where: { trusted.contains($0.publicKey) }) {
            throw AuditFailure(
                sequence: 0, checkpoint: "the checkpoints",
                problem: "no checkpoint in the store is signed by the given public key "
                    + trusted.map(CheckpointPublicKey.fingerprint(of:)).joined(separator: ", ")
                    + " (\(checkpoints.count) checkpoints stored): they were removed, or the store never had that key")
        }
        return keys.map(CheckpointPublicKey.fingerprint(of:))
    }

    private func verify(_ signed: SignedCheckpoint) throws {
        let checkpoint = signed.checkpoint
        func failure(_ problem: String) -> AuditFailure {
            let reason = signed.kind == .dayEnd ? "day-end" : "periodic"
            return AuditFailure(
                sequence: checkpoint.count,
                checkpoint: "checkpoint at event \(checkpoint.count) (signed "
                    + "\(time.string(Date(milliseconds: checkpoint.signedAt))), \(reason))",
                problem: problem)
        }
        guard checkpoint.origin == origin else {
            throw failure("it was signed for another store (\(checkpoint.origin); this store is \(origin))")
        }
        guard checkpoint.count >= 1, checkpoint.count <= last, let head = heads[checkpoint.count] else {
            throw failure(
                "it covers \(checkpoint.count) events but the log ends at "
                    + "\(last == 0 ? "nothing" : "event \(last)"): events were deleted from the end")
        }
        guard head == checkpoint.head else {
            throw failure(
                "it signed the chain head \(HashChain.hex(checkpoint.head)) but the log's hash of event "
                    + "\(checkpoint.count) is \(HashChain.hex(head)): the history up to event \(checkpoint.count) "
                    + "was rewritten after it was signed")
        }
        let fingerprint = CheckpointPublicKey.fingerprint(of: signed.publicKey)
        guard signed.isSigned(by: signed.publicKey) else {
            throw failure(
                "its signature does not verify with the public key stored with it (\(fingerprint)): the "
                    + "checkpoint, its signature or its key was changed after it was signed")
        }
        if !trusted.isEmpty, !trusted.contains(signed.publicKey) {
            throw failure(
                "it is signed by the key \(fingerprint), not by the given public key "
                    + trusted.map(CheckpointPublicKey.fingerprint(of:)).joined(separator: ", ")
                    + ": the store was re-signed with another key, or the key was replaced (give every key you kept)")
        }
    }
}
