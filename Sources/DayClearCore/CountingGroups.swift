/// Indices grouped by a small key in one counting pass, keeping the order they were given in within each
/// group: the stable bucket sort the planner uses to put lines in arrival-class order without comparing.
struct CountingGroups {
    /// The indices, group by group.
    private var order: [Int]
    /// Group `k` is `order[bounds[k]..<bounds[k + 1]]`.
    private var bounds: [Int]

    /// Groups `indices` (a collection, read twice) by `key`, which lies in `0..<keyCount`.
    init<C: Collection>(_ indices: C, keyCount: Int, key: (Int) -> Int) where C.Element == Int {
        bounds = Array(repeating: 0, count: keyCount + 1)
        for index in indices { bounds[key(index) + 1] += 1 }
        for k in 0..<keyCount { bounds[k + 1] += bounds[k] }
        order = Array(repeating: 0, count: bounds[keyCount])
        var next = bounds
        for index in indices {
            let k = key(index)
            order[next[k]] = index
            next[k] += 1
        }
    }

    /// The indices of group `k`, in the order given.
    subscript(k: Int) -> ArraySlice<Int> { order[bounds[k]..<bounds[k + 1]] }

    /// Whether group `k` has no index.
    func isEmpty(_ k: Int) -> Bool { bounds[k] == bounds[k + 1] }
}
