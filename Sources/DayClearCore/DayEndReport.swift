import Foundation

/// The figures of one operational day, as published (每日公示) and audited.
public struct DayEndReport: Sendable {
    /// 捐赠物资接收明细: a lot that arrived during the day.
    public struct Receipt: Equatable, Sendable {
        public var lot: LotID
        public var item: ItemKey
        public var unit: String
        public var quantity: Int
        public var donor: String
        public var designatedRecipient: RecipientID?
        public var arrivedAt: Date
        public var valuation: Valuation
    }

    /// 调拨明细: units of one lot that left for one request line during the day.
    public struct Dispatch: Equatable, Sendable {
        public var request: RequestID
        public var recipient: RecipientID
        public var recipientName: String
        public var line: Int
        /// What left: the lot's kind+spec, which is a substitute's when a supervisor allowed one for the line.
        public var item: ItemKey
        public var unit: String
        public var lot: LotID
        public var quantity: Int
        public var routeClass: RouteClass
        public var approver: String
        public var approvedAt: Date
        public var dispatchedAt: Date
        /// What the recipient confirmed for the whole line, once delivered.
        public var lineReceived: Int?
    }

    /// 每日公示: one kind+spec's balance for the day.
    public struct Disclosure: Equatable, Sendable {
        public var item: ItemKey
        public var unit: String
        public var opening: Int
        public var received: Int
        public var dispatched: Int
        public var closing: Int
        /// Units received during the day and dispatched the same day (日进日清).
        public var receivedAndCleared: Int

        /// The same-day clear rate, nil when nothing was received.
        public var clearRate: Double? { received > 0 ? Double(receivedAndCleared) / Double(received) : nil }
    }

    /// An approval whose offline paperwork is still pending.
    public struct PendingPaperwork: Equatable, Sendable {
        public var request: RequestID
        public var recipientName: String
        public var approver: String
        public var approvedAt: Date
    }

    /// Time from submission to decision, against the 10-minute target.
    public struct ApprovalTime: Equatable, Sendable {
        public var request: RequestID
        public var recipientName: String
        public var decision: RequestState
        public var decidedBy: String
        public var submittedAt: Date
        public var decidedAt: Date
        public var seconds: Int
        public var withinTarget: Bool { seconds <= DayLists.approvalTargetMinutes * 60 }
    }

    /// The same-day clear target (日进日清 over 90%).
    public static let clearTarget = 0.9

    public var day: CivilDate
    public var window: DateInterval
    public var receipts: [Receipt] = []
    public var dispatches: [Dispatch] = []
    public var disclosure: [Disclosure] = []
    public var pendingPaperwork: [PendingPaperwork] = []
    public var approvalTimes: [ApprovalTime] = []
    /// The last event folded into the ledger the report was made from.
    public var lastSequence: Int64

    /// Units received during the day and units of those cleared the same day,
    /// over every kind+spec. Each item's figures fit in an `Int` (the ledger
    /// refuses more); their sum saturates at `Int.max` rather than trap.
    public var totals: (received: Int, cleared: Int) {
        disclosure.reduce((0, 0)) { ($0.0.saturatingAdd($1.received), $0.1.saturatingAdd($1.receivedAndCleared)) }
    }

    /// Units cleared the same day over units received, across every kind+spec.
    public var clearRate: Double? { Self.clearRate(of: disclosure) }

    /// Units cleared the same day over units received, across the rows given.
    public static func clearRate(of disclosure: [Disclosure]) -> Double? {
        let received = disclosure.reduce(0.0) { $0 + Double($1.received) }
        let cleared = disclosure.reduce(0.0) { $0 + Double($1.receivedAndCleared) }
        return received > 0 ? cleared / received : nil
    }

    /// The day's balances alone (每日公示), as `disclosure` holds them: for a reader that needs only
    /// the clear rate, without the day's dispatch, paperwork and approval rows.
    public static func disclosure(ledger: Ledger, day: CivilDate) -> [Disclosure] {
        balances(ledger: ledger, window: ledger.calendar.window(of: day))
    }

    public init(ledger: Ledger, day: CivilDate) {
        let window = ledger.calendar.window(of: day)
        // The dispatch rows, the largest part at a busy day's size, are made on a second thread meanwhile.
        let (lists, dispatches) = concurrently(
            { Self.otherLists(ledger: ledger, window: window) },
            { Self.dispatches(ledger: ledger, window: window) })
        self.day = day
        self.window = window
        lastSequence = ledger.lastSequence
        receipts = lists.receipts
        self.dispatches = dispatches
        disclosure = lists.disclosure
        pendingPaperwork = lists.pendingPaperwork
        approvalTimes = lists.approvalTimes
    }

    /// Everything of the report but its dispatch rows.
    private struct OtherLists {
        var receipts: [Receipt]
        var disclosure: [Disclosure]
        var pendingPaperwork: [PendingPaperwork]
        var approvalTimes: [ApprovalTime]
    }

    private static func otherLists(ledger: Ledger, window: DateInterval) -> OtherLists {
        func inDay(_ date: Date?) -> Bool { date.map { window.start <= $0 && $0 < window.end } ?? false }

        let receipts = ledger.lots.values.filter { inDay($0.arrivedAt) }.compactMap { lot in
            lot.arrivedAt.map {
                Receipt(
                    lot: lot.id, item: lot.item, unit: lot.unit, quantity: lot.quantity, donor: lot.donor,
                    designatedRecipient: lot.designatedRecipient, arrivedAt: $0, valuation: lot.valuation)
            }
        }.sorted { ($0.arrivedAt, $0.lot) < ($1.arrivedAt, $1.lot) }

        // One pass over the requests for both lists, reading only the fields each needs (a `Request`
        // copied whole per iteration retains every one of its strings and arrays).
        var paperwork: [PendingPaperwork] = []
        var decided: [ApprovalTime] = []
        for request in ledger.requests.values {
            guard let at = request.decidedAt, at < window.end else { continue }
            let pending = request.paperwork.map { !$0.isComplete } ?? false
            let decision = inDay(at) ? Self.decision(of: request.state) : nil
            guard pending || decision != nil else { continue }
            let recipientName = ledger.recipients[request.recipient]?.name ?? ""
            let decidedBy = request.decidedBy ?? ""
            if pending {
                paperwork.append(
                    PendingPaperwork(
                        request: request.id, recipientName: recipientName, approver: decidedBy, approvedAt: at))
            }
            if let decision {
                decided.append(
                    ApprovalTime(
                        request: request.id, recipientName: recipientName, decision: decision, decidedBy: decidedBy,
                        submittedAt: request.submittedAt, decidedAt: at,
                        seconds: max(0, Int(at.timeIntervalSince(request.submittedAt)))))
            }
        }
        return OtherLists(
            receipts: receipts,
            disclosure: balances(ledger: ledger, window: window),
            pendingPaperwork: sorted(paperwork) {
                ReportOrder(time: $0.approvedAt, id: NaturalOrder($0.request.rawValue))
            },
            approvalTimes: sorted(decided) { ReportOrder(time: $0.decidedAt, id: NaturalOrder($0.request.rawValue)) })
    }

    /// The day's dispatch rows in report order: time, then request (natural order), line and lot.
    ///
    /// The day's dispatched allocations are sorted as plain words (the time and the request id's first
    /// natural-order bytes) behind their positions, and only then made into rows, in order, so the sort
    /// moves no row; each lot's item, unit and route class is looked up once.
    private static func dispatches(ledger: Ledger, window: DateInterval) -> [Dispatch] {
        struct Sent {
            var lead: ReportOrder.Lead
            var allocation: Int
        }
        // The allocations are read in the ledger's order: following each lot's indices instead reads
        // them out of order, a cache miss each.
        var sent: [Sent] = []
        for index in ledger.allocations.indices where ledger.allocations[index].status == .dispatched {
            guard let at = ledger.allocations[index].dispatchedAt, window.start <= at, at < window.end else { continue }
            let id = NaturalOrder(ledger.allocations[index].request.rawValue)
            sent.append(
                Sent(
                    lead: ReportOrder.Lead(time: at.timeIntervalSinceReferenceDate, id: id.lead),
                    allocation: index))
        }
        // Rows whose leads tie (the lines of one request sent at once, mostly) are ordered by their
        // whole keys, then by their place in the ledger, as a stable sort of the allocations would.
        func precedes(_ left: Int, _ right: Int) -> Bool {
            let (lhs, rhs) = (ledger.allocations[left], ledger.allocations[right])
            if lhs.request != rhs.request {
                return NaturalOrder(lhs.request.rawValue) < NaturalOrder(rhs.request.rawValue)
            }
            if lhs.line != rhs.line { return lhs.line < rhs.line }
            if lhs.lot != rhs.lot { return NaturalOrder(lhs.lot.rawValue) < NaturalOrder(rhs.lot.rawValue) }
            return left < right
        }
        sent.sort { $0.lead != $1.lead ? $0.lead < $1.lead : precedes($0.allocation, $1.allocation) }

        struct Source {
            var item: ItemKey
            var unit: String
            var route: RouteClass
        }
        var sources: [LotID: Source] = [:]
        var rows: [Dispatch] = []
        rows.reserveCapacity(sent.count)
        for each in sent {
            let allocation = ledger.allocations[each.allocation]
            guard let request = ledger.requests[allocation.request], let line = request.line(allocation.line),
                let dispatchedAt = allocation.dispatchedAt
            else { continue }
            var source = sources[allocation.lot]
            if source == nil, let lot = ledger.lots[allocation.lot] {
                source = Source(item: lot.item, unit: lot.unit, route: ledger.routeClass(of: allocation))
                sources[allocation.lot] = source
            }
            guard let source else { continue }
            rows.append(
                Dispatch(
                    request: request.id, recipient: request.recipient,
                    recipientName: ledger.recipients[request.recipient]?.name ?? "", line: line.number,
                    item: source.item, unit: source.unit, lot: allocation.lot,
                    quantity: allocation.approvedQuantity ?? 0, routeClass: source.route,
                    approver: request.decidedBy ?? "", approvedAt: request.decidedAt ?? dispatchedAt,
                    dispatchedAt: dispatchedAt, lineReceived: line.received))
        }
        return rows
    }

    /// `rows` ordered by a key made once per row: comparing identifiers directly goes through
    /// Foundation's numeric string comparison, which dominated a day of 100,000 dispatches. What is
    /// sorted is each row's position behind the plain words its key starts with, compared first, rather
    /// than the rows, which hold a dozen strings each.
    private static func sorted<Row>(_ rows: [Row], by key: (Row) -> ReportOrder) -> [Row] {
        let keys = rows.map(key)
        var order = keys.indices.map { (lead: keys[$0].lead, position: $0) }
        keys.withUnsafeBufferPointer { keys in
            order.sort { $0.lead != $1.lead ? $0.lead < $1.lead : keys[$0.position] < keys[$1.position] }
        }
        return order.map { rows[$0.position] }
    }

    /// The decision a request in `state` records: approved (also once dispatched or delivered), returned
    /// or rejected; nil before any decision or when cancelled.
    private static func decision(of state: RequestState) -> RequestState? {
        switch state {
        case .approved, .dispatched, .delivered: return .approved
        case .returned, .rejected: return state
        case .submitted, .proposed, .cancelled: return nil
        }
    }

    /// Opening and closing stock are each computed from the whole history, not
    /// from each other, so that `opening + received = dispatched + closing` is a
    /// real check of the ledger rather than an identity.
    private static func balances(ledger: Ledger, window: DateInterval) -> [Disclosure] {
        var rows: [ItemKey: Disclosure] = [:]
        for lot in ledger.lots.values {
            guard let arrivedAt = lot.arrivedAt, arrivedAt < window.end else { continue }
            var row =
                rows[lot.item]
                ?? Disclosure(
                    item: lot.item, unit: lot.unit, opening: 0, received: 0, dispatched: 0, closing: 0,
                    receivedAndCleared: 0)
            let arrivedToday = arrivedAt >= window.start
            if arrivedToday { row.received += lot.quantity } else { row.opening += lot.quantity }
            row.closing += lot.quantity
            for index in ledger.allocationIndicesByLot[lot.id] ?? []
            where ledger.allocations[index].status == .dispatched {
                guard let at = ledger.allocations[index].dispatchedAt, at < window.end else { continue }
                let quantity = ledger.allocations[index].approvedQuantity ?? 0
                row.closing -= quantity
                if at < window.start {
                    row.opening -= quantity
                } else {
                    row.dispatched += quantity
                    if arrivedToday { row.receivedAndCleared += quantity }
                }
            }
            rows[lot.item] = row
        }
        return rows.values.sorted { $0.item < $1.item }
    }
}

/// A report row's place: its time, then its request (natural order, as `RequestID` sorts).
private struct ReportOrder: Comparable {
    var time: Date
    var id: NaturalOrder

    /// The time and the id's first sixteen bytes of natural-order encoding: where two rows' leads
    /// differ, they are in the order of their leads.
    var lead: Lead { Lead(time: time.timeIntervalSinceReferenceDate, id: id.lead) }

    struct Lead: Comparable {
        var time: Double
        var id: NaturalOrder.Lead

        static func < (lhs: Lead, rhs: Lead) -> Bool {
            lhs.time != rhs.time ? lhs.time < rhs.time : lhs.id < rhs.id
        }
    }

    static func < (lhs: ReportOrder, rhs: ReportOrder) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        return lhs.id < rhs.id
    }
}
