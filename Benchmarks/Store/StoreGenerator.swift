import DayClearCore
import DayClearStore
import Foundation
import SeededRandom

/// Writes a seeded, reproducible province-scale store: weeks of ordinary days (lots registered and
/// received, requests submitted, proposed, approved or returned, rejected or cancelled, dispatched,
/// delivered, paperwork completed), one surge day with `surgeDispatches` dispatches, and a last day
/// ("today") left open in every state.
///
/// Every event goes through `Ledger.apply` before it is written, and the store is written through
/// `SQLiteEventLog.append` (JSON payloads, hash chain), so the result is a store `dayclear` itself
/// could have written.
struct StoreGenerator {
    static let items: [(kind: String, unit: String, specs: [String])] = [
        ("口罩", "只", ["医用外科", "医用防护N95", "KN95", "儿童"]),
        ("防护服", "件", ["医用一次性L", "医用一次性XL", "隔离衣M", "隔离衣L"]),
        ("手套", "副", ["乳胶M", "乳胶L", "丁腈M", "丁腈L"]),
        ("护目镜", "个", ["防雾", "普通", "面屏", "全封闭"]),
        ("消毒液", "瓶", ["84 500ml", "75%酒精 500ml", "免洗 250ml", "过氧乙酸"]),
        ("体温计", "支", ["额温枪", "水银", "电子", "耳温"]),
        ("鞋套", "双", ["防水", "一次性", "加厚", "长筒"]),
        ("方便面", "箱", ["红烧", "酸菜", "香辣", "清汤"]),
    ]
    static let itemKeys: [(key: ItemKey, unit: String)] = items.flatMap { kind, unit, specs in
        specs.map { (ItemKey(kind: kind, spec: $0), unit) }
    }
    static let recipientCount = 2_000
    /// 2026-01-05 00:00 in Shanghai: the first operational day's calendar date.
    static let firstDay = Date(timeIntervalSince1970: 1_767_542_400)
    static let actors = ["wang", "li", "zhang", "chen", "zhao"]

    var events: Int
    var surgeDispatches: Int
    var random: SplitMix64
    let log: SQLiteEventLog

    private(set) var ledger = Ledger()
    private var batch: [RecordedEvent] = []
    private var lotNumber = 0
    private var requestNumber = 0

    init(log: SQLiteEventLog, events: Int, surgeDispatches: Int, seed: UInt64) {
        self.log = log
        self.events = events
        self.surgeDispatches = surgeDispatches
        random = SplitMix64(seed: seed)
    }

    /// The calendar date of day `index` (0 = the first day).
    static func date(ofDay index: Int) -> Date { firstDay.addingTimeInterval(Double(index) * 86_400) }

    /// Generates the whole store; returns the surge day's index and the number of days.
    mutating func run() throws -> (surgeDay: Int, days: Int) {
        try record(
            .calendarConfigured(CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: 16 * 60)),
            at: Self.firstDay)
        try grantRoles()
        try registerRecipients()
        // Ordinary days of 3,000 requests until what is left is about what the surge day (some 4.65
        // events per dispatch) and today (some 2.8 per request) take.
        let todayRequests = 3_000
        let reserve = surgeDispatches * 465 / 100 + todayRequests * 28 / 10
        var day = 0
        while Int(ledger.lastSequence) < events - reserve {
            try ordinaryDay(day, requests: min(3_000, max(100, (events - reserve - Int(ledger.lastSequence)) / 6)))
            day += 1
        }
        let surgeDay = day
        try surge(day, dispatches: surgeDispatches)
        day += 1
        try today(day, requests: todayRequests)
        try flush()
        return (surgeDay, day + 1)
    }

    // MARK: - Days

    /// Every role for each actor, as `dayclear init` and `dayclear roster grant` record them.
    private mutating func grantRoles() throws {
        for actor in Self.actors {
            for role in Role.allCases {
                try record(.roleGranted(RoleChange(user: actor, role: role)), at: Self.firstDay)
            }
        }
    }

    private mutating func registerRecipients() throws {
        let names = ["医院", "人民医院", "中医院", "疾控中心", "卫健局", "社区卡口", "街道", "方舱医院"]
        for index in 0..<Self.recipientCount {
            try record(
                .recipientRegistered(
                    Recipient(
                        id: Self.recipientID(index), name: "浙江省第\(index + 1)\(names[index % names.count])",
                        tier: Tier.allCases[Int(random.next() % 4)],
                        latitude: 28 + Double(random.next() % 30_000) / 10_000,
                        longitude: 118 + Double(random.next() % 30_000) / 10_000,
                        contact: "联系人\(index) 0571-\(1000 + index)")),
                at: Self.firstDay)
        }
    }

    static func recipientID(_ index: Int) -> RecipientID { RecipientID("H\(String(format: "%04d", index))") }

    /// Registers lots for the day (a tenth expected, then received); returns the usable lots per item.
    private mutating func stockDay(_ start: Date, lotsPerItem: Int) throws -> [ItemKey: [LotID]] {
        var usable: [ItemKey: [LotID]] = [:]
        var expected: [LotID] = []
        for (item, unit) in Self.itemKeys {
            for _ in 0..<lotsPerItem {
                lotNumber += 1
                let id = LotID("L-\(String(format: "%06d", lotNumber))")
                let isExpected = random.next() % 10 == 0
                let status: Lot.Status =
                    isExpected ? .expected(eta: start.addingTimeInterval(3_600)) : .arrived(at: start)
                let valuation: Valuation =
                    random.next() % 3 == 0 ? .invoiced(fen: Int(random.next() % 10_000_000)) : .pending
                try record(
                    .lotRegistered(
                        LotRegistration(
                            id: id, item: item, unit: unit, quantity: 2_000_000, packSize: 20,
                            donor: "捐赠方\(random.next() % 500)", status: status, valuation: valuation)),
                    at: start)
                if isExpected { expected.append(id) }
                usable[item, default: []].append(id)
            }
        }
        for id in expected {
            try record(.lotReceived(LotReceipt(lot: id, quantity: 2_000_000)), at: start.addingTimeInterval(1_800))
        }
        return usable
    }

    /// A request of one or two lines for a random recipient, submitted and allocated from `lots`.
    private mutating func submitAndPropose(at time: Date, lots: [ItemKey: [LotID]]) throws -> RequestID {
        requestNumber += 1
        let id = RequestID("R-\(String(format: "%07d", requestNumber))")
        let lineCount = random.next() % 10 < 7 ? 1 : 2
        var lines: [RequestLine] = []
        while lines.count < lineCount {
            let (item, unit) = Self.itemKeys[Int(random.next() % UInt64(Self.itemKeys.count))]
            if lines.contains(where: { $0.item == item }) { continue }
            lines.append(
                RequestLine(
                    number: lines.count + 1, item: item, unit: unit, quantity: 10 * (1 + Int(random.next() % 50))))
        }
        let note: String? = random.next() % 5 == 0 ? "ICU 扩容" : nil
        try record(
            .requestSubmitted(
                RequestSubmission(
                    id: id, recipient: Self.recipientID(Int(random.next() % UInt64(Self.recipientCount))),
                    neededBy: time.addingTimeInterval(6 * 3_600), submittedAt: time, lines: lines, note: note)),
            at: time)
        for line in lines {
            let candidates = lots[line.item] ?? []
            let lot = candidates[Int(random.next() % UInt64(candidates.count))]
            try record(
                .allocationProposed(
                    AllocationProposal(request: id, line: line.number, lot: lot, quantity: line.quantity)),
                at: time.addingTimeInterval(30))
        }
        return id
    }

    private mutating func approve(_ id: RequestID, at time: Date) throws {
        guard let request = ledger.requests[id] else { return }
        var quantities: [Int: Int] = [:]
        for line in request.lines { quantities[line.number] = ledger.proposedQuantity(id, line: line.number) }
        try record(.requestApproved(LineQuantities(request: id, quantities: quantities)), at: time)
    }

    /// An ordinary day: everything submitted is decided, and nearly all of it delivered the same day.
    private mutating func ordinaryDay(_ index: Int, requests: Int) throws {
        let start = Self.date(ofDay: index).addingTimeInterval(-8 * 3_600 + 1)  // 08:00 local
        let lots = try stockDay(start, lotsPerItem: 4)
        for number in 0..<requests {
            let time = start.addingTimeInterval(3_600 + 6 * 3_600 * Double(number) / Double(requests))
            let id = try submitAndPropose(at: time, lots: lots)
            let roll = random.next() % 100
            switch roll {
            case 0..<3: try record(.requestReturned(RequestReference(request: id)), at: time + 300, reason: "数量需核实")
            case 3..<5: try record(.requestRejected(RequestReference(request: id)), at: time + 300, reason: "重复申请")
            case 5..<6: try record(.requestCancelled(RequestReference(request: id)), at: time + 300)
            default:
                try approve(id, at: time + 300)
                try record(.requestDispatched(RequestReference(request: id)), at: time + 1_200)
                try record(.requestDelivered(LineQuantities(request: id, quantities: [:])), at: time + 3_600)
                try record(.paperworkCompleted(RequestReference(request: id)), at: time + 4_000)
            }
        }
    }

    /// The surge day: `dispatches` requests approved and dispatched; a third delivered.
    private mutating func surge(_ index: Int, dispatches: Int) throws {
        let start = Self.date(ofDay: index).addingTimeInterval(-8 * 3_600 + 1)
        let lots = try stockDay(start, lotsPerItem: 40)
        for number in 0..<dispatches {
            let time = start.addingTimeInterval(3_600 + 6 * 3_600 * Double(number) / Double(max(1, dispatches)))
            let id = try submitAndPropose(at: time, lots: lots)
            try approve(id, at: time + 300)
            try record(.requestDispatched(RequestReference(request: id)), at: time + 1_200)
            if number % 3 == 0 {
                try record(.requestDelivered(LineQuantities(request: id, quantities: [:])), at: time + 3_600)
            }
        }
    }

    /// Today: requests left submitted, proposed (awaiting the group), approved and dispatched.
    private mutating func today(_ index: Int, requests: Int) throws {
        let start = Self.date(ofDay: index).addingTimeInterval(-8 * 3_600 + 1)
        let lots = try stockDay(start, lotsPerItem: 4)
        for number in 0..<requests {
            let time = start.addingTimeInterval(3_600 + 5 * 3_600 * Double(number) / Double(requests))
            let id = try submitAndPropose(at: time, lots: lots)
            let roll = random.next() % 100
            if roll < 60 { continue }  // proposed, awaiting a decision
            try approve(id, at: time + 300)
            if roll < 80 { continue }
            try record(.requestDispatched(RequestReference(request: id)), at: time + 1_200)
        }
    }

    // MARK: - Recording

    private mutating func record(_ event: DomainEvent, at time: Date, reason: String? = nil) throws {
        let recorded = RecordedEvent(
            sequence: ledger.lastSequence + 1, time: time.storePrecision,
            actor: Self.actors[Int(ledger.lastSequence % Int64(Self.actors.count))], reason: reason, event: event)
        try ledger.apply(recorded)
        batch.append(recorded)
        if batch.count >= 50_000 { try flush() }
    }

    private mutating func flush() throws {
        guard let first = batch.first else { return }
        let events = batch
        try log.append(after: first.sequence - 1) { _ in events }
        batch.removeAll(keepingCapacity: true)
    }
}

extension StoreGenerator {
    /// The store a CSV import starts from: the calendar, the recipients and one day's lots.
    mutating func importBase() throws {
        try record(
            .calendarConfigured(CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: 16 * 60)),
            at: Self.firstDay)
        try grantRoles()
        try registerRecipients()
        _ = try stockDay(Self.firstDay, lotsPerItem: 4)
        try flush()
    }
}
