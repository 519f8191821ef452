/// A capacitated vehicle routing instance read from a TSPLIB file (as CVRPLIB publishes them).
public struct CVRPInstance: Sendable {
    public var name: String
    public var capacity: Int
    /// The depot's node number as the file gives it.
    public var depot: Int
    /// Every node by its file number: coordinates and demand.
    public var nodes: [Int: (x: Double, y: Double, demand: Int)]

    /// The node numbers in problem order: the depot first, then the customers in file order.
    public var nodeNumbers: [Int] {
        [depot] + nodes.keys.filter { $0 != depot }.sorted()
    }

    /// The routing problem, with EUC_2D distances rounded to the nearest integer as TSPLIB
    /// defines them; index k of the problem is node `nodeNumbers[k]`.
    public func problem() throws(RoutingError) -> RoutingProblem {
        let order = nodeNumbers
        let points = order.map { nodes[$0].map { (x: $0.x, y: $0.y) } ?? (x: 0, y: 0) }
        let demands = order.enumerated().map { $0.offset == 0 ? 0 : nodes[$0.element]?.demand ?? 0 }
        return try RoutingProblem(distances: DistanceMatrix(euclidean: points), demands: demands, capacity: capacity)
    }
}
