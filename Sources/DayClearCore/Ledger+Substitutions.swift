import Foundation

extension Ledger {
    /// Records a supervisor's allowance after checking it names an open line and a real, different spec
    /// of the line's kind counted in the same unit.
    mutating func allow(_ allowance: SubstitutionAllowance, _ context: EventContext) throws {
        let request = try existingRequest(allowance.request)
        guard request.state.awaitsDecision else {
            throw DomainError.substitutionRefused(
                request.id, line: allowance.line, .notAwaitingDecision(request.state))
        }
        guard let line = request.line(allowance.line) else { throw DomainError.unknownLine(request.id, allowance.line) }
        try requireText(allowance.spec, "\(request.id) line \(line.number) substitute spec")
        let item = ItemKey(kind: line.item.kind, spec: allowance.spec)
        guard item != line.item else {
            throw DomainError.substitutionRefused(
                request.id, line: line.number, .ownSpec(allowance.spec))
        }
        guard let unit = itemUnits[item] else {
            throw DomainError.unknownItem(item, knownSpecs: knownSpecs(of: item.kind))
        }
        if let ownUnit = itemUnits[line.item], ownUnit != unit {
            throw DomainError.unitMismatch(item, expected: ownUnit, got: unit)
        }
        if substitute(item, for: request.id, line: line.number) != nil {
            throw DomainError.duplicate("substitution of \(item) for \(request.id) line \(line.number)")
        }
        substitutions[request.id, default: []].append(
            Substitution(line: line.number, item: item, allowedBy: context.actor, allowedAt: context.time))
    }

    /// Takes an allowance back: only one in force, and only while nothing of that spec is proposed
    /// for the line (return the request first), so an approval never takes a revoked substitute.
    mutating func revoke(_ allowance: SubstitutionAllowance, _ context: EventContext) throws {
        let request = try existingRequest(allowance.request)
        guard let line = request.line(allowance.line) else { throw DomainError.unknownLine(request.id, allowance.line) }
        let item = ItemKey(kind: line.item.kind, spec: allowance.spec)
        guard
            let position = substitutions[request.id]?.firstIndex(where: {
                $0.line == line.number && $0.item == item && $0.isActive
            })
        else {
            throw DomainError.substitutionRefused(
                request.id, line: line.number, .noneToRevoke(allowance.spec))
        }
        let proposed = allocations(of: request.id).filter {
            $0.line == line.number && $0.status == .proposed && lots[$0.lot]?.item == item
        }.reduce(0) { $0 + $1.proposedQuantity }
        guard proposed == 0 else {
            throw DomainError.substitutionRefused(
                request.id, line: line.number, .stillProposed(spec: allowance.spec, quantity: proposed))
        }
        substitutions[request.id]?[position].revokedBy = context.actor
        substitutions[request.id]?[position].revokedAt = context.time
    }

    /// The allowance in force that lets `item` fill a line, if a supervisor gave one.
    public func substitute(_ item: ItemKey, for request: RequestID, line: Int) -> Substitution? {
        substitutions[request]?.first { $0.line == line && $0.item == item && $0.isActive }
    }

    /// The substitutes in force for one line, in the order they were allowed.
    public func substitutes(for request: RequestID, line: Int) -> [Substitution] {
        substitutions[request]?.filter { $0.line == line && $0.isActive } ?? []
    }

    /// Whether lots of `item` may fill the line: its own kind+spec, or one a supervisor allowed for it.
    func mayFill(_ line: RequestLine, of request: RequestID, with item: ItemKey) -> Bool {
        item == line.item || substitute(item, for: request, line: line.number) != nil
    }

    /// Whether `item` was ever allowed for the line: what an allocation made then needs to stay valid.
    func wasAllowed(_ item: ItemKey, for request: RequestID, line: RequestLine) -> Bool {
        item == line.item || substitutions[request]?.contains { $0.line == line.number && $0.item == item } == true
    }

    /// After a resubmission, keeps only the allowances of lines that still ask for the same item.
    mutating func keepSubstitutions(of request: RequestID, oldLines: [RequestLine], newLines: [RequestLine]) {
        guard let allowed = substitutions[request] else { return }
        let kept = allowed.filter { allowance in
            let old = oldLines.first { $0.number == allowance.line }
            let new = newLines.first { $0.number == allowance.line }
            return old != nil && old?.item == new?.item
        }
        substitutions[request] = kept.isEmpty ? nil : kept
    }
}
