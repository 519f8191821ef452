import DayClearCore
import Foundation

/// The requests a screen lists one per row, oldest first, for one filter, kept up to date event by
/// event: only the requests the events concern are looked at again.
struct RequestRows: Sendable {
    /// Which requests are listed, and by what time.
    enum Kind: Sendable {
        /// The approval queue: requests awaiting a decision, by submission.
        case approvalQueue
        /// Approved requests whose offline paperwork is pending, by approval.
        case paperwork

        func lists(_ request: Request) -> Bool {
            switch self {
            case .approvalQueue: request.state.awaitsDecision
            case .paperwork: request.paperwork.map { !$0.isComplete } ?? false
            }
        }

        func time(_ request: Request) -> Date {
            switch self {
            case .approvalQueue: request.submittedAt
            case .paperwork: request.decidedAt ?? request.submittedAt
            }
        }
    }

    /// The requests, oldest first, then by id in natural order (R-9 before R-10).
    var requests: [Request] { ordered.rows }
    /// How many of them have a proposal.
    private(set) var proposedCount = 0

    private var ordered: OrderedRows<Request, RequestOrder>
    private let kind: Kind
    private let filter: String

    /// The requests of `kind` that `filter` keeps.
    init(_ kind: Kind, _ ledger: Ledger, filter: String) {
        self.kind = kind
        self.filter = filter
        let added = Self.rows(kind, ledger.requests.values, ledger, filter: filter)
        ordered = OrderedRows(added)
        proposedCount = added.reduce(0) { $1.row.state == .proposed ? $0 + 1 : $0 }
    }

    /// Brings the rows from the ledger before `events` to `ledger`, the ledger after them.
    mutating func update(by events: ArraySlice<DomainEvent>, in ledger: Ledger) {
        let changes = LedgerChanges(events, in: ledger)
        guard !changes.everything else {
            self = RequestRows(kind, ledger, filter: filter)
            return
        }
        guard !changes.requests.isEmpty else { return }
        let changed = Array(changes.requests)
        var proposed = proposedCount
        let added = Self.rows(kind, changed.compactMap { ledger.requests[$0] }, ledger, filter: filter)
        ordered.replace(
            where: { request in
                // Usually one request: comparing a few ids is cheaper than hashing every row's.
                let isChanged =
                    changed.count <= 8 ? changed.contains(request.id) : changes.requests.contains(request.id)
                if isChanged && request.state == .proposed { proposed -= 1 }
                return isChanged
            }, with: added)
        proposedCount = proposed + added.reduce(0) { $1.row.state == .proposed ? $0 + 1 : $0 }
    }

    /// The rows of the requests of `kind` among `requests` that `filter` keeps.
    private static func rows(
        _ kind: Kind, _ requests: some Sequence<Request>, _ ledger: Ledger, filter: String
    ) -> [(order: RequestOrder, row: Request)] {
        let textFilter = TextFilter(filter)
        return requests.filter { request in
            kind.lists(request) && textFilter.map { matches($0, request, ledger) } ?? true
        }.map {
            (RequestOrder(time: kind.time($0), id: $0.id), $0)
        }
    }

    /// Whether a request's id, recipient or goods contain the filter text.
    private static func matches(_ filter: TextFilter, _ request: Request, _ ledger: Ledger) -> Bool {
        let name = ledger.recipients[request.recipient]?.name ?? ""
        let items = request.lines.flatMap { [$0.item.kind, $0.item.spec] }
        return filter.matches([request.id.rawValue, request.recipient.rawValue, name] + items)
    }
}
