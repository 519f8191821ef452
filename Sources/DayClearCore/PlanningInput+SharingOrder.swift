import Foundation

/// The order in which a pool's lines are shared: tier by tier for the default rule, tie order for pro-rata and
/// equal awards, (tier, needed-by, submission) for strict priority. Members are put in that order as they are
/// gathered, so planning a pool reads them in sequence and sorts nothing.
extension PlanningRule {
    /// How many groups of a pool's members are shared one after another: each tier for the default rule, all the
    /// lines at once for the others.
    var groupCount: Int { self == .default ? Tier.allCases.count : 1 }

    /// The group a line of `tier` is shared in.
    func group(of tier: Tier) -> Int { self == .default ? tier.rawValue - 1 : 0 }
}

extension PlanningInput {
    /// `members`, given in tie order, in the groups and the order `rule` shares them in.
    func sharingGroups(_ members: [PoolMember], rule: PlanningRule) -> [[PoolMember]] {
        var groups = Array(repeating: [PoolMember](), count: rule.groupCount)
        for member in members { groups[rule.group(of: member.tier)].append(member) }
        return rule == .strictPriority ? groups.map(strictOrder) : groups
    }

    /// Strict priority's order of `members`, given in tie order: tier, needed-by, submission, then tie order.
    func strictOrder(_ members: [PoolMember]) -> [PoolMember] {
        let submitted = members.map { lines.withLine(at: demands[$0.demand].entry) { $0.pointee.submittedAt } }
        return members.indices.sorted {
            (members[$0].tier, members[$0].neededBy, submitted[$0], members[$0].demand)
                < (members[$1].tier, members[$1].neededBy, submitted[$1], members[$1].demand)
        }.map { members[$0] }
    }
}
