import ArgumentParser
import DayClearStore
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit trail: hash chain, numbering, and every rule on replay.",
        discussion: """
            Prints the number of events and the chain head on success. With --expect, also checks that \
            an event still has the hash published for it (the 末事件序号 and 链头哈希 rows of a day-end \
            disclosure), which catches a rewrite of the whole chain. Every signed checkpoint is checked: \
            its event must still have the signed chain hash, and its signature must hold. With \
            --public-key (a key kept from an earlier day-end export), every checkpoint must be signed by \
            that key, which catches a store re-signed with another key. Exits with status 1 naming the \
            first bad event or checkpoint otherwise. See docs/audit.md.
            """)

    @OptionGroup var data: DataOptions
    @Option(
        help: ArgumentHelp(
            "An event number and its published chain hash, e.g. 812:3f5a…", valueName: "SEQ:HASH"))
    var expect: String?
    @Option(
        help: ArgumentHelp(
            "A checkpoint public key kept from a day-end export (DAY-checkpoint-public-key.pem); repeat for "
                + "each key the store has used.", valueName: "FILE"))
    var publicKey: [String] = []
    @Option(
        help: ArgumentHelp(
            "A day-end export's checkpoints file (DAY-checkpoints.csv): every row must be signed by a --public-key "
                + "and still be in the store; repeat for each day.", valueName: "FILE"))
    var checkpoints: [String] = []

    func validate() throws {
        if !checkpoints.isEmpty, publicKey.isEmpty {
            throw ValidationError("--checkpoints needs --public-key: the key the rows must be signed by")
        }
        if !checkpoints.isEmpty, data.socket != nil {
            throw ValidationError("--checkpoints checks a data directory (--data), not a server")
        }
        if let expect, ChainLink(expect) == nil {
            throw ValidationError(
                "--expect takes SEQ:HASH, an event number and 64 hexadecimal digits, e.g. 812:3f5a…; got \(expect)")
        }
        _ = try trustedKeys()
    }

    /// The raw keys of the --public-key files.
    private func trustedKeys() throws -> [CheckpointPublicKey] {
        try publicKey.map { path in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ValidationError("--public-key \(path): cannot be read")
            }
            guard let key = CheckpointPublicKey(pem: text) else {
                throw ValidationError(
                    "--public-key \(path): not an Ed25519 public key (expected a -----BEGIN PUBLIC KEY----- block, "
                        + "as in the day-end export's checkpoint-public-key.pem)")
            }
            return key
        }
    }

    func run() throws {
        let published = expect.flatMap(ChainLink.init)
        let keys = try trustedKeys()
        let report: AuditReport
        do {
            if data.socket != nil {
                report = try data.open().verify(expecting: published, trusting: keys.map(\.raw))
            } else {
                report = try AuditVerifier.verify(data.directory, expecting: published, trusting: keys.map(\.raw))
            }
            let stored =
                checkpoints.isEmpty
                ? [] : try SQLiteEventLog(path: data.directory.databasePath, create: false).checkpoints()
            for file in checkpoints {
                let rows = try ExportedCheckpoints.verify(file: file, stored: stored, trusting: keys.map(\.raw))
                print("\(file): \(rows) exported checkpoints, each signed by the given public key and still stored")
            }
        } catch let failure as AuditFailure {
            printError("verify FAILED: \(failure)")
            for warning in failure.warnings { printError("warning: \(warning)") }
            throw ExitCode.failure
        }
        for warning in report.warnings { printError("warning: \(warning)") }
        guard let head = report.head else {
            print("OK: no events")
            return
        }
        print("OK: \(report.eventCount) events, chain head \(head)")
        if let published { print("matches the published pair \(published)") }
        if report.checkpoints == 0 {
            print("checkpoints: none signed")
        } else if keys.isEmpty {
            print(
                "checkpoints: \(report.checkpoints) signed by key " + report.signingKeys.joined(separator: ", ")
                    + " (checked against the keys stored with them; --public-key FILE checks them against a key you kept)"
            )
        } else {
            print("checkpoints: \(report.checkpoints) signed, all by the given public key")
        }
    }
}
