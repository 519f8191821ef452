import ArgumentParser
import DayClearApp
import DayClearCore
import DayClearStore
import Foundation

/// A command that records one change and reports it once it is durable.
protocol WorkflowCommand: ParsableCommand {
    var data: DataOptions { get }
    /// The reason recorded with the event, if the command takes one.
    var recordedReason: String? { get }
    /// The events to record, derived from the up-to-date ledger.
    func events(in ledger: Ledger) throws -> [DomainEvent]
    /// What to tell the user after the change is on disk.
    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String
}

extension WorkflowCommand {
    var recordedReason: String? { nil }

    func run() throws {
        let store = try data.open()
        let recorded: [RecordedEvent]
        do {
            recorded = try store.perform(reason: recordedReason) { try events(in: $0) }
        } catch let error as DomainError {
            // The ledger now holds what other processes recorded; say what changed.
            throw CommandError(RefusalText.describe(error, ledger: store.ledger, language: .en))
        }
        let sequences = recorded.map { "\($0.sequence)" }.joined(separator: ", ")
        print("\(confirmation(recorded, ledger: store.ledger)) (event \(sequences))")
    }
}

extension Ledger {
    /// The request or a DomainError naming it.
    func request(_ id: String) throws -> Request {
        guard let request = requests[RequestID(id)] else { throw DomainError.unknownRequest(RequestID(id)) }
        return request
    }

    /// `口罩 / 医用防护N95 600 只`.
    func describe(_ request: Request, line: RequestLine, quantity: Int) -> String {
        "line \(line.number) \(line.item) \(quantity) \(line.unit.isEmpty ? (itemUnits[line.item] ?? "") : line.unit)"
    }
}
