import DayClearCore
import Foundation
import TerminalUI

/// Typing into a prompt line: Enter submits, Esc cancels at once, Backspace deletes.
func handlePrompt(_ prompt: Prompt, key: Key, state: inout AppState, ledger: Ledger) -> [Effect] {
    var prompt = prompt
    switch key {
    case .escape:
        state.modal = nil
        if prompt.purpose == .filter {
            state.filter = ""
        } else {
            state.status = .info(state.language.pick("已取消", "Cancelled"))
        }
        return []
    case .enter:
        return submit(prompt, state: &state, ledger: ledger)
    case .backspace:
        if !prompt.text.isEmpty {
            prompt.text.removeLast()
        }
    case .character(let character):
        prompt.text.append(character)
    default:
        return []
    }
    state.modal = .prompt(prompt)
    if prompt.purpose == .filter {
        state.filter = prompt.text
        state.selectedRow = 0
        state.goodsSelection = 0
    }
    return []
}

/// Answering a yes/no question: `y` runs the action, `n` or Esc cancels.
func handleConfirmation(_ confirmation: Confirmation, key: Key, state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    switch key {
    case .character("y"), .character("Y"):
        state.modal = nil
        switch confirmation.action {
        case .approveAll(let approvals):
            // One durable unit: should another terminal have decided one of them meanwhile, the
            // refusal names it and nothing is approved, rather than a later success hiding it.
            let approved =
                approvals.count == 1
                ? "\(approvals[0].request)" : language.pick("\(approvals.count) 项申请", "\(approvals.count) requests")
            return [
                .record(
                    reason: nil, events: approvals.map { .requestApproved($0) },
                    success: language.pick("已批准 \(approved)，手续待补", "Approved \(approved); paperwork pending"))
            ]
        case .recordShuttleRuns(let plan):
            return recordConfirmedShuttleRuns(plan, state: &state, ledger: ledger)
        }
    case .character("n"), .character("N"), .escape:
        state.modal = nil
        state.status = .info(language.pick("已取消", "Cancelled"))
    default:
        break
    }
    return []
}

/// Submits a prompt: the filter stays, a trim approves, a reason returns or rejects.
private func submit(_ prompt: Prompt, state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    let text = prompt.text.trimmingCharacters(in: .whitespaces)
    switch prompt.purpose {
    case .filter:
        state.modal = nil
        return []
    case .trim(let id):
        guard let request = ledger.requests[id] else {
            state.modal = nil
            state.status = .error(language.pick("\(id) 已不在队列中", "\(id) is no longer in the queue"))
            return []
        }
        switch parseTrim(text, request: request) {
        case .success(let trimmed):
            state.modal = nil
            return [approval(of: request, trimmed: trimmed, ledger: ledger, language: language)]
        case .failure(let problem):
            state.status = .error(problem.message(language))
            return []
        }
    case .received(let id):
        return submitReceived(text, request: id, state: &state, ledger: ledger)
    case .substitute(let id):
        return submitSubstitute(text, request: id, state: &state, ledger: ledger)
    case .returnReason(let id), .rejectReason(let id):
        guard !text.isEmpty else {
            state.status = .error(language.pick("请填写理由（必填）", "A reason is required"))
            return []
        }
        state.modal = nil
        let reference = RequestReference(request: id)
        if case .returnReason = prompt.purpose {
            return [
                .record(
                    reason: text, events: [.requestReturned(reference)],
                    success: language.pick("已退回 \(id)：\(text)", "Returned \(id): \(text)"))
            ]
        }
        return [
            .record(
                reason: text, events: [.requestRejected(reference)],
                success: language.pick("已驳回 \(id)：\(text)", "Rejected \(id): \(text)"))
        ]
    }
}
