import DayClearCore

// MARK: - Allowing a substitute spec from the group screen

/// Submits the `s` prompt, `LINE=SPEC` (e.g. `1=KN95`): the approver allows that spec of the line's
/// kind for the line. The ledger checks the rest (a registered spec, another than the line's own).
func submitSubstitute(_ text: String, request id: RequestID, state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    guard let request = ledger.requests[id], request.state.awaitsDecision else {
        state.modal = nil
        state.status = .error(language.pick("\(id) 已不在队列中", "\(id) is no longer in the queue"))
        return []
    }
    let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, let number = Int(parts[0]), !parts[1].isEmpty else {
        state.status = .error(
            language.pick("请按“行=规格”填写，例如 1=KN95", "Type LINE=SPEC, for example 1=KN95"))
        return []
    }
    guard let line = request.line(number) else {
        state.status = .error(language.pick("\(id) 没有第 \(number) 行", "\(id) has no line \(number)"))
        return []
    }
    state.modal = nil
    let spec = parts[1]
    return [
        .record(
            reason: nil,
            events: [.substitutionAllowed(SubstitutionAllowance(request: id, line: number, spec: spec))],
            success: language.pick(
                "已允许 \(id) 第 \(number) 行（\(line.item)）用 \(spec) 替代",
                "Allowed \(spec) for \(id) line \(number) (\(line.item))"))
    ]
}
