import Foundation

/// Substitutes (替代规格): after every pool of the lines' own kinds+specs, each pool is planned once
/// more for the lines a supervisor allowed to take its kind+spec instead of their own.
///
/// The substitute pools hold the same lots as the own-spec pools, so they offer only what those left.
/// They keep the own pools' order (directed pools first, then open ones, kind+spec by kind+spec) and
/// a line joins a directed substitute pool only when the lots are directed to its recipient.
extension PlanningInput {
    mutating func addSubstitutePools(_ ledger: Ledger) {
        guard !ledger.substitutions.isEmpty else { return }
        var allowed: [Int: [Substitution]] = [:]
        // A request's lines are consecutive demands, so each request is looked up once.
        var request: RequestID?
        var ofRequest: [Substitution] = []
        for (index, demand) in demands.enumerated() {
            let (id, number) = lines.withLine(at: demand.entry) { ($0.pointee.request, $0.pointee.number) }
            if id != request {
                request = id
                ofRequest = ledger.substitutions[id] ?? []
            }
            guard !ofRequest.isEmpty else { continue }
            let mine = ofRequest.filter { $0.line == number && $0.isActive }
            if !mine.isEmpty { allowed[index] = mine }
        }
        guard !allowed.isEmpty else { return }
        // The lines allowed each kind+spec, in tie order as in every pool, and the same by recipient for the
        // directed pools (each recipient read once, not once per directed pool).
        var candidates: [ItemKey: [Int]] = [:]
        var byRecipient: [ItemKey: [RecipientID: [Int]]] = [:]
        for index in allowed.keys.sorted() {
            let recipient = lines.withLine(at: demands[index].entry) { $0.pointee.recipient }
            for substitution in allowed[index] ?? [] {
                candidates[substitution.item, default: []].append(index)
                byRecipient[substitution.item, default: [:]][recipient, default: []].append(index)
            }
        }
        for pool in pools.indices {
            let spec = pools[pool]
            let lines = spec.owner.map { byRecipient[spec.item]?[$0] ?? [] } ?? candidates[spec.item] ?? []
            guard !lines.isEmpty else { continue }
            let members = lines.map { demand in
                let open = self.lines[demands[demand].entry]
                return PoolMember(
                    demand: demand, tier: open.tier, neededBy: open.neededBy, submittedAt: open.submittedAt,
                    asked: open.asked)
            }
            pools.append(
                PoolSpec(
                    source: .substitute, item: spec.item, owner: spec.owner, supplies: spec.supplies, members: members))
        }
        substitutes = allowed
    }

    /// The allowance behind a substitute pool's award to one line.
    func substitution(for demand: Int, pool: Int) -> Substitution? {
        substitutes[demand]?.first { $0.item == pools[pool].item }
    }
}
