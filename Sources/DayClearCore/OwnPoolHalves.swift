/// The pools of the lines' own kinds+specs, planned on two threads.
///
/// Each of these pools holds the lots and lines of one kind+spec, and a line's pools (its directed one, then the
/// open one) are all of its own kind+spec, so pools of different kinds+specs share no line and no lot: split by
/// kind+spec, each half can be planned on its own. Within a half the pools keep their planning order, so every
/// line gets the same awards, and its pieces in the same order, as when all pools are planned one after another.
/// The substitute pools, which draw on what every own pool left, are planned after both halves.
struct OwnPoolHalves {
    /// Pool indices of each half, each in planning order.
    let here: [Int]
    let other: [Int]

    /// Splits the own pools (`pools`, a prefix of the input's pools) so that each half has about as many members:
    /// each kind+spec, heaviest first, goes to the lighter half.
    init(_ pools: Range<Int>, of input: PlanningInput) {
        var weight: [Int: Int] = [:]
        for index in pools {
            weight[input.pools[index].itemNumber, default: 0] += input.pools[index].members.reduce(0) { $0 + $1.count }
        }
        var load = (here: 0, other: 0)
        var goesHere: Set<Int> = []
        for (item, members) in weight.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            if load.here <= load.other {
                goesHere.insert(item)
                load.here += members
            } else {
                load.other += members
            }
        }
        here = pools.filter { goesHere.contains(input.pools[$0].itemNumber) }
        other = pools.filter { !goesHere.contains(input.pools[$0].itemNumber) }
    }

    /// Plans both halves, one on a second thread, and gathers their awards into `input`, `pieces` and `outcomes` as
    /// planning the pools one after another would have left them, but for the order of pieces and outcomes of
    /// different lines (every line's own stay in order, which is all a plan reads of them).
    func allocate(
        into input: inout PlanningInput, rule: PlanningRule, explained: Bool, pieces: inout [PlanningPool.Piece],
        outcomes: inout [PlanningPool.Outcome]
    ) {
        let shared = input
        let other = self.other
        let (_, theirs) = concurrently(
            {
                for pool in here {
                    PlanningPool.allocate(
                        input.pools[pool], rule: rule, explained: explained, needs: &input.needs,
                        supplies: &input.supplies, pieces: &pieces, outcomes: &outcomes)
                }
            },
            { Self.allocate(other, of: shared, rule: rule, explained: explained) })
        for pool in other {
            for group in input.pools[pool].members {
                for member in group { input.needs[member.demand] = theirs.needs[member.demand] }
            }
            for supply in input.pools[pool].supplies { input.supplies[supply] = theirs.supplies[supply] }
        }
        pieces += theirs.pieces
        outcomes += theirs.outcomes
    }

    /// What planning some pools left: the needs and supplies (those of the pools' lines and lots are the ones that
    /// changed) and the pieces and outcomes made.
    private struct Planned: Sendable {
        var needs: [Int]
        var supplies: [Supply]
        var pieces: [PlanningPool.Piece] = []
        var outcomes: [PlanningPool.Outcome] = []
    }

    /// Plans `pools` in order on copies of the input's needs and supplies.
    private static func allocate(_ pools: [Int], of input: PlanningInput, rule: PlanningRule, explained: Bool)
        -> Planned
    {
        var planned = Planned(needs: input.needs, supplies: input.supplies)
        for pool in pools {
            PlanningPool.allocate(
                input.pools[pool], rule: rule, explained: explained, needs: &planned.needs,
                supplies: &planned.supplies, pieces: &planned.pieces, outcomes: &planned.outcomes)
        }
        return planned
    }
}
