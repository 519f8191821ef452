import Foundation

/// The two lists of a day: available and expected goods (可供调拨和预到物资清单)
/// and the dispatch requests (捐赠款物调拨清单).
public struct DayLists: Sendable {
    /// A lot on the first list.
    public struct StockRow: Equatable, Sendable {
        public var lot: LotID
        public var item: ItemKey
        public var unit: String
        public var donor: String
        public var onHand: Int
        /// The expected quantity while the lot has not arrived.
        public var expected: Int
        public var eta: Date?
        public var proposed: Int
        public var approved: Int
        public var free: Int
        public var designatedRecipient: RecipientID?
        public var expiry: Date?
        /// Expires within `DayLists.nearExpiryDays` of the day's end.
        public var nearExpiry: Bool
    }

    /// One line of a request on the second list.
    public struct RequestRow: Equatable, Sendable {
        public var request: RequestID
        public var recipient: RecipientID
        public var recipientName: String
        public var tier: Tier
        public var line: Int
        public var item: ItemKey
        public var unit: String
        public var asked: Int
        public var proposed: Int
        public var approved: Int
        public var state: RequestState
        public var submittedAt: Date
        public var neededBy: Date
        /// Minutes since submission while awaiting a decision; nil once decided.
        public var waitingMinutes: Int?
    }

    public static let nearExpiryDays = 30
    /// The 10-minute approval target (10分钟审批流程).
    public static let approvalTargetMinutes = 10

    public var day: CivilDate
    public var window: DateInterval
    public var stock: [StockRow]
    public var requests: [RequestRow]

    /// The lists for `day` as the ledger stands at `now`.
    ///
    /// Goods: arrived by the day's end and not all dispatched, plus lots expected
    /// before the day's end. Requests: submitted by the day's end and not yet
    /// dispatched or closed.
    public init(ledger: Ledger, day: CivilDate, now: Date) {
        self.day = day
        window = ledger.calendar.window(of: day)
        let end = window.end
        let expiryHorizon = end.addingTimeInterval(Double(Self.nearExpiryDays) * 86_400)
        stock = ledger.lots.values.filter { lot in
            if let at = lot.arrivedAt { return at < end && lot.onHand > 0 }
            if let eta = lot.eta { return eta < end }
            return false
        }.map { lot in
            StockRow(
                lot: lot.id, item: lot.item, unit: lot.unit, donor: lot.donor, onHand: lot.onHand,
                expected: lot.isArrived ? 0 : lot.quantity, eta: lot.eta, proposed: lot.proposed,
                approved: lot.approved, free: lot.free, designatedRecipient: lot.designatedRecipient,
                expiry: lot.expiry, nearExpiry: lot.expiry.map { $0 < expiryHorizon } ?? false)
        }.sorted { ($0.item, $0.eta ?? .distantPast, $0.lot) < ($1.item, $1.eta ?? .distantPast, $1.lot) }

        let listed: Set<RequestState> = [.submitted, .proposed, .returned, .approved]
        requests = ledger.requests.values.filter { listed.contains($0.state) && $0.submittedAt < end }
            .sorted { lhs, rhs in
                let left = ledger.recipients[lhs.recipient]?.tier ?? .community
                let right = ledger.recipients[rhs.recipient]?.tier ?? .community
                return (left, lhs.submittedAt, lhs.id) < (right, rhs.submittedAt, rhs.id)
            }
            .flatMap { request in
                let recipient = ledger.recipients[request.recipient]
                let waiting =
                    request.state.awaitsDecision
                    ? max(0, Int(now.timeIntervalSince(request.submittedAt) / 60)) : nil
                return request.lines.map { line in
                    RequestRow(
                        request: request.id, recipient: request.recipient, recipientName: recipient?.name ?? "",
                        tier: recipient?.tier ?? .community, line: line.number, item: line.item,
                        unit: line.unit.isEmpty ? (ledger.itemUnits[line.item] ?? "") : line.unit,
                        asked: line.quantity,
                        proposed: ledger.proposedQuantity(request.id, line: line.number),
                        approved: ledger.approvedQuantity(request.id, line: line.number),
                        state: request.state, submittedAt: request.submittedAt, neededBy: request.neededBy,
                        waitingMinutes: waiting)
                }
            }
    }
}
