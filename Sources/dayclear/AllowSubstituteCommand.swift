import ArgumentParser
import DayClearCore
import DayClearStore

/// `dayclear allow-substitute`: an approver lets one request line be filled with another spec of its kind.
struct AllowSubstituteCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "allow-substitute",
        abstract: "Allow a request line to be filled with another spec of the same kind (替代规格; approvers).",
        discussion: """
            The planner then uses lots of that spec for the line, but only after the line's own spec. \
            The allowance is recorded with who gave it and when, and shown by history and plan --explain.
            """)

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id, e.g. R-0005.") var request: String
    @Option(help: "The request line.") var line: Int
    @Option(help: "The substitute spec, of the line's kind, e.g. KN95.") var spec: String

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        let request = try ledger.request(self.request)
        return [.substitutionAllowed(SubstitutionAllowance(request: request.id, line: line, spec: spec))]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        guard case .substitutionAllowed(let allowance) = recorded.first?.event,
            let line = ledger.requests[allowance.request]?.line(allowance.line)
        else { return "Allowed" }
        return
            "Allowed \(line.item.kind) / \(allowance.spec) for \(allowance.request) line \(line.number) (\(line.item))"
    }
}

/// `dayclear revoke-substitute`: an approver takes an allowed substitute back.
struct RevokeSubstituteCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke-substitute",
        abstract: "Take back a substitute spec allowed for a request line (approvers).",
        discussion: """
            Refused while units of that spec are proposed for the line (return the request first). \
            What was approved or dispatched under the allowance stays as it is.
            """)

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id, e.g. R-0005.") var request: String
    @Option(help: "The request line.") var line: Int
    @Option(help: "The substitute spec to take back, e.g. KN95.") var spec: String

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        let request = try ledger.request(self.request)
        return [.substitutionRevoked(SubstitutionAllowance(request: request.id, line: line, spec: spec))]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        "Revoked \(spec) for \(request) line \(line)"
    }
}
