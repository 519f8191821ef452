import Testing

@testable import DayClearRouting

@Suite("Clarke–Wright savings")
struct SavingsTests {
    /// Customers 1 and 2 sit together east of the depot and 3 north: s(1,2) = 10 + 12 − 2 = 20,
    /// s(2,3) = 12 + 10 − 15.6 = 6.4, s(1,3) = 10 + 10 − 14.1 = 5.9. With room for two per run,
    /// the largest saving merges 1 and 2 first, and 3 can then join neither.
    @Test func largestSavingMergesFirst() throws {
        let problem = try planeProblem([(0, 0), (10, 0), (12, 0), (0, 10)], capacity: 2)
        let runs = SavingsConstruction.runs(for: problem)
        #expect(normalised(runs) == [[1, 2], [3]])
    }

    /// With room for three, the next saving (2,3) extends the run from its end at 2.
    @Test func laterSavingExtendsAtTheRunsEnd() throws {
        let problem = try planeProblem([(0, 0), (10, 0), (12, 0), (0, 10)], capacity: 3)
        let runs = SavingsConstruction.runs(for: problem)
        #expect(normalised(runs) == [[1, 2, 3]])
    }

    /// A pair whose merged load exceeds the capacity is never merged.
    @Test func capacityIsRespected() throws {
        let problem = try planeProblem(
            [(0, 0), (10, 0), (11, 0), (12, 0)], capacity: 5, demands: [0, 3, 3, 2])
        let runs = SavingsConstruction.runs(for: problem)
        #expect(runs.allSatisfy { problem.load(of: $0) <= 5 })
        #expect(normalised(runs) == [[1], [2, 3]])
    }
}
