/// Why a routing problem cannot be solved as given.
public enum RoutingError: Error, Equatable, Sendable, CustomStringConvertible {
    case mismatchedSizes(nodes: Int, demands: Int)
    case nonPositiveCapacity(Int)
    case negativeDemand(node: Int, demand: Int)
    case demandOverCapacity(node: Int, demand: Int, capacity: Int)

    public var description: String {
        switch self {
        case .mismatchedSizes(let nodes, let demands):
            return "\(nodes) nodes but \(demands) demands"
        case .nonPositiveCapacity(let capacity):
            return "the vehicle capacity must be positive, not \(capacity)"
        case .negativeDemand(let node, let demand):
            return "node \(node) has a negative demand \(demand)"
        case .demandOverCapacity(let node, let demand, let capacity):
            return "node \(node) demands \(demand), more than a vehicle's capacity \(capacity)"
        }
    }
}
