import ArgumentParser
import DayClearCore
import DayClearStore

struct ReceiveCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive", abstract: "Record that an expected lot has arrived.")

    @OptionGroup var data: DataOptions
    @Argument(help: "The lot id, e.g. L-0031.") var lot: String
    @Option(parsing: .unconditional, help: "The counted quantity, if it differs from the expected one.") var quantity:
        Int?

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        guard let existing = ledger.lots[LotID(lot)] else { throw DomainError.unknownLot(LotID(lot)) }
        return [.lotReceived(LotReceipt(lot: existing.id, quantity: quantity ?? existing.quantity))]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        guard let received = ledger.lots[LotID(lot)] else { return "Received \(lot)" }
        return "Received \(lot): \(received.item) \(received.quantity) \(received.unit)"
    }
}

struct ValueCommand: WorkflowCommand {
    static let configuration = CommandConfiguration(
        commandName: "value",
        abstract: "Record a lot's value: from the donor's invoice, by an appraiser, or as unvaluable.",
        discussion: "Goods that cannot be valued are registered only and get no donation receipt.")

    @OptionGroup var data: DataOptions
    @Argument(help: "The lot id.") var lot: String
    @Option(parsing: .unconditional, help: "The value in fen (1 yuan = 100 fen).") var fen: Int?
    @Option(help: "The third-party appraiser.") var by: String?
    @Flag(help: "The value comes from the donor's invoice.") var invoiced = false
    @Flag(help: "The goods cannot be valued: register only, no receipt.") var unvaluable = false

    func validate() throws {
        if unvaluable {
            guard fen == nil, by == nil, !invoiced else {
                throw ValidationError("--unvaluable takes no --fen, --by or --invoiced")
            }
            return
        }
        guard let fen else { throw ValidationError("give --fen N with --by WHO or --invoiced, or --unvaluable") }
        guard fen >= 0 else { throw ValidationError("--fen must not be negative") }
        guard (by != nil) != invoiced else { throw ValidationError("give exactly one of --by WHO and --invoiced") }
    }

    func events(in ledger: Ledger) throws -> [DomainEvent] {
        let valuation: Valuation
        if unvaluable {
            valuation = .unvaluable
        } else if let by {
            valuation = .appraised(fen: fen ?? 0, by: by)
        } else {
            valuation = .invoiced(fen: fen ?? 0)
        }
        return [.lotValued(LotValuation(lot: LotID(lot), valuation: valuation))]
    }

    func confirmation(_ recorded: [RecordedEvent], ledger: Ledger) -> String {
        let valuation = ledger.lots[LotID(lot)]?.valuation ?? .pending
        return "Valued \(lot): \(valuation.label) \(yuanText(valuation.fen))"
    }
}
