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
        let outcome = ImportOutcome(describing: { RefusalText.describe($0, ledger: ledger, language: .zh) }) {
            throw StoreError.notSaved("disk I/O error")
        }
        guard case .failed(let reason) = outcome else {
            Issue.record("expected failed, got \(outcome)")
            return
        }
        #expect(reason.hasPrefix("未保存：disk I/O error"), "\(reason)")
    }
}
