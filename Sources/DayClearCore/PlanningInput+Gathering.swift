import Foundation

/// Gathering the day's demands from the open lines, on two threads for a large day: each reads one stretch of the
/// lines in tie order, and the second stretch's demands are numbered on after the first's when they are joined.
extension PlanningInput {
    /// Where each line may draw: each kind+spec's open pool (or -1) and each recipient's directed pools by kind+spec,
    /// both by their numbers in the ledger.
    struct PoolIndex: Sendable {
        var openPool: [Int]
        /// Empty when no lot is directed.
        var directedPools: [[(item: Int, pool: Int)]]
    }

    /// The demands of a stretch of lines, numbered from 0, and each pool's members from it, group by group.
    struct Gathered: Sendable {
        var demands: [Demand] = []
        var needs: [Int] = []
        var members: [[[PoolMember]]]

        /// The demands of the lines in `part` with units still to propose and submitted before `end`, in tie order,
        /// each added to the pools it may draw on, in the group `rule` shares it in.
        init(
            _ part: OpenLines.Ordered.Part, of lines: OpenLines.Ordered, end: Date, pools: PoolIndex, poolCount: Int,
            rule: PlanningRule
        ) {
            members = Array(repeating: Array(repeating: [], count: rule.groupCount), count: poolCount)
            let capacity = part.settled.count + part.recent.count
            demands.reserveCapacity(capacity)
            needs.reserveCapacity(capacity)
            lines.forEachInPlace(in: part) { entry, line in
                let (asked, proposed) = (line.pointee.asked, line.pointee.proposed)
                guard asked > proposed, line.pointee.submittedAt < end else { return }
                let demand = demands.count
                let tier = line.pointee.tier
                demands.append(Demand(entry: entry, tier: tier))
                needs.append(asked - proposed)
                let group = rule.group(of: tier)
                var member = PoolMember(
                    demand: demand, neededBy: line.pointee.neededBy, asked: asked, need: asked - proposed, tier: tier)
                // The kind+spec's number, not its strings: reading these would cost a cache miss per line.
                let item = line.pointee.itemNumber
                guard pools.openPool.indices.contains(item) else { return }
                if pools.directedPools.indices.contains(line.pointee.recipientNumber),
                    let pool = pools.directedPools[line.pointee.recipientNumber].first(where: { $0.item == item })?.pool
                {
                    members[pool][group].append(member)
                    member.mayBeServed = true
                }
                if pools.openPool[item] >= 0 { members[pools.openPool[item]][group].append(member) }
            }
        }

        /// The demands of this stretch followed by those of the next one, numbered on.
        mutating func join(_ next: Gathered) {
            let offset = demands.count
            demands += next.demands
            needs += next.needs
            for pool in members.indices {
                for group in members[pool].indices {
                    members[pool][group] += next.members[pool][group].lazy.map { member in
                        var member = member
                        member.demand += offset
                        return member
                    }
                }
            }
        }
    }

    /// The open lines with units still to propose, in tie order, each added to the pools it may draw on, in the
    /// group and order `rule` shares it in; from `twoThreadsFrom` lines on, half of them on a second thread.
    mutating func gatherDemands(end: Date, pools index: PoolIndex, rule: PlanningRule, twoThreadsFrom: Int) {
        let (lines, poolCount) = (self.lines, pools.count)
        var gathered: Gathered
        if lines.settled.count + lines.recent.count >= twoThreadsFrom {
            let (first, second) = lines.halves
            let rest: Gathered
            (gathered, rest) = concurrently(
                { Gathered(first, of: lines, end: end, pools: index, poolCount: poolCount, rule: rule) },
                { Gathered(second, of: lines, end: end, pools: index, poolCount: poolCount, rule: rule) })
            gathered.join(rest)
        } else {
            gathered = Gathered(lines.whole, of: lines, end: end, pools: index, poolCount: poolCount, rule: rule)
        }
        demands = gathered.demands
        needs = gathered.needs
        for pool in pools.indices {
            pools[pool].members = gathered.members[pool]
            if rule == .strictPriority { pools[pool].members[0] = strictOrder(pools[pool].members[0]) }
        }
    }
}
