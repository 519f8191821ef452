import Foundation

extension Ledger {
    /// Every rule broken anywhere in the ledger, as sentences; empty when all hold.
    public func invariantViolations() -> [String] {
        invariantViolations(lots: lots.keys)
    }

    /// The rules broken around some lots: their counters, their allocations and
    /// the request lines those allocations serve.
    ///
    /// For each lot 0 ≤ proposed, approved, dispatched and their sum is at most
    /// the quantity; each counter equals the sum over the lot's allocations in
    /// that status; a directed lot goes only to its recipient; an allocation's
    /// lot holds the item of its line or a substitute a supervisor allowed for it; no line is allocated beyond its quantity.
    public func invariantViolations(lots ids: some Sequence<LotID>) -> [String] {
        var problems: [String] = []
        var lines: Set<LineKey> = []
        for id in Set(ids).sorted() {
            guard let lot = lots[id] else { continue }
            let mine = allocations(of: id)
            problems += counterViolations(of: lot, mine)
            for allocation in mine {
                problems += allocationViolations(allocation, of: lot)
                lines.insert(LineKey(request: allocation.request, line: allocation.line))
            }
        }
        for key in lines.sorted(by: { ($0.request, $0.line) < ($1.request, $1.line) }) {
            guard let line = requests[key.request]?.line(key.line) else { continue }
            let active = allocations(of: key.request).filter { $0.line == key.line }.reduce(0) {
                $0 + $1.activeQuantity
            }
            if active > line.quantity {
                problems.append(
                    "\(key.request) line \(key.line): \(active) allocated, more than the \(line.quantity) asked for")
            }
        }
        return problems
    }

    private struct LineKey: Hashable {
        var request: RequestID
        var line: Int
    }

    private func counterViolations(of lot: Lot, _ mine: [Allocation]) -> [String] {
        var problems: [String] = []
        let counters = [("proposed", lot.proposed), ("approved", lot.approved), ("dispatched", lot.dispatched)]
        for (name, value) in counters where value < 0 {
            problems.append("lot \(lot.id): \(name) is negative (\(value))")
        }
        let (sum, overflow) = lot.proposed.addingReportingOverflow(lot.approved)
        let (total, overflow2) = sum.addingReportingOverflow(lot.dispatched)
        if overflow || overflow2 || total > lot.quantity {
            problems.append(
                "lot \(lot.id): proposed \(lot.proposed) + approved \(lot.approved) + dispatched \(lot.dispatched) exceeds its quantity \(lot.quantity)"
            )
        }
        for ((name, value), status) in zip(counters, [Allocation.Status.proposed, .approved, .dispatched]) {
            let expected = mine.filter { $0.status == status }.reduce(0) { $0 &+ $1.activeQuantity }
            if value != expected {
                problems.append("lot \(lot.id): \(name) is \(value) but its \(name) allocations add up to \(expected)")
            }
        }
        return problems
    }

    private func allocationViolations(_ allocation: Allocation, of lot: Lot) -> [String] {
        guard let request = requests[allocation.request] else {
            return ["allocation \(allocation.id) of lot \(lot.id) names the unknown request \(allocation.request)"]
        }
        var problems: [String] = []
        if let owner = lot.designatedRecipient, request.recipient != owner {
            problems.append(
                "directed lot \(lot.id) is allocated to \(request.id) of \(request.recipient), not to \(owner)")
        }
        if let line = request.line(allocation.line) {
            if !wasAllowed(lot.item, for: request.id, line: line) {
                problems.append(
                    "allocation \(allocation.id): lot \(lot.id) holds \(lot.item) but \(request.id) line \(line.number) asks for \(line.item)"
                )
            }
        } else if allocation.status != .released {
            problems.append(
                "allocation \(allocation.id) is \(allocation.status) for line \(allocation.line), which \(request.id) does not have"
            )
        }
        return problems
    }
}
