import DayClearCore
import DayClearStore
import Foundation
import Testing

@testable import DayClearApp

@Suite("refusal and not-saved messages")
struct RefusalTextTests {
    /// The fixture with R-0001 approved by wang at 15:10 Shanghai time.
    private func approvedLedger() throws -> Ledger {
        var ledger = try Fixture.ledger()
        try ledger.apply(
            RecordedEvent(
                sequence: ledger.lastSequence + 1, time: Fixture.start.addingTimeInterval(600), actor: "wang",
                reason: nil, event: .requestApproved(LineQuantities(request: "R-0001", quantities: [:]))))
        return ledger
    }

    @Test("a command that lost the race is told who changed the request, and when")
    func lostRace() throws {
        let ledger = try approvedLedger()
        let error = DomainError.illegalTransition("R-0001", from: .approved, to: .approved)
        #expect(
            RefusalText.describe(error, ledger: ledger, language: .en)
                == "R-0001 was approved by wang at 2026-02-10 15:10; it cannot now be approved")
        #expect(
            RefusalText.describe(error, ledger: ledger, language: .zh)
                == "R-0001 已由 wang 于 2026-02-10 15:10 改为“已批准”，不能再改为“已批准”")
    }

    @Test("a transition the ledger cannot explain keeps the plain wording")
    func unexplained() throws {
        let ledger = try Fixture.ledger()
        let error = DomainError.illegalTransition("R-0002", from: .submitted, to: .approved)
        #expect(
            RefusalText.describe(error, ledger: ledger, language: .en) == "R-0002 cannot go from submitted to approved")
        #expect(RefusalText.describe(error, ledger: ledger, language: .zh) == "R-0002 现为“已提交”，不能改为“已批准”")
    }

    @Test(
        "every refusal of the ledger reads in Chinese on a Chinese screen, naming what it concerns",
        arguments: [
            DomainError.overflow("lot L-1 quantity"), .invalidQuantity("lot L-1 quantity must be positive, got -1"),
            .duplicate("lot L-1"), .unknownRecipient("D-9"), .unknownLot("L-9"), .unknownRequest("R-9"),
            .unknownLine("R-1", 3), .unknownItem(ItemKey(kind: "口罩", spec: "N99"), knownSpecs: ["N95"]),
            .unitMismatch(ItemKey(kind: "口罩", spec: "N95"), expected: "只", got: "箱"),
            .illegalTransition("R-1", from: .rejected, to: .approved),
            .kindMismatch(
                lot: "L-1", lotItem: ItemKey(kind: "口罩", spec: "KN95"), line: 1,
                lineItem: ItemKey(kind: "口罩", spec: "N95")),
            .substitutionRefused("R-1", line: 1, .notAwaitingDecision(.approved)),
            .substitutionRefused("R-1", line: 1, .ownSpec("N95")),
            .substitutionRefused("R-1", line: 1, .noneToRevoke("KN95")),
            .substitutionRefused("R-1", line: 1, .stillProposed(spec: "KN95", quantity: 1500)),
            .earmarked(lot: "L-1", for: "D-1", request: "R-1", recipient: "D-2"),
            .insufficientStock(lot: "L-1", free: 5, wanted: 9), .exceedsAsked("R-1", line: 1, asked: 5, wouldBe: 9),
            .exceedsProposed("R-1", line: 1, proposed: 5, wanted: 9), .expectedTooLate(lot: "L-1", request: "R-1"),
            .expired(lot: "L-1"), .notArrived(lot: "L-1", request: "R-1"), .alreadyArrived("L-1"),
            .alreadyValued("L-1", .unvaluable), .paperwork("R-1", .notStarted(.proposed)),
            .paperwork("R-1", .alreadyCompleted(by: "clerk", at: "2026-02-10 18:00")),
            .reasonRequired("R-1", .rejected), .nothingProposed("R-1"),
            .receivedTooMuch("R-1", line: 1, dispatched: 5, received: 9),
            .shortArrival(lot: "L-1", committed: 9, received: 5),
            .repeatedItem("R-1", line: 3, ItemKey(kind: "口罩", spec: "KN95"), firstLine: 1),
        ])
    func chineseRefusals(error: DomainError) throws {
        let ledger = try Fixture.ledger()
        let chinese = RefusalText.describe(error, ledger: ledger, language: .zh)
        #expect(chinese != RefusalText.describe(error, ledger: ledger, language: .en))
        #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(chinese)")
        // A quantity refusal is shown beside the form field it marks, which names the subject.
        switch error {
        case .overflow, .invalidQuantity: return
        default: break
        }
        for id in ["R-1", "L-1", "L-9", "R-9", "D-9", "KN95", "1500"] where error.description.contains(id) {
            #expect(chinese.contains(id), "\(chinese) should name \(id)")
        }
    }

    @Test("a substitute refused on a Chinese screen says why in Chinese")
    func substituteRefusedInChinese() throws {
        var ledger = try approvedLedger()
        let allowance = SubstitutionAllowance(request: "R-0001", line: 1, spec: "KN95")
        let recorded = RecordedEvent(
            sequence: ledger.lastSequence + 1, time: Fixture.start.addingTimeInterval(900), actor: "wang",
            reason: nil, event: .substitutionAllowed(allowance))
        let error = try #require(throws: DomainError.self) { try ledger.apply(recorded) }
        #expect(
            RefusalText.describe(error, ledger: ledger, language: .zh)
                == "R-0001 第 1 行不能替代：申请现为“已批准”，只有待决定的申请才能允许替代")
    }

    @Test("a write that did not reach the disk says not saved, in Chinese too")
    func notSaved() throws {
        let ledger = try Fixture.ledger()
        let error = StoreError.notSaved("disk I/O error")
        #expect(RefusalText.describe(error, ledger: ledger, language: .en) == "not saved: disk I/O error")
        let chinese = RefusalText.describe(error, ledger: ledger, language: .zh)
        #expect(chinese.hasPrefix("未保存：disk I/O error"), "\(chinese)")
        #expect(
            RefusalText.describe(StoreError.busy("process 7 (sqlite3)"), ledger: ledger, language: .zh).hasPrefix("未保存")
        )
        #expect(RefusalText.describe(StoreError.readOnly("/data"), ledger: ledger, language: .zh).contains("只读"))
    }

    @Test("an import the store could not save says so in the screen's language")
    func importNotSaved() throws {
        let ledger = try Fixture.ledger()
        let describe = { (error: Error) in RefusalText.describe(error, ledger: ledger, language: .zh) }
        let outcome = ImportOutcome(describing: describe) { throw StoreError.notSaved("disk I/O error") }
        guard case .failed(let reason) = outcome else {
            Issue.record("expected failed, got \(outcome)")
            return
        }
        #expect(reason.hasPrefix("未保存：disk I/O error"), "\(reason)")
    }
}
