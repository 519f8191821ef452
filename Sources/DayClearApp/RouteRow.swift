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

    /// The rows of requests approved or dispatched and not yet delivered, point-to-point first,
    /// then by request and line; kept when the filter matches the request or one of the lots.
    static func rows(in ledger: Ledger, filter: String) -> [RouteRow] {
        let order = Dictionary(uniqueKeysWithValues: RouteClass.allCases.enumerated().map { ($1, $0) })
        var rows: [RouteRow] = []
        var index: [RowKey: Int] = [:]
        for allocation in ledger.allocations where allocation.status == .approved || allocation.status == .dispatched {
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
        if TextFilter.isActive(filter) {
            rows = rows.filter { row in
                let name = ledger.recipients[row.request.recipient]?.name ?? ""
                return TextFilter.matches(
                    filter,
                    [
                        row.request.id.rawValue, row.request.recipient.rawValue, name, row.line.item.kind,
                        row.line.item.spec,
                    ]
                        + row.lots.map(\.rawValue))
            }
        }
        // Request ids compared by precomputed natural-order keys, not Foundation's string compare.
        let routes = rows.map { order[$0.route] ?? 0 }
        let ids = rows.map { NaturalOrder($0.request.id.rawValue) }
        return rows.indices.sorted { lhs, rhs in
            if routes[lhs] != routes[rhs] { return routes[lhs] < routes[rhs] }
            if ids[lhs] != ids[rhs] { return ids[lhs] < ids[rhs] }
            return rows[lhs].line.number < rows[rhs].line.number
        }.map { rows[$0] }
    }

    /// One row per route class, request and line.
    private struct RowKey: Hashable {
        var route: RouteClass
        var request: RequestID
        var line: Int
    }
}
