import DayClearCore
import TerminalUI

/// Applies one key to the state and returns the work the run loop must do; pure.
///
/// A result panel takes any key to close; an open form, prompt or question takes the key next;
/// otherwise the key table decides, the current screen's bindings before the global ones.
public func update(_ state: inout AppState, key: Key, ledger: Ledger) -> [Effect] {
    if key == .resize {
        return []
    }
    if state.panel != nil {
        state.panel = nil
        return []
    }
    if let form = state.form {
        return handleForm(form, key: key, state: &state, ledger: ledger)
    }
    if let modal = state.modal {
        switch modal {
        case .prompt(let prompt): return handlePrompt(prompt, key: key, state: &state, ledger: ledger)
        case .confirm(let confirmation):
            return handleConfirmation(confirmation, key: key, state: &state, ledger: ledger)
        }
    }
    if state.showsHelp {
        state.showsHelp = false
        if key == .escape || key == .character("?") {
            return []
        }
    }
    guard let command = KeyTable.command(for: key, on: state.screen) else {
        return []
    }
    return run(command, state: &state, ledger: ledger)
}

/// Runs one command of the key table.
func run(_ command: Command, state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    switch command {
    case .moveUp: move(by: -1, state: &state, ledger: ledger)
    case .moveDown, .nextInQueue: move(by: 1, state: &state, ledger: ledger)
    case .pageUp: move(by: -pageSize, state: &state, ledger: ledger)
    case .pageDown: move(by: pageSize, state: &state, ledger: ledger)
    case .nextScreen: state.screen = state.screen.next
    case .previousScreen: state.screen = state.screen.previous
    case .showScreen(let screen): state.screen = screen
    case .focusGoods: state.focus = .goods
    case .focusRequests: state.focus = .requests
    case .startFilter: state.modal = .prompt(Prompt(purpose: .filter, text: state.filter))
    case .toggleHelp: state.showsHelp.toggle()
    case .cancel:
        if state.filter.isEmpty {
            state.status = nil
        } else {
            state.filter = ""
        }
    case .quit: return [.quit]
    case .approveSelected:
        guard let request = selectedQueueRequest(state, ledger) else { return nothingSelected(&state) }
        guard request.state == .proposed else {
            state.status = .error(
                language.pick("\(request.id) 还没有建议的分配，无法批准", "\(request.id) has no proposed allocation yet"))
            return []
        }
        return [approval(of: request, trimmed: [:], ledger: ledger, language: language)]
    case .trimSelected:
        guard let request = selectedQueueRequest(state, ledger) else { return nothingSelected(&state) }
        state.modal = .prompt(Prompt(purpose: .trim(request.id)))
    case .returnSelected:
        guard let request = selectedQueueRequest(state, ledger) else { return nothingSelected(&state) }
        state.modal = .prompt(Prompt(purpose: .returnReason(request.id)))
    case .rejectSelected:
        guard let request = selectedQueueRequest(state, ledger) else { return nothingSelected(&state) }
        state.modal = .prompt(Prompt(purpose: .rejectReason(request.id)))
    case .approveAllInView:
        let approvals = ScreenRows.queue(ledger, filter: state.filter).requests.filter { $0.state == .proposed }.map {
            approvedQuantities(of: $0, trimmed: [:], ledger: ledger)
        }
        guard !approvals.isEmpty else {
            state.status = .error(language.pick("视图中没有待批准的建议", "No proposals in view to approve"))
            return []
        }
        state.modal = .confirm(Confirmation(action: .approveAll(approvals)))
    case .proposeByPlanner:
        return proposeByPlanner(state: &state, ledger: ledger)
    case .completePaperwork:
        let rows = ScreenRows.paperwork(ledger, filter: state.filter)
        guard rows.indices.contains(state.selectedRow) else { return nothingSelected(&state) }
        let id = rows[state.selectedRow].id
        return [
            .record(
                reason: nil, events: [.paperworkCompleted(RequestReference(request: id))],
                success: language.pick("\(id) 手续已补齐", "Paperwork complete for \(id)"))
        ]
    case .dispatchSelected: return dispatchSelected(state: &state, ledger: ledger)
    case .deliverSelected: return deliverSelected(state: &state, ledger: ledger)
    case .deliverSelectedCounted: return askReceivedQuantities(state: &state, ledger: ledger)
    case .recordShuttleRuns: return askToRecordShuttleRuns(state: &state, ledger: ledger)
    case .allowSubstitute:
        guard let request = selectedQueueRequest(state, ledger) else { return nothingSelected(&state) }
        state.modal = .prompt(Prompt(purpose: .substitute(request.id)))
    case .exportDayEnd:
        state.status = .info(language.pick("正在写出日结文件…", "Writing the day-end files…"))
        return [.exportDayEnd(ledger.calendar.day(containing: state.now))]
    case .newArrival, .newExpectedLot, .newRequest, .importFile, .receiveSelectedLot:
        return openForm(command, state: &state, ledger: ledger)
    }
    return []
}

/// How far Page Up and Page Down move.
private let pageSize = 10

/// Moves the selection of the current screen (or focused pane), kept within its rows.
private func move(by offset: Int, state: inout AppState, ledger: Ledger) {
    let count = ScreenRows.count(state, ledger)
    let clamp = { (value: Int) in min(max(0, value), max(0, count - 1)) }
    if state.screen == .lists && state.focus == .goods {
        state.goodsSelection = clamp(state.goodsSelection + offset)
    } else {
        state.selectedRow = clamp(state.selectedRow + offset)
    }
}

/// Says there is nothing to act on.
func nothingSelected(_ state: inout AppState) -> [Effect] {
    state.status = .error(state.language.pick("没有选中的项目", "Nothing selected"))
    return []
}

/// The request selected in the approval queue, if any.
func selectedQueueRequest(_ state: AppState, _ ledger: Ledger) -> Request? {
    let queue = ScreenRows.queue(ledger, filter: state.filters[.group] ?? "").requests
    let index = min(state.selection[.group] ?? 0, queue.count - 1)
    return queue.indices.contains(index) ? queue[index] : nil
}

/// What approving a request grants: each line at its proposed quantity as the ledger shows it now,
/// unless trimmed, so that a proposal added elsewhere afterwards is not approved unseen.
func approvedQuantities(of request: Request, trimmed: [Int: Int], ledger: Ledger) -> LineQuantities {
    var quantities: [Int: Int] = [:]
    for line in request.lines {
        quantities[line.number] = trimmed[line.number] ?? ledger.proposedQuantity(request.id, line: line.number)
    }
    return LineQuantities(request: request.id, quantities: quantities)
}

/// The approval of a request: each line at its proposed quantity unless trimmed.
func approval(of request: Request, trimmed: [Int: Int], ledger: Ledger, language: Language) -> Effect {
    let granted = approvedQuantities(of: request, trimmed: trimmed, ledger: ledger)
    let total = granted.quantities.values.reduce(0, +)
    return .record(
        reason: nil,
        events: [.requestApproved(granted)],
        success: language.pick(
            "已批准 \(request.id)（共 \(total)），手续待补", "Approved \(request.id) (\(total) units); paperwork pending"))
}
