import ArgumentParser
import DayClearCore
import DayClearStore

struct ProposeCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose", abstract: "Propose units of a lot for a request line (the task force's 分配建议).")

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id, e.g. R-0012.") var request: String
    @Option(help: "The lot to take from.") var lot: String
    @Option(parsing: .unconditional, help: "How many units.") var quantity: Int
    @Option(help: "The request line (default: the line asking for the lot's kind+spec).") var line: Int?

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        let request = try ledger.request(self.request)
        guard let source = ledger.lots[LotID(lot)] else { throw DomainError.unknownLot(LotID(lot)) }
        let number: Int
        if let line {
            number = line
        } else if let matching = request.lines.first(where: { $0.item == source.item }) {
            number = matching.number
        } else if let allowed = request.lines.first(where: {
            ledger.substitute(source.item, for: request.id, line: $0.number) != nil
        }) {
            number = allowed.number
        } else {
            throw DomainError.invalid("\(request.id) has no line asking for \(source.item); name one with --line")
        }
        return [
            .allocationProposed(
                AllocationProposal(request: request.id, line: number, lot: source.id, quantity: quantity))
        ]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        guard case .allocationProposed(let proposal) = recorded.first?.event,
            let request = ledger.requests[proposal.request], let line = request.line(proposal.line)
        else { return "Proposed" }
        let proposed = ledger.proposedQuantity(request.id, line: line.number)
        return
            "Proposed \(proposal.quantity) from \(proposal.lot) for \(request.id) line \(line.number) \(line.item): \(proposed) of \(line.quantity) proposed"
    }
}

struct ApproveCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a request's proposed allocation, in whole or trimmed line by line.")

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id.") var request: String
    @Option(name: .customLong("line"), help: "Trim a line: LINE=QUANTITY (repeatable).") var lines: [String] = []

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        let request = try ledger.request(self.request)
        var quantities = try lineQuantities(lines, option: "--line")
        for line in request.lines where quantities[line.number] == nil {
            quantities[line.number] = ledger.proposedQuantity(request.id, line: line.number)
        }
        return [.requestApproved(LineQuantities(request: request.id, quantities: quantities))]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        guard let request = ledger.requests[RequestID(self.request)] else { return "Approved" }
        let lines = request.lines.map {
            ledger.describe(request, line: $0, quantity: ledger.approvedQuantity(request.id, line: $0.number))
                + " of \($0.quantity)"
        }
        return "Approved \(request.id): " + lines.joined(separator: "; ") + ". Paperwork pending"
    }
}
