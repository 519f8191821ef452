import DayClearCore

/// A screen's rows in ascending order of a sort key made once per row, so that when events change a
/// few requests their rows can be taken out and put back in one pass over the others instead of
/// collecting and sorting every request again.
struct OrderedRows<Row: Sendable, Order: Comparable & Sendable>: Sendable {
    /// The rows, in order.
    private(set) var rows: [Row] = []
    /// Each row's sort key; `orders[i]` belongs to `rows[i]`.
    private var orders: [Order] = []

    /// The rows of `pairs`, sorted by their keys.
    init(_ pairs: [(order: Order, row: Row)]) {
        let sorted = pairs.indices.sorted { pairs[$0].order < pairs[$1].order }
        rows.reserveCapacity(pairs.count)
        orders.reserveCapacity(pairs.count)
        for index in sorted {
            rows.append(pairs[index].row)
            orders.append(pairs[index].order)
        }
    }

    /// Rows already in the order of their keys.
    init(sorted pairs: [(order: Order, row: Row)]) {
        rows = pairs.map(\.row)
        orders = pairs.map(\.order)
    }

    /// The positions of the rows whose keys lie in `bounds`.
    func positions(in bounds: ClosedRange<Order>) -> Range<Int> {
        partitionPoint(orders) { $0 >= bounds.lowerBound }..<partitionPoint(orders) { $0 > bounds.upperBound }
    }

    /// Takes out the rows `isReplaced` picks and puts `added` each in its place.
    mutating func replace(where isReplaced: (Row) -> Bool, with added: [(order: Order, row: Row)]) {
        var removed: [Range<Int>] = []
        for position in rows.indices where isReplaced(rows[position]) {
            if let last = removed.last, last.upperBound == position {
                removed[removed.count - 1] = last.lowerBound..<(position + 1)
            } else {
                removed.append(position..<(position + 1))
            }
        }
        replace(removed, with: added)
    }

    /// Takes out the rows at `removed` (ranges in ascending order, not overlapping) and puts `added`
    /// each in its place: a few changes in place, each moving the rows after it in memory, and many
    /// in one pass that copies every row once.
    mutating func replace(_ removed: [Range<Int>], with added: [(order: Order, row: Row)]) {
        guard removed.count + added.count <= 64 else {
            self = replacing(removed, with: added)
            return
        }
        for range in removed.reversed() {
            rows.removeSubrange(range)
            orders.removeSubrange(range)
        }
        for (order, row) in added {
            let position = partitionPoint(orders) { $0 > order }
            rows.insert(row, at: position)
            orders.insert(order, at: position)
        }
    }

    /// These rows without those at `removed` (ranges in ascending order, not overlapping), and with
    /// `added` each in its place.
    private func replacing(_ removed: [Range<Int>], with added: [(order: Order, row: Row)]) -> OrderedRows {
        var range = 0
        return merged(with: added) { position in
            while range < removed.count, removed[range].upperBound <= position { range += 1 }
            return range < removed.count && removed[range].contains(position)
        }
    }

    /// One pass over the rows: those `isRemoved` picks by position left out, `added` merged in.
    private func merged(with added: [(order: Order, row: Row)], isRemoved: (Int) -> Bool) -> OrderedRows {
        let incoming = added.indices.sorted { added[$0].order < added[$1].order }
        var result = OrderedRows([])
        result.rows.reserveCapacity(rows.count + added.count)
        result.orders.reserveCapacity(rows.count + added.count)
        var next = 0
        for position in rows.indices where !isRemoved(position) {
            while next < incoming.count, added[incoming[next]].order < orders[position] {
                result.rows.append(added[incoming[next]].row)
                result.orders.append(added[incoming[next]].order)
                next += 1
            }
            result.rows.append(rows[position])
            result.orders.append(orders[position])
        }
        for index in incoming[next...] {
            result.rows.append(added[index].row)
            result.orders.append(added[index].order)
        }
        return result
    }
}
