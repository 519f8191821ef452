/// Runs that together visit every customer of a problem once.
public struct RoutingSolution: Equatable, Sendable {
    /// Each run's customers in visiting order; the depot is implied at both ends.
    public var runs: [[Int]]
    /// The sum of the runs' lengths.
    public var cost: Double

    public init(runs: [[Int]], problem: RoutingProblem) {
        self.runs = runs
        cost = runs.reduce(0) { $0 + problem.length(of: $1) }
    }

    /// Shorter, or as short (to rounding) with fewer runs.
    func isBetter(than other: RoutingSolution) -> Bool {
        guard abs(cost - other.cost) <= LocalSearch.tolerance else { return cost < other.cost }
        return runs.count < other.runs.count
    }
}
