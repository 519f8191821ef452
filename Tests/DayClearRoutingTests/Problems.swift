@testable import DayClearRouting

/// A problem on points of the plane with exact (unrounded) Euclidean distances; the first
/// point is the depot, and every customer demands `demand` unless `demands` says otherwise.
func planeProblem(
    _ points: [(Double, Double)], capacity: Int, demand: Int = 1, demands: [Int]? = nil
) throws -> RoutingProblem {
    let matrix = DistanceMatrix(count: points.count) { i, j in
        let dx = points[i].0 - points[j].0
        let dy = points[i].1 - points[j].1
        return (dx * dx + dy * dy).squareRoot()
    }
    let all = demands ?? [0] + [Int](repeating: demand, count: points.count - 1)
    return try RoutingProblem(distances: matrix, demands: all, capacity: capacity)
}

/// Runs compared without regard to the direction each is driven or their order.
func normalised(_ runs: [[Int]]) -> Set<[Int]> {
    Set(
        runs.map { run in
            let backwards = Array(run.reversed())
            return backwards.lexicographicallyPrecedes(run) ? backwards : run
        })
}
