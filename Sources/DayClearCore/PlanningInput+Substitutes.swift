import Foundation

/// Substitutes (替代规格): after every pool of the lines' own kinds+specs, each pool is planned once
/// more for the lines a supervisor allowed to take its kind+spec instead of their own.
///
/// The substitute pools hold the same lots as the own-spec pools, so they offer only what those left.
/// They keep the own pools' order (directed pools first, then open ones, kind+spec by kind+spec) and
/// a line joins a directed substitute pool only when the lots are directed to its recipient.
extension PlanningInput {
    mutating func addSubstitutePools(_ ledger: Ledger, rule: PlanningRule) {
        guard !ledger.substitutions.isEmpty else { return }
        let allowed = allowedSubstitutes(ledger)
        guard !allowed.isEmpty else { return }
        // The lines allowed each kind+spec, in tie order as in every pool, and the same by recipient for the
        // directed pools (each recipient read once, not once per directed pool); both by the ledger's numbers.
        var candidates: [Int: [Int]] = [:]
        var byRecipient: [Int: [Int: [Int]]] = [:]
        for index in allowed.keys.sorted() {
            let recipient = lines.withLine(at: demands[index].entry) { $0.pointee.recipientNumber }
            for substitution in allowed[index] ?? [] {
                guard let item = ledger.itemNumbers[substitution.item] else { continue }
                candidates[item, default: []].append(index)
                byRecipient[item, default: [:]][recipient, default: []].append(index)
            }
        }
        for pool in pools.indices {
            let spec = pools[pool]
            let lines = spec.owner.map { byRecipient[spec.itemNumber]?[$0] ?? [] } ?? candidates[spec.itemNumber] ?? []
            guard !lines.isEmpty else { continue }
            let members = lines.map { demand in
                self.lines.withLine(at: demands[demand].entry) { open in
                    PoolMember(
                        demand: demand, neededBy: open.pointee.neededBy,
                        asked: open.pointee.asked, need: open.pointee.asked - open.pointee.proposed,
                        tier: open.pointee.tier, mayBeServed: true)
                }
            }
            pools.append(
                PoolSpec(
                    source: .substitute, item: spec.item, itemNumber: spec.itemNumber, owner: spec.owner,
                    supplies: spec.supplies, members: sharingGroups(members, rule: rule)))
        }
        substitutes = allowed
    }

    /// The active substitutions of each demand that has any, by demand index. The ledger's substitutions are put in
    /// tie order and matched with the demands in one pass, instead of looking up every demand's request.
    private func allowedSubstitutes(_ ledger: Ledger) -> [Int: [Substitution]] {
        var wanted: [(order: OpenLines.Order, substitution: Substitution)] = []
        for (id, substitutions) in ledger.substitutions {
            guard let request = ledger.requests[id], request.state.awaitsDecision else { continue }
            for substitution in substitutions where substitution.isActive {
                wanted.append((OpenLines.Order(request: request, line: substitution.line), substitution))
            }
        }
        // A stable sort: a line's substitutions stay in the order they were allowed.
        wanted.sort { $0.order < $1.order }
        var allowed: [Int: [Substitution]] = [:]
        var next = 0
        for (index, demand) in demands.enumerated() {
            guard next < wanted.count else { break }
            let order = lines.withLine(at: demand.entry) { $0.pointee.order }
            while next < wanted.count, wanted[next].order < order { next += 1 }
            while next < wanted.count, !(order < wanted[next].order) {
                allowed[index, default: []].append(wanted[next].substitution)
                next += 1
            }
        }
        return allowed
    }

    /// The allowance behind a substitute pool's award to one line.
    func substitution(for demand: Int, pool: Int) -> Substitution? {
        substitutes[demand]?.first { $0.item == pools[pool].item }
    }
}
