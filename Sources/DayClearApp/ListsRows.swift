import DayClearCore
import Foundation

/// The day's two lists (`DayLists`), kept up to date event by event: the goods are listed again when
/// a lot's figures moved (a thousand lots), and only the request lines of the requests the events
/// concern are looked at again.
struct ListsRows: Sendable {
    /// The goods, by kind+spec, then arrival or ETA, then lot.
    private(set) var stock: [DayLists.StockRow]
    /// The request lines, by tier, then submission, then request id, each request's lines in order.
    var requests: [DayLists.RequestRow] { ordered.rows }

    private var ordered: OrderedRows<DayLists.RequestRow, ListOrder>
    private let day: CivilDate

    /// The lists of `day` as the ledger stands at `now`.
    init(_ ledger: Ledger, day: CivilDate, now: Date) {
        self.day = day
        let lists = DayLists(ledger: ledger, day: day, now: now)
        stock = lists.stock
        ordered = OrderedRows(sorted: Self.ordered(lists.requests))
    }

    /// Brings the lists from the ledger before `events` to `ledger`, the ledger after them, at `now`.
    mutating func update(by events: ArraySlice<DomainEvent>, in ledger: Ledger, now: Date) {
        let changes = LedgerChanges(events, in: ledger)
        guard !changes.everything else {
            self = ListsRows(ledger, day: day, now: now)
            return
        }
        if !changes.lots.isEmpty { stock = DayLists.stockRows(ledger: ledger, day: day) }
        guard !changes.requests.isEmpty else { return }
        let changed = Array(changes.requests)
        let added = DayLists.requestRows(
            of: changed.compactMap { ledger.requests[$0] }, ledger: ledger, day: day, now: now)
        ordered.replace(
            where: { row in
                // Usually one request: comparing a few ids is cheaper than hashing every row's.
                changed.count <= 8 ? changed.contains(row.request) : changes.requests.contains(row.request)
            }, with: Self.ordered(added))
    }

    /// Each row with its place; a request's rows are its lines in order, one after another.
    private static func ordered(_ rows: [DayLists.RequestRow]) -> [(order: ListOrder, row: DayLists.RequestRow)] {
        var result: [(order: ListOrder, row: DayLists.RequestRow)] = []
        result.reserveCapacity(rows.count)
        var id = NaturalOrder("")
        for (index, row) in rows.enumerated() {
            let first = index == 0 || rows[index - 1].request != row.request
            if first { id = NaturalOrder(row.request.rawValue) }
            let previous = result.last?.order.line ?? 0
            result.append(
                (
                    ListOrder(
                        tier: row.tier.rawValue, submittedAt: row.submittedAt.timeIntervalSinceReferenceDate, id: id,
                        line: first ? 0 : previous + 1), row
                ))
        }
        return result
    }
}

/// A request line's place on the list: tier, submission, request id in natural order, then the
/// line's position in its request.
private struct ListOrder: Comparable, Sendable {
    var tier: Int
    var submittedAt: Double
    var id: NaturalOrder
    var line: Int

    static func < (lhs: ListOrder, rhs: ListOrder) -> Bool {
        if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
        if lhs.submittedAt != rhs.submittedAt { return lhs.submittedAt < rhs.submittedAt }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.line < rhs.line
    }
}
