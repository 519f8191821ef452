import DayClearCore
import Foundation

extension ScreenRows {
    /// The same-day clear rate of `day`, for the routes screen's gauge and the day-end screen's last
    /// seven days: from the day's balances alone, not the whole day-end report.
    ///
    /// Remembered per ledger and day, and kept while the events since cannot move the day's
    /// balances, which count the lots arrived and the units dispatched before the day's end.
    static func clearRate(_ ledger: Ledger, day: CivilDate) -> Double? {
        let make = { DayEndReport.clearRate(of: DayEndReport.disclosure(ledger: ledger, day: day)) }
        return clearRateMemo.value(
            ledger, day, make: make,
            update: { rate, events in
                let end = ledger.calendar.window(of: day).end
                if events.contains(where: { movesBalances($0, before: end, in: ledger) }) { rate = make() }
            })
    }

    /// Whether `event` may change the balances of a day ending at `end`: a new calendar, a lot's
    /// registration, receipt or valuation, or anything about a request with units dispatched before
    /// `end` (read in `ledger`, the ledger after the event).
    private static func movesBalances(_ event: DomainEvent, before end: Date, in ledger: Ledger) -> Bool {
        switch event {
        case .calendarConfigured, .lotRegistered, .lotReceived, .lotValued: return true
        case .recipientRegistered, .shuttleRunsPlanned, .roleGranted, .roleRevoked, .serverGroupNamed: return false
        case .requestSubmitted, .requestResubmitted, .allocationProposed, .substitutionAllowed, .substitutionRevoked,
            .requestApproved, .requestReturned, .requestRejected, .requestCancelled, .requestDispatched,
            .requestDelivered, .paperworkCompleted:
            guard let request = event.requestID else { return true }
            return ledger.allocations(of: request).contains { ($0.dispatchedAt.map { $0 < end }) ?? false }
        }
    }

    private static let clearRateMemo = LedgerMemo<CivilDate, Double?>(capacity: 16)
}
