import DayClearCore
import DayClearRouting
import Foundation

@testable import DayClearApp

/// A small day: two recipients, three lots (one directed), one proposed and one submitted request.
enum Fixture {
    static let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    /// 2026-02-10 15:00 in Shanghai.
    static let start = Date(timeIntervalSince1970: 1_770_706_800)
    /// Five and a half minutes after the last request came in.
    static let now = start.addingTimeInterval(13 * 60 + 30)

    static let n95 = ItemKey(kind: "口罩", spec: "医用防护N95")
    static let gown = ItemKey(kind: "防护服", spec: "医用一次性L")

    /// The ledger folded from the fixture's events.
    static func ledger(proposing: Bool = true) throws -> Ledger {
        var ledger = Ledger()
        try ledger.apply(all: recorded(proposing: proposing))
        return ledger
    }

    /// The fixture's events as the store records them: by wang, one second apart from `start`.
    static func recorded(proposing: Bool = true) -> [RecordedEvent] {
        var events: [DomainEvent] = [
            .calendarConfigured(CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: 16 * 60)),
            .recipientRegistered(
                Recipient(
                    id: "H01", name: "杭州市西溪医院", tier: .frontLineHospital, latitude: 30.27, longitude: 120.08,
                    contact: "王医生")),
            .recipientRegistered(
                Recipient(
                    id: "C01", name: "翠苑社区卡口", tier: .community, latitude: 30.29, longitude: 120.12,
                    contact: "李主任")),
            .lotRegistered(
                LotRegistration(
                    id: "L-0001", item: n95, unit: "只", quantity: 2000, packSize: 100, donor: "旅意华侨华人联合会",
                    status: .arrived(at: start.addingTimeInterval(-3600)), designatedRecipient: "H01")),
            .lotRegistered(
                LotRegistration(
                    id: "L-0002", item: n95, unit: "只", quantity: 1500, packSize: 100, donor: "匿名",
                    status: .arrived(at: start.addingTimeInterval(-3600)))),
            .lotRegistered(
                LotRegistration(
                    id: "L-0003", item: gown, unit: "件", quantity: 400, packSize: 20, donor: "浙江钱塘纺织",
                    status: .arrived(at: start.addingTimeInterval(-3600)))),
            .requestSubmitted(
                RequestSubmission(
                    id: "R-0001", recipient: "H01", neededBy: start.addingTimeInterval(6 * 3600), submittedAt: start,
                    lines: [
                        RequestLine(number: 1, item: n95, unit: "只", quantity: 3000),
                        RequestLine(number: 2, item: gown, unit: "件", quantity: 300),
                    ])),
            .requestSubmitted(
                RequestSubmission(
                    id: "R-0002", recipient: "C01", neededBy: start.addingTimeInterval(6 * 3600),
                    submittedAt: start.addingTimeInterval(8 * 60),
                    lines: [RequestLine(number: 1, item: n95, unit: "只", quantity: 500)])),
        ]
        if proposing {
            events += [
                .allocationProposed(AllocationProposal(request: "R-0001", line: 1, lot: "L-0001", quantity: 2000)),
                .allocationProposed(AllocationProposal(request: "R-0001", line: 1, lot: "L-0002", quantity: 500)),
                .allocationProposed(AllocationProposal(request: "R-0001", line: 2, lot: "L-0003", quantity: 300)),
            ]
        }
        return events.enumerated().map { index, event in
            RecordedEvent(
                sequence: Int64(index + 1), time: start.addingTimeInterval(Double(index)), actor: "wang", reason: nil,
                event: event)
        }
    }

    /// A fresh state for an approver, at `now`.
    static func state(_ language: Language = .zh) -> AppState {
        var state = AppState(language: language, user: "wang", roles: [.approver], now: now)
        state.shuttleConfiguration = .success(shuttle)
        return state
    }

    /// The postal shuttle: a centre in Hangzhou, one van of 9,000 L making two runs and one of
    /// 3,000 L; a pack of N95 masks takes 12 L, a pack of gowns 60 L.
    static let shuttle = ShuttleConfiguration(
        centreName: "救灾物资储备中心", centre: Coordinate(latitude: 30.2742, longitude: 120.1551),
        fleet: [
            Vehicle(id: "Y01", name: "邮政专车 1", capacityMillilitres: 9_000_000, runsPerDay: 2),
            Vehicle(id: "Y02", name: "邮政专车 2", capacityMillilitres: 3_000_000),
        ], packVolumes: [n95: 12_000, gown: 60_000])
}
