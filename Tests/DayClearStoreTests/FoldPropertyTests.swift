import DayClearCore
import Foundation
import PropertyBased
import Testing

@testable import DayClearStore

/// One command of a random sequence: what, on which request and lot, how many.
private struct Command: Sendable, CustomStringConvertible {
    enum Kind: Int, CaseIterable, Sendable { case propose, approve, reject, returnIt, cancel, resubmit }
    var kind: Kind
    var request: Int
    var lot: Int
    var quantity: Int

    var description: String { "\(kind)(R\(request), L\(lot), \(quantity))" }
}

/// A deliberately simple model of the rules for single-line requests and arrived, undirected lots:
/// counts per lot and a state per request, written from the rules in docs/domain.md, not from Ledger.
private struct ReferenceModel {
    struct LotCounts: Equatable {
        var item: Int
        var held: Int
        var proposed = 0
        var approved = 0
        var free: Int { held - proposed - approved }
    }
    struct RequestCounts {
        var item: Int
        var asked: Int
        var state = RequestState.submitted
        var proposals: [(lot: Int, quantity: Int)] = []
        var proposed: Int { proposals.reduce(0) { $0 + $1.quantity } }
    }

    var lots: [LotCounts]
    var requests: [RequestCounts]

    /// Applies `command` if the rules allow it; false (and no change) if not.
    mutating func apply(_ command: Command) -> Bool {
        var request = requests[command.request]
        let open = request.state == .submitted || request.state == .proposed
        switch command.kind {
        case .propose:
            let lot = lots[command.lot]
            guard open, lot.item == request.item, command.quantity <= lot.free,
                request.proposed + command.quantity <= request.asked
            else { return false }
            lots[command.lot].proposed += command.quantity
            request.proposals.append((command.lot, command.quantity))
            request.state = .proposed
        case .approve:
            guard request.state == .proposed else { return false }
            for (lot, quantity) in request.proposals {
                lots[lot].proposed -= quantity
                lots[lot].approved += quantity
            }
            request.state = .approved
        case .reject, .returnIt, .cancel:
            guard open || (command.kind == .cancel && request.state == .returned) else { return false }
            for (lot, quantity) in request.proposals where request.state != .returned { lots[lot].proposed -= quantity }
            request.proposals = []
            request.state = command.kind == .reject ? .rejected : command.kind == .returnIt ? .returned : .cancelled
        case .resubmit:
            guard request.state == .returned else { return false }
            request.state = .submitted
        }
        requests[command.request] = request
        return true
    }
}

/// Two items, three lots, four single-line requests.
private enum FoldFixture {
    static let items = [ItemKey(kind: "口罩", spec: "KN95"), ItemKey(kind: "防护服", spec: "L")]
    static let lots: [(item: Int, quantity: Int)] = [(0, 500), (0, 200), (1, 300)]
    static let requests: [(item: Int, asked: Int)] = [(0, 400), (0, 300), (1, 250), (1, 100)]
    static let now = Sample.time("2026-02-10 10:00")

    static func lotID(_ index: Int) -> LotID { LotID("L-\(index)") }
    static func requestID(_ index: Int) -> RequestID { RequestID("R-\(index)") }

    static func submission(_ index: Int) -> RequestSubmission {
        let (item, asked) = requests[index]
        return RequestSubmission(
            id: requestID(index), recipient: "H01", neededBy: now.addingTimeInterval(8 * 3600),
            submittedAt: now.addingTimeInterval(-600),
            lines: [RequestLine(number: 1, item: items[item], unit: "件", quantity: asked)])
    }

    static func setUp(_ store: LedgerStore) throws {
        try store.perform(
            .recipientRegistered(
                Recipient(id: "H01", name: "定点医院", tier: .frontLineHospital, latitude: 30, longitude: 120, contact: ""))
        )
        for (index, lot) in lots.enumerated() {
            try store.perform(
                .lotRegistered(
                    LotRegistration(
                        id: lotID(index), item: items[lot.item], unit: "件", quantity: lot.quantity, packSize: 1,
                        donor: "某", status: .arrived(at: now.addingTimeInterval(-3600)))))
        }
        for index in requests.indices { try store.perform(.requestSubmitted(submission(index))) }
    }

    static func model() -> ReferenceModel {
        ReferenceModel(
            lots: lots.map { ReferenceModel.LotCounts(item: $0.item, held: $0.quantity) },
            requests: requests.map { ReferenceModel.RequestCounts(item: $0.item, asked: $0.asked) })
    }

    static func event(_ command: Command) -> (DomainEvent, reason: String?) {
        let request = requestID(command.request)
        let reference = RequestReference(request: request)
        switch command.kind {
        case .propose:
            return (
                .allocationProposed(
                    AllocationProposal(request: request, line: 1, lot: lotID(command.lot), quantity: command.quantity)),
                nil
            )
        case .approve: return (.requestApproved(LineQuantities(request: request, quantities: [:])), nil)
        case .reject: return (.requestRejected(reference), "重复申请")
        case .returnIt: return (.requestReturned(reference), "数量有误")
        case .cancel: return (.requestCancelled(reference), nil)
        case .resubmit: return (.requestResubmitted(submission(command.request)), nil)
        }
    }
}

private let commandGenerator = zip(
    Gen<Command.Kind>.case, Gen.int(in: 0...3), Gen.int(in: 0...2), Gen.int(in: 1...320)
)
.map { Command(kind: $0, request: $1, lot: $2, quantity: $3) }

@Suite("the event fold against a reference model")
struct FoldPropertyTests {
    @Test(
        "random command sequences: same decisions as the model, invariants kept, refusals change nothing, replay equals live"
    )
    func randomSequences() async throws {
        await propertyCheck(count: 25, input: commandGenerator.array(of: 1...30)) { commands in
            try withTemporaryDirectory { folder in
                let clock = TestClock(FoldFixture.now)
                var live: Ledger
                do {
                    let store = try makeStore(in: folder, clock: clock)
                    try FoldFixture.setUp(store)
                    var model = FoldFixture.model()
                    for (step, command) in commands.enumerated() {
                        let before = store.ledger
                        let count = try eventCount(store)
                        let allowed = model.apply(command)
                        let (event, reason) = FoldFixture.event(command)
                        let accepted = (try? store.perform(event, reason: reason)) != nil
                        #expect(accepted == allowed, "step \(step) \(command): ledger \(accepted), model \(allowed)")
                        if !accepted {
                            #expect(store.ledger == before, "step \(step) \(command): a refusal changed the ledger")
                            #expect(try eventCount(store) == count, "step \(step) \(command): a refusal was recorded")
                        }
                        #expect(store.ledger.invariantViolations().isEmpty, "\(store.ledger.invariantViolations())")
                        for (index, lot) in model.lots.enumerated() {
                            let held = store.ledger.lots[FoldFixture.lotID(index)]
                            #expect(
                                held?.proposed == lot.proposed && held?.approved == lot.approved,
                                "step \(step) \(command): lot \(index) is \(String(describing: held)), model \(lot)")
                        }
                        for (index, request) in model.requests.enumerated() {
                            #expect(store.ledger.requests[FoldFixture.requestID(index)]?.state == request.state)
                        }
                    }
                    live = store.ledger
                }
                // Replaying what is on disk gives the same model.
                let replayed = try DataDirectory(path: dataPath(folder)).open(actor: "coordinator").ledger
                #expect(replayed == live, "the replayed ledger differs from the live one after \(commands)")
            }
        }
    }
}
