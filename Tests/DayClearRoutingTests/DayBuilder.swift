import DayClearCore
import Foundation

/// A ledger built event by event for the shuttle tests: Asia/Shanghai with a 16:00 cutoff,
/// everything happening on 2026-02-10 (the operational day from 02-09 16:00 to 02-10 16:00).
struct DayBuilder {
    static let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    static let day = CivilDate(year: 2026, month: 2, day: 10)
    static let masks = ItemKey(kind: "口罩", spec: "医用外科")
    static let gowns = ItemKey(kind: "防护服", spec: "医用一次性L")

    static func at(_ hour: Int, _ minute: Int = 0, day: Int = 10) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: 2026, month: 2, day: day, hour: hour, minute: minute)) ?? Date()
    }

    private(set) var ledger = Ledger()

    init() throws {
        try record(.calendarConfigured(CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: 960)))
    }

    mutating func record(_ event: DomainEvent, at time: Date = DayBuilder.at(9)) throws {
        try ledger.apply(
            RecordedEvent(sequence: ledger.lastSequence + 1, time: time, actor: "test", reason: nil, event: event))
    }

    /// A recipient `metres` east-ish of West Lake: latitude grows by about 111 m per 0.001°.
    mutating func recipient(_ id: RecipientID, north: Double, east: Double) throws {
        try record(
            .recipientRegistered(
                Recipient(
                    id: id, name: "单位 \(id)", tier: .otherHospital, latitude: 30.25 + north, longitude: 120.15 + east,
                    contact: "")))
    }

    mutating func lot(
        _ id: LotID, _ item: ItemKey, quantity: Int, packSize: Int, directedTo: RecipientID? = nil,
        arrived: Date? = DayBuilder.at(8), eta: Date? = nil
    ) throws {
        let status: Lot.Status = arrived.map { .arrived(at: $0) } ?? .expected(eta: eta ?? DayBuilder.at(12))
        try record(
            .lotRegistered(
                LotRegistration(
                    id: id, item: item, unit: item == Self.masks ? "只" : "件", quantity: quantity, packSize: packSize,
                    donor: "捐赠方", status: status, designatedRecipient: directedTo)))
    }

    /// A one-line request for `item`, fed by the given lots and approved in full.
    mutating func approved(
        _ id: RequestID, for recipient: RecipientID, _ item: ItemKey, from lots: [(LotID, Int)]
    ) throws {
        let total = lots.reduce(0) { $0 + $1.1 }
        try record(
            .requestSubmitted(
                RequestSubmission(
                    id: id, recipient: recipient, neededBy: DayBuilder.at(18),
                    lines: [RequestLine(number: 1, item: item, unit: item == Self.masks ? "只" : "件", quantity: total)]))
        )
        for (lot, quantity) in lots {
            try record(.allocationProposed(AllocationProposal(request: id, line: 1, lot: lot, quantity: quantity)))
        }
        try record(.requestApproved(LineQuantities(request: id, quantities: [1: total])))
    }
}
