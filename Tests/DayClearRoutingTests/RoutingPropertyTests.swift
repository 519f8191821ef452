import Foundation
import SeededRandom
import Testing

@testable import DayClearRouting

@Suite("Routing on random instances")
struct RoutingPropertyTests {
    /// A random instance: 2 to 40 customers on a 100 × 100 square with rounded distances,
    /// demands 1 to 30 and a capacity of 30 to 120.
    static func randomProblem(seed: UInt64) throws -> RoutingProblem {
        var random = SplitMix64(seed: seed)
        let count = Int.random(in: 3...41, using: &random)
        let points = (0..<count).map { _ in
            (x: Double.random(in: 0...100, using: &random), y: Double.random(in: 0...100, using: &random))
        }
        let capacity = Int.random(in: 30...120, using: &random)
        let demands = [0] + (1..<count).map { _ in Int.random(in: 1...30, using: &random) }
        return try RoutingProblem(distances: DistanceMatrix(euclidean: points), demands: demands, capacity: capacity)
    }

    @Test(arguments: 1...30)
    func everyCustomerOnceWithinCapacity(seed: Int) throws {
        let problem = try Self.randomProblem(seed: UInt64(seed))
        let solution = RoutingSolver().solve(problem)
        #expect(solution.runs.flatMap { $0 }.sorted() == Array(problem.customers))
        #expect(solution.runs.allSatisfy { !$0.isEmpty && problem.load(of: $0) <= problem.capacity })
        var recomputed = 0.0
        for run in solution.runs {
            var previous = 0
            for stop in run + [0] {
                recomputed += problem.distances[previous, stop]
                previous = stop
            }
        }
        #expect(abs(recomputed - solution.cost) < 1e-9)
        let classic = SavingsConstruction.runs(for: problem)
        #expect(solution.cost <= classic.reduce(0) { $0 + problem.length(of: $1) } + 1e-9)
    }

    @Test func noCustomersNoRuns() throws {
        let problem = try RoutingProblem(
            distances: DistanceMatrix(euclidean: [(x: 0, y: 0)]), demands: [0], capacity: 1)
        #expect(RoutingSolver().solve(problem).runs.isEmpty)
    }

    @Test func aCustomerLargerThanAVehicleIsRefused() {
        #expect(throws: RoutingError.demandOverCapacity(node: 2, demand: 9, capacity: 8)) {
            try RoutingProblem(
                distances: DistanceMatrix(euclidean: [(x: 0, y: 0), (x: 1, y: 0), (x: 2, y: 0)]),
                demands: [0, 3, 9], capacity: 8)
        }
    }

    /// Hangzhou's West Lake to Hangzhou East station is about 8.1 km as the crow flies.
    @Test func greatCircleDistance() {
        let westLake = Coordinate(latitude: 30.2431, longitude: 120.1500)
        let eastStation = Coordinate(latitude: 30.2910, longitude: 120.2132)
        let metres = westLake.metres(to: eastStation)
        #expect(metres > 8_000 && metres < 8_200)
        #expect(abs(metres - eastStation.metres(to: westLake)) < 1e-6)
        // One degree of latitude along a meridian is about 111.2 km.
        let degree = Coordinate(latitude: 0, longitude: 0).metres(to: Coordinate(latitude: 1, longitude: 0))
        #expect(abs(degree - 111_195) < 5)
    }

    /// Large problems try fewer weightings, spread over the whole grid; small ones try all.
    @Test func largeProblemsTryASpreadSubset() {
        let solver = RoutingSolver()
        #expect(solver.weightings(for: 50) == RoutingSolver.defaultParameters)
        let hundred = solver.weightings(for: 100)
        #expect(hundred.count == 15)
        #expect(Set(hundred).isSubset(of: Set(RoutingSolver.defaultParameters)))
        #expect(hundred.first == RoutingSolver.defaultParameters.first)
        #expect((hundred.map(\.lambda).max() ?? 0) >= 1.9)
        #expect(solver.weightings(for: 1000).count == 3)
    }
}
