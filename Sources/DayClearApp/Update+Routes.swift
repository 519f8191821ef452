import DayClearCore

// MARK: - Dispatch and delivery on the routes screen

/// The request of the selected routes row, if any; a selection past the end means the last row.
func selectedRouteRequest(_ state: AppState, _ ledger: Ledger) -> Request? {
    let rows = ScreenRows.routes(ledger, filter: state.filters[.routes] ?? "").rows
    let index = min(state.selection[.routes] ?? 0, rows.count - 1)
    return rows.indices.contains(index) ? ledger.requests[rows[index].request.id] : nil
}

/// `d`: the selected request leaves the centre; every one of its lots must have arrived.
func dispatchSelected(state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    guard let request = selectedRouteRequest(state, ledger) else { return nothingSelected(&state) }
    guard request.state == .approved else {
        state.status = .error(
            language.pick(
                "\(request.id) \(stateName(request.state, language))，不能再发出",
                "\(request.id) is \(request.state.rawValue); only an approved request can be dispatched"))
        return []
    }
    let waiting = ledger.allocations(of: request.id).filter { allocation in
        allocation.status == .approved && ledger.lots[allocation.lot]?.isArrived != true
    }
    if let lot = waiting.first?.lot {
        state.status = .error(
            language.pick(
                "批次 \(lot) 尚未到货，\(request.id) 不能发出", "Lot \(lot) has not arrived; \(request.id) cannot leave yet"))
        return []
    }
    return [
        .record(
            reason: nil, events: [.requestDispatched(RequestReference(request: request.id))],
            success: language.pick("\(request.id) 已发出", "Dispatched \(request.id)"))
    ]
}

/// `v`: the selected request arrived whole; each line received what was dispatched.
func deliverSelected(state: inout AppState, ledger: Ledger) -> [Effect] {
    guard let request = selectedRouteRequest(state, ledger) else { return nothingSelected(&state) }
    guard requireDispatched(request, state: &state) else { return [] }
    return [delivery(of: request, received: [:], ledger: ledger, language: state.language)]
}

/// `V`: opens the prompt for what the recipient counted, line by line.
func askReceivedQuantities(state: inout AppState, ledger: Ledger) -> [Effect] {
    guard let request = selectedRouteRequest(state, ledger) else { return nothingSelected(&state) }
    guard requireDispatched(request, state: &state) else { return [] }
    state.modal = .prompt(Prompt(purpose: .received(request.id)))
    return []
}

/// Submits the received-quantity prompt: `LINE=QTY` pairs, each at most what was dispatched.
///
/// A problem keeps the prompt open with the message in the status line.
func submitReceived(_ text: String, request id: RequestID, state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    guard let request = ledger.requests[id], request.state == .dispatched else {
        state.modal = nil
        state.status = .error(language.pick("\(id) 已不在待送达之列", "\(id) is no longer awaiting delivery"))
        return []
    }
    switch parseTrim(text, request: request) {
    case .failure(let problem):
        state.status = .error(problem.message(language))
        return []
    case .success(let received):
        for (line, quantity) in received.sorted(by: { $0.key < $1.key }) {
            let sent = ledger.dispatchedQuantity(id, line: line)
            guard quantity <= sent else {
                state.status = .error(
                    language.pick(
                        "第 \(line) 行只发出 \(sent)，实收不能是 \(quantity)",
                        "Line \(line) had \(sent) dispatched; it cannot have received \(quantity)"))
                return []
            }
        }
        state.modal = nil
        return [delivery(of: request, received: received, ledger: ledger, language: language)]
    }
}

/// Says so and returns false unless the request has been dispatched.
private func requireDispatched(_ request: Request, state: inout AppState) -> Bool {
    guard request.state != .dispatched else { return true }
    let language = state.language
    state.status = .error(
        language.pick(
            "\(request.id) 尚未发出，先按 d 发出", "\(request.id) has not been dispatched yet; press d first"))
    return false
}

/// The delivery of a dispatched request: each line's received quantity, the dispatched one
/// unless counted otherwise; the status line names every line that fell short.
private func delivery(of request: Request, received counted: [Int: Int], ledger: Ledger, language: Language)
    -> Effect
{
    var received: [Int: Int] = [:]
    var short: [String] = []
    for line in request.lines {
        let sent = ledger.dispatchedQuantity(request.id, line: line.number)
        let got = counted[line.number] ?? sent
        received[line.number] = got
        if got < sent {
            short.append(
                language.pick("第 \(line.number) 行实收 \(got)/\(sent)", "line \(line.number) got \(got) of \(sent)"))
        }
    }
    let success =
        short.isEmpty
        ? language.pick("\(request.id) 已全数送达", "Delivered \(request.id) in full")
        : language.pick("\(request.id) 已送达，", "Delivered \(request.id); ")
            + short.joined(separator: language.pick("，", ", "))
    return .record(
        reason: nil, events: [.requestDelivered(LineQuantities(request: request.id, quantities: received))],
        success: success)
}
