/// Solves a capacitated vehicle routing problem: savings constructions under several
/// weightings, each improved by local search, the shortest kept.
///
/// Deterministic: the same problem always gives the same runs.
public struct RoutingSolver: Sendable {
    /// The savings weightings tried.
    public var parameters: [SavingsParameters]

    /// λ from 0.1 to 2.0 in steps of 0.1, each with μ of 0, 0.5 and 1.
    public static let defaultParameters: [SavingsParameters] = (1...20).flatMap { step in
        [0.0, 0.5, 1.0].map { SavingsParameters(lambda: Double(step) / 10, mu: $0) }
    }

    public init(parameters: [SavingsParameters] = RoutingSolver.defaultParameters) {
        self.parameters = parameters.isEmpty ? [.classic] : parameters
    }

    /// Up to this many customers every weighting is tried; beyond, fewer (see `weightings(for:)`).
    public static let fullSearchCustomers = 50

    /// The weightings tried for `customers` customers: all of them up to `fullSearchCustomers`,
    /// else an evenly spread subset shrinking with the square of the size (at least three), so
    /// that a day of a few hundred stops is still routed in well under a second.
    public func weightings(for customers: Int) -> [SavingsParameters] {
        guard customers > Self.fullSearchCustomers else { return parameters }
        let ratio = Double(Self.fullSearchCustomers) / Double(customers)
        let budget = max(3, Int(Double(parameters.count) * ratio * ratio))
        guard budget < parameters.count else { return parameters }
        return (0..<budget).map { parameters[$0 * parameters.count / budget] }
    }

    /// The best solution found; ties go to fewer runs, then to the earlier weighting.
    public func solve(_ problem: RoutingProblem) -> RoutingSolution {
        var best: RoutingSolution?
        var seen: Set<[[Int]]> = []
        for weighting in weightings(for: problem.customers.count) {
            let start = SavingsConstruction.runs(for: problem, parameters: weighting)
            guard seen.insert(start).inserted else { continue }
            let solution = RoutingSolution(runs: LocalSearch.improve(start, for: problem), problem: problem)
            if let current = best, !solution.isBetter(than: current) { continue }
            best = solution
        }
        return best ?? RoutingSolution(runs: [], problem: problem)
    }
}
