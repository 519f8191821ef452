import DayClearCore

// MARK: - Allowing or revoking a substitute spec from the group screen

/// Submits the `s` prompt: `LINE=SPEC` (e.g. `1=KN95`) allows that spec of the line's kind for the
/// line; `-LINE=SPEC` revokes that allowance. The ledger checks the rest (a registered spec, another
/// than the line's own; a revoke only of an allowance that exists and is not in use).
func submitSubstitute(_ text: String, request id: RequestID, state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    guard let request = ledger.requests[id], request.state.awaitsDecision else {
        state.modal = nil
        state.status = .error(language.pick("\(id) 已不在队列中", "\(id) is no longer in the queue"))
        return []
    }
    var typed = text.trimmingCharacters(in: .whitespaces)
    let revoking = typed.hasPrefix("-")
    if revoking { typed.removeFirst() }
    let parts = typed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, let number = Int(parts[0]), number > 0, !parts[1].isEmpty else {
        state.status = .error(
            language.pick(
                "请按“行=规格”填写（撤销写“-行=规格”），例如 1=KN95",
                "Type LINE=SPEC (or -LINE=SPEC to revoke), for example 1=KN95"))
        return []
    }
    guard let line = request.line(number) else {
        state.status = .error(language.pick("\(id) 没有第 \(number) 行", "\(id) has no line \(number)"))
        return []
    }
    state.modal = nil
    let spec = parts[1]
    let allowance = SubstitutionAllowance(request: id, line: number, spec: spec)
    if revoking {
        return [
            .record(
                reason: nil, events: [.substitutionRevoked(allowance)],
                success: language.pick(
                    "已撤销 \(id) 第 \(number) 行（\(line.item)）用 \(spec) 替代的许可",
                    "Revoked \(spec) for \(id) line \(number) (\(line.item))"))
        ]
    }
    return [
        .record(
            reason: nil,
            events: [.substitutionAllowed(allowance)],
            success: language.pick(
                "已允许 \(id) 第 \(number) 行（\(line.item)）用 \(spec) 替代",
                "Allowed \(spec) for \(id) line \(number) (\(line.item))"))
    ]
}
