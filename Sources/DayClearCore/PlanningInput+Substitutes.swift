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
        for (index, demand) in demands.enumerated() {
            let mine = ledger.substitutions[demand.request]?.filter { $0.line == demand.line } ?? []
            if !mine.isEmpty { allowed[index] = mine }
        }
        // In tie order, as in every pool.
        let candidates = allowed.keys.sorted()
        for pool in pools.indices {
            let spec = pools[pool]
            let lines = candidates.filter { index in
                guard allowed[index]?.contains(where: { $0.item == spec.item }) == true else { return false }
                return spec.owner == nil || spec.owner == demands[index].recipient
            }
            guard !lines.isEmpty else { continue }
            pools.append(
                PoolSpec(
                    source: .substitute, item: spec.item, owner: spec.owner, supplies: spec.supplies, demands: lines))
        }
        substitutes = allowed
    }

    /// The allowance behind a substitute pool's award to one line.
    func substitution(for demand: Int, pool: Int) -> Substitution? {
        substitutes[demand]?.first { $0.item == pools[pool].item }
    }
}
