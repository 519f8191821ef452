/// Supply and use of one pool by arrival class.
///
/// Class 0 holds the arrived lots; class k > 0 the lots expected at the k-th
/// distinct ETA. A line of class c may draw on every class up to c, so a plan is
/// assignable to lots exactly when, for every k, the lines of class ≤ k use no
/// more than the lots of class ≤ k hold (Hall's condition for nested choices).
struct PrefixCapacity {
    /// Units held by the lots of class ≤ k.
    private(set) var supply: [Int]
    /// Units awarded to the lines of class ≤ k.
    private(set) var used: [Int]

    init(supplyByClass: [Int]) {
        var running = 0
        supply = supplyByClass.map { units in
            running += units
            return running
        }
        used = Array(repeating: 0, count: supplyByClass.count)
    }

    /// The most a line of class `c` can still be given.
    func room(from c: Int) -> Int {
        var least = Int.max
        for k in c..<supply.count { least = min(least, supply[k] - used[k]) }
        return least
    }

    /// Whether no line can be given anything more: the whole pool (the largest prefix) is used up,
    /// and every smaller prefix's room is at most the largest's.
    var isFull: Bool { supply.isEmpty || supply[supply.count - 1] <= used[used.count - 1] }

    /// Slack of every prefix, as the water-filling's capacities.
    var slack: [Double] { zip(supply, used).map { Double($0 - $1) } }

    /// Records `units` awarded to a line of class `c`.
    mutating func award(_ units: Int, to c: Int) {
        for k in c..<used.count { used[k] += units }
    }
}
