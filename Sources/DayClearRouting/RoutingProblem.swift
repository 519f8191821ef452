/// A capacitated vehicle routing problem: runs leave the depot (node 0), visit customers and
/// return, and the demand on one run never exceeds the capacity.
public struct RoutingProblem: Sendable {
    public let distances: DistanceMatrix
    /// The demand of every node; the depot's is 0.
    public let demands: [Int]
    public let capacity: Int

    /// Checks that each customer fits one vehicle; demands and capacity are non-negative.
    public init(distances: DistanceMatrix, demands: [Int], capacity: Int) throws(RoutingError) {
        guard demands.count == distances.count, !demands.isEmpty else {
            throw .mismatchedSizes(nodes: distances.count, demands: demands.count)
        }
        guard capacity > 0 else { throw .nonPositiveCapacity(capacity) }
        for node in 1..<demands.count {
            guard demands[node] >= 0 else { throw .negativeDemand(node: node, demand: demands[node]) }
            guard demands[node] <= capacity else {
                throw .demandOverCapacity(node: node, demand: demands[node], capacity: capacity)
            }
        }
        self.distances = distances
        self.demands = demands
        self.capacity = capacity
    }

    /// The customers, 1 through the last node.
    public var customers: Range<Int> { 1..<demands.count }

    /// The length of a run through `stops`, from the depot and back.
    public func length(of stops: [Int]) -> Double {
        var total = 0.0
        var previous = 0
        for stop in stops {
            total += distances[previous, stop]
            previous = stop
        }
        return total + distances[previous, 0]
    }

    /// The demand carried on a run through `stops`.
    public func load(of stops: [Int]) -> Int {
        stops.reduce(0) { $0 + demands[$1] }
    }
}
