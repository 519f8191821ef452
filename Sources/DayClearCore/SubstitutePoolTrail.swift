/// Which substitute pool produced each substitute piece and outcome, so that a piece is explained by
/// its own pool's outcome when a line draws on several substitutes.
struct SubstitutePoolTrail {
    private var poolOfPiece: [Int: Int] = [:]
    private var outcomeOfDemandInPool: [DemandInPool: Int] = [:]

    private struct DemandInPool: Hashable {
        var demand: Int
        var pool: Int
    }

    mutating func record(pool: Int, pieces: Range<Int>, outcomes: Range<Int>, of all: [PlanningPool.Outcome]) {
        for piece in pieces { poolOfPiece[piece] = pool }
        for outcome in outcomes {
            outcomeOfDemandInPool[DemandInPool(demand: all[outcome].demand, pool: pool)] = outcome
        }
    }

    func pool(ofPiece piece: Int) -> Int { poolOfPiece[piece] ?? -1 }

    func outcome(of demand: Int, pool: Int) -> Int? { outcomeOfDemandInPool[DemandInPool(demand: demand, pool: pool)] }
}
