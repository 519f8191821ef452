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
        stock = Self.stockRows(ledger: ledger, day: day)
        requests = Self.requestRows(ledger, end: window.end, now: now)
    }

    /// The goods listed on `day`, in the list's order: by kind+spec, then arrival or ETA, then lot.
    public static func stockRows(ledger: Ledger, day: CivilDate) -> [StockRow] {
        let end = ledger.calendar.window(of: day).end
        let expiryHorizon = end.addingTimeInterval(Double(Self.nearExpiryDays) * 86_400)
        let rows = ledger.lots.values.filter { lot in
            if let at = lot.arrivedAt { return at < end && lot.onHand > 0 }
            if let eta = lot.eta { return eta < end }
            return false
        }.map { lot in
            StockRow(
                lot: lot.id, item: lot.item, unit: lot.unit, donor: lot.donor, onHand: lot.onHand,
                expected: lot.isArrived ? 0 : lot.quantity, eta: lot.eta, proposed: lot.proposed,
                approved: lot.approved, free: lot.free, designatedRecipient: lot.designatedRecipient,
                expiry: lot.expiry, nearExpiry: lot.expiry.map { $0 < expiryHorizon } ?? false)
        }
        // Lot ids compared by a precomputed natural-order key rather than Foundation's string compare.
        let lotKeys = rows.map { NaturalOrder($0.lot.rawValue) }
        return rows.indices.sorted { lhs, rhs in
            let left = rows[lhs]
            let right = rows[rhs]
            if left.item != right.item { return left.item < right.item }
            if left.eta != right.eta { return (left.eta ?? .distantPast) < (right.eta ?? .distantPast) }
            return lotKeys[lhs] < lotKeys[rhs]
        }.map { rows[$0] }
    }

    /// The rows the request list of `day` shows for `requests`: each listed request's lines in
    /// order, the requests in the order given (the list sorts them by tier, submission and id).
    public static func requestRows(
        of requests: some Sequence<Request>, ledger: Ledger, day: CivilDate, now: Date
    ) -> [RequestRow] {
        let end = ledger.calendar.window(of: day).end
        var rows: [RequestRow] = []
        for request in requests where isListed(request.state) && request.submittedAt < end {
            appendRows(
                of: request, recipient: ledger.recipients[request.recipient], ledger: ledger, now: now, to: &rows)
        }
        return rows
    }

    /// The request lines, by tier, then submission time, then request id (natural order). The sort
    /// keys are computed once per request and compared as plain values, and each request's
    /// allocations are summed in one pass, so 100,000 requests list in a fraction of a second.
    private static func requestRows(_ ledger: Ledger, end: Date, now: Date) -> [RequestRow] {
        let requests = ledger.requests
        var keys: [RequestKey] = []
        var positions: [Dictionary<RequestID, Request>.Index] = []
        var recipients: [Recipient?] = []
        keys.reserveCapacity(requests.count)
        positions.reserveCapacity(requests.count)
        recipients.reserveCapacity(requests.count)
        var index = requests.startIndex
        while index != requests.endIndex {
            let request = requests.values[index]
            if isListed(request.state), request.submittedAt < end {
                let recipient = ledger.recipients[request.recipient]
                let id = NaturalOrder(request.id.rawValue)
                keys.append(
                    RequestKey(
                        tier: recipient?.tier.rawValue ?? Tier.community.rawValue,
                        submittedAt: request.submittedAt.timeIntervalSinceReferenceDate, id: id.lead,
                        position: positions.count))
                positions.append(index)
                recipients.append(recipient)
            }
            requests.formIndex(after: &index)
        }
        keys.sort { lhs, rhs in
            if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
            if lhs.submittedAt != rhs.submittedAt { return lhs.submittedAt < rhs.submittedAt }
            if lhs.id != rhs.id { return lhs.id < rhs.id }
            // Only identifiers sharing their first sixteen encoded bytes get here: compare them whole.
            return NaturalOrder(requests.keys[positions[lhs.position]].rawValue)
                < NaturalOrder(requests.keys[positions[rhs.position]].rawValue)
        }
        var rows: [RequestRow] = []
        rows.reserveCapacity(keys.count * 2)
        for key in keys {
            appendRows(
                of: requests.values[positions[key.position]], recipient: recipients[key.position], ledger: ledger,
                now: now, to: &rows)
        }
        return rows
    }

    /// Appends the rows of one request's lines, in order.
    private static func appendRows(
        of request: Request, recipient: Recipient?, ledger: Ledger, now: Date, to rows: inout [RequestRow]
    ) {
        let waiting = request.state.awaitsDecision ? max(0, Int(now.timeIntervalSince(request.submittedAt) / 60)) : nil
        // A request has a few allocations: summing them per line allocates nothing, unlike a dictionary.
        let allocations = ledger.allocationIndicesByRequest[request.id] ?? []
        for line in request.lines {
            var proposed = 0
            var approved = 0
            for index in allocations where ledger.allocations[index].line == line.number {
                let allocation = ledger.allocations[index]
                if allocation.status == .proposed { proposed += allocation.proposedQuantity }
                approved += allocation.approvedQuantity ?? 0
            }
            rows.append(
                RequestRow(
                    request: request.id, recipient: request.recipient, recipientName: recipient?.name ?? "",
                    tier: recipient?.tier ?? .community, line: line.number, item: line.item,
                    unit: line.unit.isEmpty ? (ledger.itemUnits[line.item] ?? "") : line.unit,
                    asked: line.quantity, proposed: proposed, approved: approved, state: request.state,
                    submittedAt: request.submittedAt, neededBy: request.neededBy, waitingMinutes: waiting))
        }
    }

    /// Submitted, proposed, returned and approved requests are listed; dispatched and closed ones not.
    private static func isListed(_ state: RequestState) -> Bool {
        switch state {
        case .submitted, .proposed, .returned, .approved: return true
        default: return false
        }
    }

    /// A request's place on the list in plain values, so sorting moves no references.
    private struct RequestKey {
        var tier: Int
        var submittedAt: Double
        var id: NaturalOrder.Lead
        var position: Int
    }
}
