import DayClearCore
import TerminalUI

/// Typing into the open form: Esc closes it at once; a submit checks every field and records
/// only a valid form, else keeps it open with each error beside its field.
func handleForm(_ form: Form, key: Key, state: inout AppState, ledger: Ledger) -> [Effect] {
    var form = form
    switch form.handle(key) {
    case .editing:
        state.form = form
        return []
    case .cancel:
        state.form = nil
        state.status = .info(state.language.pick("已取消，未记录", "Cancelled; nothing recorded"))
        return []
    case .submit:
        return submit(form, state: &state, ledger: ledger)
    }
}

/// Opens the form a command asks for, if the user may record what it records.
func openForm(_ command: Command, state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    guard state.roles.contains(.coordinator) || state.roles.contains(.admin) else {
        state.status = .error(
            language.pick(
                "登记和录入需要仓库协调员角色，\(state.user) 没有这个角色；未做任何更改",
                "Registering and entering need the coordinator role; \(state.user) does not have it. Nothing changed"))
        return []
    }
    switch command {
    case .newArrival: state.form = ArrivalForm.make(expected: false, ledger: ledger)
    case .newExpectedLot: state.form = ArrivalForm.make(expected: true, ledger: ledger)
    case .newRequest: state.form = RequestForm.make(ledger: ledger)
    case .importFile: state.form = ImportForm.make()
    case .receiveSelectedLot:
        let goods = ScreenRows.goods(ScreenRows.dayLists(state, ledger), filter: state.filters[.lists] ?? "")
        let index = min(state.goodsSelection, goods.count - 1)
        guard goods.indices.contains(index), let lot = ledger.lots[goods[index].lot] else {
            return nothingSelected(&state)
        }
        guard !lot.isArrived else {
            state.status = .error(
                language.pick("\(lot.id) 已经到货；请选择预到的批次", "\(lot.id) has already arrived; pick an expected lot"))
            return []
        }
        state.form = ReceiveForm.make(lot)
    default: break
    }
    return []
}

/// Checks a submitted form; a valid one is recorded (or imported), else stays open.
private func submit(_ form: Form, state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    var reader = FormReader(form, language: language, ledger: ledger)
    var event: DomainEvent?
    var rows: [Int: Int] = [:]
    var success = ""
    switch form.purpose {
    case .arrival, .expectedLot:
        let expected = form.purpose == .expectedLot
        if let lot = ArrivalForm.registration(&reader, expected: expected, now: state.now) {
            event = .lotRegistered(lot)
            let what = "\(lot.id) \(lot.item) \(lot.quantity) \(lot.unit)"
            success =
                expected
                ? language.pick("已登记预到 \(what)", "Registered expected \(what)")
                : language.pick("已登记到货 \(what)", "Registered arrival \(what)")
        }
    case .receive(let lot):
        if let receipt = ReceiveForm.receipt(&reader, lot: lot) {
            event = .lotReceived(receipt)
            success = language.pick("\(lot) 已到货，实收 \(receipt.quantity)", "\(lot) received: \(receipt.quantity) counted")
        }
    case .request:
        if let read = RequestForm.submission(&reader) {
            let submission = read.submission
            event = .requestSubmitted(submission)
            rows = read.rows
            success = language.pick(
                "已录入申请 \(submission.id)（\(submission.lines.count) 行）",
                "Entered request \(submission.id) (\(submission.lines.count) lines)")
        }
    case .importFile:
        guard let file = ImportForm.request(&reader) else { break }
        state.form = reader.form
        state.status = .info(language.pick("正在导入 \(file.path)…", "Importing \(file.path)…"))
        return [.importFile(kind: file.kind, path: file.path)]
    }
    var checked = reader.form
    if let event {
        guard let refusal = FormRefusal.check(event, ledger: ledger, state: state, lines: rows) else {
            // The form stays open until the run loop reports the record (`finishRecord`).
            state.form = checked
            return [.record(reason: nil, events: [event], success: success)]
        }
        checked.setError(refusal.message, on: refusal.field)
    }
    checked.focusFirstError()
    state.form = checked
    state.status = .error(language.pick("请更正标出的栏目", "Please correct the marked fields"))
    return []
}

extension AppState {
    /// Reports a record made: the form that asked for it, if one is open, closes.
    public mutating func finishRecord(success: String) {
        form = nil
        status = .info(success)
    }

    /// Reports a record the store refused, in the status line. A form that asked for it stays open
    /// with the refusal beside the field it concerns, so nothing typed is lost when another terminal
    /// got there first (the same request id, the last units of a lot) or the write failed.
    public mutating func finishRecord(refusal error: Error, of events: [DomainEvent], ledger: Ledger) {
        status = .error(RefusalText.describe(error, ledger: ledger, language: language))
        guard var open = form else { return }
        open.clearErrors()
        if let domainError = error as? DomainError, let event = events.first {
            var rows: [Int: Int] = [:]
            if open.purpose == .request {
                var reader = FormReader(open, language: language, ledger: ledger)
                rows = RequestForm.submission(&reader)?.rows ?? [:]
            }
            let refusal = FormRefusal(domainError, event: event, lines: rows, language: language)
            open.setError(refusal.message, on: refusal.field)
        } else {
            open.message = status?.text
        }
        open.focusFirstError()
        form = open
    }

    /// Reports how an import from the import form ended: a count in the status line, or the
    /// problems in a panel. A file that cannot be read keeps the form open with the path marked.
    public mutating func finishImport(_ outcome: ImportOutcome) {
        let path = form?.value(.path) ?? ""
        switch outcome {
        case .imported(let count):
            form = nil
            status = .info(language.pick("已导入 \(count) 条：\(path)", "Imported \(count) records from \(path)"))
        case .refused(let issues) where issues.count == 1 && issues[0].row == 0 && form != nil:
            form?.setError(issues[0].reason, on: .path)
            status = .error(language.pick("未导入：\(issues[0].reason)", "Not imported: \(issues[0].reason)"))
        case .refused(let issues):
            form = nil
            let shown = 8
            var lines = issues.prefix(shown).map(\.description)
            if issues.count > shown {
                lines.append(language.pick("……另有 \(issues.count - shown) 处问题", "… and \(issues.count - shown) more"))
            }
            panel = ResultPanel(
                title: language.pick(
                    "未导入：发现 \(issues.count) 处问题，未做任何更改", "Not imported: \(issues.count) problems; nothing changed"),
                lines: lines, isError: true)
            status = .error(language.pick("未导入 \(path)", "Nothing imported from \(path)"))
        case .failed(let reason):
            form?.message = reason
            status = .error(reason)
        }
    }
}
