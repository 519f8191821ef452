import DayClearCore

/// One row of the routes screen: a request line's approved units leaving by one route class.
///
/// A line fed by several lots shows once per route class, with its lots listed together.
struct RouteRow: Sendable, Equatable {
    /// How the units leave: point-to-point or the postal shuttle.
    var route: RouteClass
    /// The request the line belongs to.
    var request: Request
    /// The request line.
    var line: RequestLine
    /// The lots feeding the line by this route class, in allocation order.
    var lots: [LotID]
    /// The approved units of those lots.
    var approved: Int

    /// The rows `allocations` make, each with its place in the screen's order (point-to-point first,
    /// then by request and line): one row per route class, request and line of an approved or
    /// dispatched request, its lots in the order of `allocations`; kept when the filter matches the
    /// request or one of the lots.
    static func rows(
        of allocations: some Sequence<Allocation>, in ledger: Ledger, filter: String
    ) -> [(order: RouteOrder, row: RouteRow)] {
        var rows: [RouteRow] = []
        var index: [RowKey: Int] = [:]
        for allocation in allocations where allocation.status == .approved || allocation.status == .dispatched {
            guard let request = ledger.requests[allocation.request],
                request.state == .approved || request.state == .dispatched,
                let line = request.line(allocation.line)
            else { continue }
            let route = ledger.routeClass(of: allocation)
            let key = RowKey(route: route, request: request.id, line: line.number)
            if let existing = index[key] {
                rows[existing].lots.append(allocation.lot)
                rows[existing].approved += allocation.approvedQuantity ?? 0
            } else {
                index[key] = rows.count
                rows.append(
                    RouteRow(
                        route: route, request: request, line: line, lots: [allocation.lot],
                        approved: allocation.approvedQuantity ?? 0))
            }
        }
        if let textFilter = TextFilter(filter) {
            rows = rows.filter { $0.matches(textFilter, ledger) }
        }
        return rows.map { (RouteOrder($0), $0) }
    }

    /// Whether the filter is in the request's id, recipient or goods, or in one of the lots.
    private func matches(_ filter: TextFilter, _ ledger: Ledger) -> Bool {
        let name = ledger.recipients[request.recipient]?.name ?? ""
        return filter.matches(
            [request.id.rawValue, request.recipient.rawValue, name, line.item.kind, line.item.spec]
                + lots.map(\.rawValue))
    }

    /// One row per route class, request and line.
    private struct RowKey: Hashable {
        var route: RouteClass
        var request: RequestID
        var line: Int
    }
}

/// A routes row's place: point-to-point first, then by request (natural order, as `RequestID`
/// sorts, compared by a key made once per row) and line.
struct RouteOrder: Comparable, Sendable {
    var route: Int
    var request: NaturalOrder
    var line: Int

    init(_ row: RouteRow) {
        self.init(route: row.route, request: NaturalOrder(row.request.id.rawValue), line: row.line.number)
    }

    init(route: RouteClass, request: NaturalOrder, line: Int) {
        self.route = RouteClass.allCases.firstIndex(of: route) ?? 0
        self.request = request
        self.line = line
    }

    static func < (lhs: RouteOrder, rhs: RouteOrder) -> Bool {
        if lhs.route != rhs.route { return lhs.route < rhs.route }
        if lhs.request != rhs.request { return lhs.request < rhs.request }
        return lhs.line < rhs.line
    }
}
