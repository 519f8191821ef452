import Foundation

/// Symmetric distances between the nodes of a routing problem; node 0 is the depot.
public struct DistanceMatrix: Equatable, Sendable {
    /// How many nodes, the depot included.
    public let count: Int
    private var values: [Double]

    /// Distances computed by `distance(i, j)` for every pair.
    public init(count: Int, distance: (Int, Int) -> Double) {
        self.count = count
        values = [Double](repeating: 0, count: count * count)
        for i in 0..<count {
            for j in (i + 1)..<max(i + 1, count) {
                let d = distance(i, j)
                values[i * count + j] = d
                values[j * count + i] = d
            }
        }
    }

    /// Great-circle distances in metres between `points`; the first is the depot.
    public init(coordinates points: [Coordinate]) {
        self.init(count: points.count) { points[$0].metres(to: points[$1]) }
    }

    /// Euclidean distances rounded to the nearest integer, as TSPLIB's EUC_2D defines them.
    public init(euclidean points: [(x: Double, y: Double)]) {
        self.init(count: points.count) { i, j in
            let dx = points[i].x - points[j].x
            let dy = points[i].y - points[j].y
            return (dx * dx + dy * dy).squareRoot().rounded()
        }
    }

    @inline(__always)
    public subscript(i: Int, j: Int) -> Double { values[i * count + j] }
}
