extension Ledger {
    /// Keeps the latest shuttle plan adopted for its day, after checking that it names known
    /// recipients and sensible figures.
    mutating func adopt(_ plan: ShuttleRunsPlanned) throws {
        for (index, run) in plan.runs.enumerated() {
            let name = "run \(index + 1)"
            try requireText(run.vehicle, "\(name) vehicle")
            try requirePositive(run.trip, "\(name) trip")
            guard !run.stops.isEmpty else { throw DomainError.invalid("\(name) has no stop") }
            if let unknown = run.stops.first(where: { recipients[$0] == nil }) {
                throw DomainError.unknownRecipient(unknown)
            }
            guard run.millilitres >= 0, run.metres >= 0 else {
                throw DomainError.invalidQuantity("\(name): load and length must not be negative")
            }
        }
        guard plan.dayUnits >= 0, (0...plan.dayUnits).contains(plan.clearedUnits) else {
            throw DomainError.invalidQuantity(
                "cleared units \(plan.clearedUnits) must be between 0 and the day's \(plan.dayUnits)")
        }
        shuttlePlans[plan.day] = plan
    }
}
