import DayClearCore
import Foundation

@testable import DayClearApp

/// The fixture's day carried on to the routes: approvals, a dispatch, two earlier days and a rejection.
extension Fixture {
    static let surgical = ItemKey(kind: "口罩", spec: "医用外科")
    static let day = 24.0 * 3600

    /// The fixture's events followed by:
    /// - two and one days before: 1000 surgical masks arrive each day; 1000 and 800 leave the same
    ///   day and are delivered (100% and 80% cleared);
    /// - today: zhao approves R-0001 as proposed (2000 directed N95 point-to-point; 500 N95 and
    ///   300 gowns by shuttle), approves 500 N95 for R-0002, which li dispatches; zhao rejects
    ///   R-0003 with a reason.
    static func movedRecorded() -> [RecordedEvent] {
        var timed: [(TimeInterval, String, String?, DomainEvent)] = []
        for (days, lot, request, quantity) in [(2.0, "L-0101", "R-0101", 1000), (1.0, "L-0102", "R-0102", 800)] {
            let arrived = start.addingTimeInterval(-days * day - 3 * 3600)
            let id = RequestID(request)
            timed += [
                (
                    -days * day - 3 * 3600, "li", nil,
                    .lotRegistered(
                        LotRegistration(
                            id: LotID(lot), item: surgical, unit: "只", quantity: 1000, packSize: 50,
                            donor: "杭州市温州商会", status: .arrived(at: arrived)))
                ),
                (
                    -days * day - 2 * 3600, "li", nil,
                    .requestSubmitted(
                        RequestSubmission(
                            id: id, recipient: "C01", neededBy: arrived.addingTimeInterval(6 * 3600),
                            submittedAt: arrived.addingTimeInterval(3600),
                            lines: [RequestLine(number: 1, item: surgical, unit: "只", quantity: quantity)]))
                ),
                (
                    -days * day - 2 * 3600 + 60, "li", nil,
                    .allocationProposed(
                        AllocationProposal(request: id, line: 1, lot: LotID(lot), quantity: quantity))
                ),
                (
                    -days * day - 2 * 3600 + 120, "zhao", nil,
                    .requestApproved(LineQuantities(request: id, quantities: [:]))
                ),
                (-days * day - 3600, "li", nil, .requestDispatched(RequestReference(request: id))),
                (-days * day, "li", nil, .requestDelivered(LineQuantities(request: id, quantities: [:]))),
            ]
        }
        timed += [
            (600, "zhao", nil, .requestApproved(LineQuantities(request: "R-0001", quantities: [1: 2500, 2: 300]))),
            (
                610, "li", nil,
                .allocationProposed(AllocationProposal(request: "R-0002", line: 1, lot: "L-0002", quantity: 500))
            ),
            (620, "zhao", nil, .requestApproved(LineQuantities(request: "R-0002", quantities: [1: 500]))),
            (700, "li", nil, .requestDispatched(RequestReference(request: "R-0002"))),
            (
                710, "li", nil,
                .requestSubmitted(
                    RequestSubmission(
                        id: "R-0003", recipient: "C01", neededBy: start.addingTimeInterval(6 * 3600),
                        submittedAt: start.addingTimeInterval(710),
                        lines: [RequestLine(number: 1, item: gown, unit: "件", quantity: 100)]))
            ),
            (760, "zhao", "与 R-0002 重复", .requestRejected(RequestReference(request: "R-0003"))),
        ]
        let base = recorded()
        return base
            + timed.enumerated().map { index, entry in
                RecordedEvent(
                    sequence: Int64(base.count + index + 1), time: start.addingTimeInterval(entry.0), actor: entry.1,
                    reason: entry.2, event: entry.3)
            }
    }

    /// The ledger folded from `movedRecorded()`.
    static func movedLedger() throws -> Ledger {
        var ledger = Ledger()
        try ledger.apply(all: movedRecorded())
        return ledger
    }

    /// A state for an approver at `now` with the moved day's journal loaded.
    static func movedState(_ language: Language = .zh) -> AppState {
        var state = state(language)
        state.journal = movedRecorded()
        return state
    }
}
