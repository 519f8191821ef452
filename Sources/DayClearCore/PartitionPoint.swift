/// The first index where `isAfter` holds, for a predicate false then true along the array: a
/// binary search shared by the planner, the open lines, the ledger's history and the TUI's rows.
public func partitionPoint<T>(_ array: [T], _ isAfter: (T) -> Bool) -> Int {
    var low = 0
    var high = array.count
    while low < high {
        let middle = (low + high) / 2
        if isAfter(array[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
}
