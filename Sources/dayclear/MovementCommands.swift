import ArgumentParser
import DayClearCore
import DayClearStore

struct DispatchCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch", abstract: "Record that an approved request's goods have left the centre.")

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id.") var request: String

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        [.requestDispatched(RequestReference(request: try ledger.request(request).id))]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        guard let request = ledger.requests[RequestID(self.request)] else { return "Dispatched" }
        let routes = Set(
            ledger.allocations(of: request.id).filter { $0.status == .dispatched }.map {
                ledger.routeClass(of: $0).chineseName
            })
        return "Dispatched \(request.id) (\(routes.sorted().joined(separator: ", ")))"
    }
}

struct DeliverCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Record delivery; by default everything dispatched was received.")

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id.") var request: String
    @Option(help: "What the recipient counted for a line: LINE=QUANTITY (repeatable).") var received: [String] = []

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        let request = try ledger.request(self.request)
        var quantities = try lineQuantities(received, option: "--received")
        for line in request.lines where quantities[line.number] == nil {
            quantities[line.number] = ledger.dispatchedQuantity(request.id, line: line.number)
        }
        return [.requestDelivered(LineQuantities(request: request.id, quantities: quantities))]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        guard let request = ledger.requests[RequestID(self.request)] else { return "Delivered" }
        let lines = request.lines.map { line -> String in
            let sent = ledger.dispatchedQuantity(request.id, line: line.number)
            let got = line.received ?? 0
            return ledger.describe(request, line: line, quantity: got) + (got == sent ? "" : " (sent \(sent))")
        }
        return "Delivered \(request.id): " + lines.joined(separator: "; ")
    }
}

struct PaperworkDoneCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "paperwork-done", abstract: "Mark an approval's offline paperwork (补办手续) complete.")

    @OptionGroup var data: DataOptions
    @Argument(help: "The request id.") var request: String

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        [.paperworkCompleted(RequestReference(request: try ledger.request(request).id))]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String { "Paperwork complete for \(request)" }
}
