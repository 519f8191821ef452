import Foundation

/// The rows of a day-end `DAY-checkpoints.csv` checked against a store: each must be signed by a key
/// the auditor kept and still be stored, so checkpoints deleted after the export are named even when
/// `sqlite_sequence` was patched too (docs/audit.md §6).
public enum ExportedCheckpoints {
    /// Throws ``AuditFailure`` for the first row of `file` that cannot be read, is not signed by one of
    /// `keys` (raw Ed25519 public keys), or is not among `stored`; returns how many rows held.
    public static func verify(file: String, stored: [SignedCheckpoint], trusting keys: [Data]) throws -> Int {
        let table: CSVTable
        do {
            table = try CSVReader.read(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw AuditFailure(sequence: 0, checkpoint: file, problem: "cannot be read: \(error)")
        }
        guard table.header == DayEndExport.checkpointHeader else {
            throw AuditFailure(
                sequence: 0, checkpoint: file,
                problem: "is not a day-end checkpoints file: its header is not "
                    + DayEndExport.checkpointHeader.joined(separator: ","))
        }
        for record in table.records {
            let signed = try checkpoint(record, file: file)
            func failure(_ problem: String) -> AuditFailure {
                AuditFailure(
                    sequence: signed.count,
                    checkpoint: "\(file) row \(record.row) (checkpoint at event \(signed.count))",
                    problem: problem)
            }
            guard let key = keys.first(where: { signed.rowSigned(by: $0) }) else {
                throw failure(
                    "its signature does not verify with the given public key "
                        + keys.map(CheckpointPublicKey.fingerprint(of:)).joined(separator: ", "))
            }
            let exported = signed.with(publicKey: key)
            guard stored.contains(exported) else {
                throw failure(
                    "the store no longer holds this signed checkpoint: it was deleted, or the history was rewritten "
                        + "and re-signed after the export")
            }
        }
        return table.records.count
    }

    private static func checkpoint(_ record: CSVRecord, file: String) throws -> Row {
        let fields = record.fields
        func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
        guard let count = Int64(field(0)), let head = HashChain.bytes(hex: field(1)), head.count == 32,
            let signedAt = Int64(field(3)), let signature = HashChain.bytes(hex: field(7)), signature.count == 64
        else {
            throw AuditFailure(
                sequence: 0, checkpoint: "\(file) row \(record.row)",
                problem: "cannot be read: the event count, chain head, signing time (ms) or signature is malformed")
        }
        let kind: CheckpointKind
        switch field(4) {
        case "日结": kind = .dayEnd
        case "定期": kind = .interval
        default:
            throw AuditFailure(
                sequence: count, checkpoint: "\(file) row \(record.row)",
                problem: "its kind is \"\(field(4))\", neither 定期 nor 日结")
        }
        return Row(
            checkpoint: Checkpoint(origin: field(5), count: count, head: head, signedAt: signedAt), kind: kind,
            signature: signature)
    }

    /// A row before its key is known (the file names the key only by fingerprint).
    private struct Row {
        var checkpoint: Checkpoint
        var kind: CheckpointKind
        var signature: Data
        var count: Int64 { checkpoint.count }

        func rowSigned(by key: Data) -> Bool { with(publicKey: key).isSigned(by: key) }

        func with(publicKey: Data) -> SignedCheckpoint {
            SignedCheckpoint(checkpoint: checkpoint, kind: kind, publicKey: publicKey, signature: signature)
        }
    }
}
