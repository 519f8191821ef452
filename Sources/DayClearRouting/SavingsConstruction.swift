/// The weights of the savings formula s(i, j) = d(0,i) + d(0,j) − λ·d(i,j) + μ·|d(0,i) − d(0,j)|.
///
/// λ = 1, μ = 0 is Clarke and Wright's original; λ shapes how much a long link between two
/// customers counts against merging them (Gaskell 1967, Yellow 1970), μ favours pairing
/// customers at unlike distances from the depot (Paessens 1988).
public struct SavingsParameters: Equatable, Hashable, Sendable {
    public var lambda: Double
    public var mu: Double

    public init(lambda: Double, mu: Double = 0) {
        self.lambda = lambda
        self.mu = mu
    }

    /// The original formula.
    public static let classic = SavingsParameters(lambda: 1)
}

/// Clarke and Wright's savings construction, parallel version: every customer starts on its
/// own run, and pairs are taken by decreasing saving; a pair merges two runs when both are at
/// an end of different runs and the merged load fits a vehicle.
public enum SavingsConstruction {
    public static func runs(for problem: RoutingProblem, parameters: SavingsParameters = .classic) -> [[Int]] {
        let d = problem.distances
        let customers = Array(problem.customers)
        var pairs: [(saving: Double, i: Int, j: Int)] = []
        pairs.reserveCapacity(customers.count * (customers.count - 1) / 2)
        for i in customers {
            for j in customers where j > i {
                let saving =
                    d[0, i] + d[0, j] - parameters.lambda * d[i, j] + parameters.mu * abs(d[0, i] - d[0, j])
                if saving > 0 { pairs.append((saving, i, j)) }
            }
        }
        pairs.sort { ($1.saving, $0.i, $0.j) < ($0.saving, $1.i, $1.j) }

        var runs = customers.map { [$0] }
        var loads = customers.map { problem.demands[$0] }
        var runOf = [Int](repeating: -1, count: problem.demands.count)
        for (index, customer) in customers.enumerated() { runOf[customer] = index }

        for pair in pairs {
            let a = runOf[pair.i]
            let b = runOf[pair.j]
            guard a != b, loads[a] + loads[b] <= problem.capacity else { continue }
            let first = runs[a]
            let second = runs[b]
            let merged: [Int]
            switch (first.last == pair.i, first.first == pair.i, second.first == pair.j, second.last == pair.j) {
            case (true, _, true, _): merged = first + second
            case (true, _, _, true): merged = first + second.reversed()
            case (_, true, true, _): merged = first.reversed() + second
            case (_, true, _, true): merged = second + first
            default: continue  // one of the two is inside its run
            }
            runs[a] = merged
            loads[a] += loads[b]
            runs[b] = []
            loads[b] = 0
            for customer in second { runOf[customer] = a }
        }
        return runs.filter { !$0.isEmpty }
    }
}
