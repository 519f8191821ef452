import ArgumentParser
import DayClearCore
import DayClearStore

/// Return, reject and cancel: close a request before approval, releasing what was proposed.
protocol ClosingCommand: WorkflowCommand {
    var request: String { get }
    var reason: String? { get }
    static var verb: String { get }
    static func event(_ reference: RequestReference) -> DomainEvent
}

extension ClosingCommand {
    var recordedReason: String? { reason }

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        [Self.event(RequestReference(request: try ledger.request(request).id))]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        "\(Self.verb) \(request)" + (reason.map { ": \($0)" } ?? "")
    }
}

struct ReturnCommand: ClosingCommand {
    static let configuration = CommandConfiguration(
        commandName: "return", abstract: "Return a request for revision, with a reason.")
    static let verb = "Returned"
    static func event(_ reference: RequestReference) -> DomainEvent { .requestReturned(reference) }

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id.") var request: String
    @Option(help: "Why (required).") var reason: String?
}

struct RejectCommand: ClosingCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a request, with a reason.")
    static let verb = "Rejected"
    static func event(_ reference: RequestReference) -> DomainEvent { .requestRejected(reference) }

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id.") var request: String
    @Option(help: "Why (required).") var reason: String?
}

struct CancelCommand: ClosingCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a request before it is approved.")
    static let verb = "Cancelled"
    static func event(_ reference: RequestReference) -> DomainEvent { .requestCancelled(reference) }

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id.") var request: String
    @Option(help: "Why (optional).") var reason: String?
}

struct ResubmitCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "resubmit",
        abstract: "Send a returned request back for a decision, optionally with revised quantities.")

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id.") var request: String
    @Option(name: .customLong("line"), help: "Revise a line's quantity: LINE=QUANTITY (repeatable).")
    var lines: [String] = []

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        let request = try ledger.request(self.request)
        let revised = try lineQuantities(lines, option: "--line")
        for number in revised.keys where request.line(number) == nil {
            throw DomainError.unknownLine(request.id, number)
        }
        let newLines = request.lines.map { line in
            RequestLine(
                number: line.number, item: line.item, unit: line.unit, quantity: revised[line.number] ?? line.quantity)
        }
        return [
            .requestResubmitted(
                RequestSubmission(
                    id: request.id, recipient: request.recipient, neededBy: request.neededBy, lines: newLines,
                    note: request.note))
        ]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String { "Resubmitted \(request)" }
}
