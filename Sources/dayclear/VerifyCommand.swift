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
            disclosure), which catches a rewrite of the whole chain. Exits with status 1 naming the first \
            bad event otherwise. See docs/audit.md.
            """)

    @OptionGroup var data: DataOptions
    @Option(
        help: ArgumentHelp(
            "An event number and its published chain hash, e.g. 812:3f5a…", valueName: "SEQ:HASH"))
    var expect: String?

    func validate() throws {
        if let expect, ChainLink(expect) == nil {
            throw ValidationError(
                "--expect takes SEQ:HASH, an event number and 64 hexadecimal digits, e.g. 812:3f5a…; got \(expect)")
        }
    }

    func run() throws {
        let published = expect.flatMap(ChainLink.init)
        let report: AuditReport
        do {
            if data.socket != nil {
                report = try data.open().verify(expecting: published)
            } else {
                report = try AuditVerifier.verify(data.directory, expecting: published)
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
    }
}
