import Testing

@testable import DayClearRouting

@Suite("Local search moves")
struct LocalSearchTests {
    /// Depot at a square's corner, customers at the other three taken in an order whose second
    /// leg crosses the first: 2-opt reverses the middle and the run becomes the perimeter.
    @Test func twoOptUncrossesARun() throws {
        let problem = try planeProblem([(0, 0), (0, 10), (10, 0), (10, 10)], capacity: 3)
        var search = LocalSearch(problem: problem, runs: [[1, 2, 3]])
        let before = problem.length(of: [1, 2, 3])
        let uncrossed = search.twoOpt()
        #expect(uncrossed)
        #expect(normalised(search.runs) == [[1, 3, 2]])
        #expect(problem.length(of: search.runs[0]) < before)
        #expect(abs(problem.length(of: search.runs[0]) - 40) < 1e-9)
        let uncrossedAgain = search.twoOpt()
        #expect(!uncrossedAgain)
    }

    /// A lone customer right beside another run's customer moves into that run when it fits.
    @Test func relocateJoinsANearbyRun() throws {
        let problem = try planeProblem([(0, 0), (10, 0), (10, 1)], capacity: 2)
        var search = LocalSearch(problem: problem, runs: [[1], [2]])
        let relocated = search.relocateChain()
        #expect(relocated)
        search.runs.removeAll { $0.isEmpty }
        #expect(normalised(search.runs) == [[1, 2]])
        #expect(search.loads.filter { $0 > 0 } == [2])
    }

    /// The same move is refused when the receiving run has no room.
    @Test func relocateRespectsCapacity() throws {
        let problem = try planeProblem([(0, 0), (10, 0), (10, 1)], capacity: 1)
        var search = LocalSearch(problem: problem, runs: [[1], [2]])
        let relocated = search.relocateChain()
        #expect(!relocated)
    }

    /// Two full runs each holding one customer of the other's cluster: no relocation fits,
    /// swapping the two strays gives each run its own cluster.
    @Test func swapExchangesStrays() throws {
        let problem = try planeProblem([(0, 0), (100, 0), (101, 0), (-100, 0), (-101, 0)], capacity: 2)
        var search = LocalSearch(problem: problem, runs: [[1, 3], [4, 2]])
        let before = search.runs.reduce(0) { $0 + problem.length(of: $1) }
        let relocated = search.relocateChain()
        #expect(!relocated)
        let swapped = search.swap()
        #expect(swapped)
        #expect(normalised(search.runs) == [[1, 2], [3, 4]])
        let after = search.runs.reduce(0) { $0 + problem.length(of: $1) }
        #expect(after < before)
    }

    /// Exchanging tails joins the east half of one run with the east half of the other.
    @Test func tailExchangeRegroups() throws {
        // Run A: north-west then north-east; run B: south-west then south-east (capacity 2).
        let problem = try planeProblem([(0, 0), (-10, 10), (10, 10), (-10, -10), (10, -10)], capacity: 2)
        var search = LocalSearch(problem: problem, runs: [[1, 4], [3, 2]])
        let exchanged = search.exchangeTails()
        #expect(exchanged)
        let cost = search.runs.reduce(0) { $0 + problem.length(of: $1) }
        #expect(cost < problem.length(of: [1, 4]) + problem.length(of: [3, 2]))
        #expect(search.runs.allSatisfy { problem.load(of: $0) <= 2 })
    }

    /// The full search never lengthens the savings runs.
    @Test func improveNeverLengthens() throws {
        let problem = try planeProblem(
            [(0, 0), (5, 9), (-3, 7), (8, -2), (-6, -6), (2, 3), (9, 9), (-8, 1), (1, -9)], capacity: 3)
        let start = SavingsConstruction.runs(for: problem)
        let improved = LocalSearch.improve(start, for: problem)
        let startCost = start.reduce(0) { $0 + problem.length(of: $1) }
        let improvedCost = improved.reduce(0) { $0 + problem.length(of: $1) }
        #expect(improvedCost <= startCost + 1e-9)
        #expect(improved.flatMap { $0 }.sorted() == Array(1...8))
    }
}
