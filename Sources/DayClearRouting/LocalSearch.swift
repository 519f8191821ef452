/// Improves runs by local moves until none shortens them: 2-opt within a run, relocating a
/// customer or a chain of up to three (Or-opt) within or between runs, swapping two customers
/// of different runs, and exchanging the tails of two runs (2-opt*). Every move keeps each
/// run within the capacity.
public struct LocalSearch {
    /// A move must shorten the runs by more than this to count, so rounding never loops.
    static let tolerance = 1e-7

    let problem: RoutingProblem
    /// The runs as they stand; an emptied run is dropped at the end.
    var runs: [[Int]]
    var loads: [Int]

    public init(problem: RoutingProblem, runs: [[Int]]) {
        self.problem = problem
        self.runs = runs
        loads = runs.map(problem.load(of:))
    }

    /// Applies improving moves until none is left, and returns the runs.
    public static func improve(_ runs: [[Int]], for problem: RoutingProblem) -> [[Int]] {
        var search = LocalSearch(problem: problem, runs: runs)
        search.run()
        return search.runs
    }

    /// One operator at a time, each applying its best move, until a full round finds none.
    mutating func run() {
        var improved = true
        while improved {
            improved = false
            while twoOpt() { improved = true }
            while relocateChain() { improved = true }
            while swap() { improved = true }
            while exchangeTails() { improved = true }
        }
        runs.removeAll { $0.isEmpty }
    }

    /// The node before position `index` of run `run` (the depot before the first).
    @inline(__always)
    func node(_ run: Int, _ index: Int) -> Int {
        index < 0 || index >= runs[run].count ? 0 : runs[run][index]
    }

    @inline(__always)
    func d(_ i: Int, _ j: Int) -> Double { problem.distances[i, j] }
}
