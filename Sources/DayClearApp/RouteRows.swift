import DayClearCore
import TerminalUI

/// The routes screen's rows for one filter, with the figures drawn about them, kept up to date
/// event by event: an approval changes the rows of its request and, when it changes who takes from
/// a lot, the route class of the lot's other requests; nothing else moves.
struct RouteRows: Sendable {
    /// The rows, point-to-point first, then by request and line.
    var rows: [RouteRow] { ordered.rows }
    /// How many requests have rows.
    var requestCount: Int { rowsByRequest.count }
    /// How many of those await dispatch (approved, not yet dispatched).
    var waitingCount: Int { waiting.count }
    /// The display width of the widest kind+spec among the rows, or nil for no rows.
    private(set) var goodsWidth: Int?

    private var ordered: OrderedRows<RouteRow, RouteOrder>
    private var rowsByRequest: [RequestID: Int] = [:]
    private var waiting: Set<RequestID> = []
    private var rowsByItem: [ItemKey: Int] = [:]
    private let filter: String

    /// The rows of every approved or dispatched allocation that `filter` keeps.
    init(_ ledger: Ledger, filter: String) {
        self.filter = filter
        let added = RouteRow.rows(of: ledger.allocations, in: ledger, filter: filter)
        ordered = OrderedRows(added)
        count(added)
    }

    /// Brings the rows from the ledger before `events` to `ledger`, the ledger after them.
    mutating func update(by events: ArraySlice<DomainEvent>, in ledger: Ledger) {
        let changes = LedgerChanges(events, in: ledger)
        guard !changes.everything else {
            self = RouteRows(ledger, filter: filter)
            return
        }
        // Each request's rows are one run per route class: found by their keys, not by looking at
        // every row. Most requests a lot's change concerns keep their rows and are left alone.
        var removed: [Range<Int>] = []
        var added: [(order: RouteOrder, row: RouteRow)] = []
        for request in changes.routeRequests(in: ledger) {
            let order = NaturalOrder(request.rawValue)
            let ranges = RouteClass.allCases.map { route in
                ordered.positions(
                    in: RouteOrder(
                        route: route, request: order, line: .min)...RouteOrder(
                            route: route, request: order, line: .max))
            }.filter { !$0.isEmpty }
            let new = RouteRow.rows(of: ledger.allocations(of: request), in: ledger, filter: filter).sorted {
                $0.order < $1.order
            }
            guard new.map(\.row) != ranges.flatMap({ ordered.rows[$0] }) else { continue }
            for range in ranges {
                for row in ordered.rows[range] { uncount(row.line.item) }
            }
            if rowsByRequest.removeValue(forKey: request) != nil { waiting.remove(request) }
            removed += ranges
            added += new
        }
        guard !removed.isEmpty || !added.isEmpty else { return }
        removed.sort { $0.lowerBound < $1.lowerBound }
        ordered.replace(removed, with: added)
        count(added)
    }

    /// Notes the requests and kinds+specs of new rows.
    private mutating func count(_ added: [(order: RouteOrder, row: RouteRow)]) {
        for (_, row) in added {
            rowsByRequest[row.request.id, default: 0] += 1
            if row.request.state == .approved { waiting.insert(row.request.id) }
            rowsByItem[row.line.item, default: 0] += 1
        }
        measureGoods()
    }

    /// Forgets one row of a kind+spec.
    private mutating func uncount(_ item: ItemKey) {
        let left = (rowsByItem[item] ?? 1) - 1
        rowsByItem[item] = left > 0 ? left : nil
    }

    /// Measured once per kind+spec, not once per row.
    private mutating func measureGoods() {
        goodsWidth = rowsByItem.keys.map { DisplayWidth.of($0.description) }.max()
    }
}
