import DayClearCore

/// A ledger refusal of a form's event, placed on the field it concerns.
struct FormRefusal: Equatable {
    /// The field the refusal concerns; nil when it concerns the form as a whole.
    var field: FormField.Name?
    /// Why, in the labels' language.
    var message: String

    /// The refusal of `event` by the ledger as it stands, or nil when the ledger accepts it.
    ///
    /// The event is applied to a copy of the ledger, so the check is the very rule the store
    /// applies when recording it. `lines` maps a request line's number to the form row it came from.
    static func check(
        _ event: DomainEvent, ledger: Ledger, state: AppState, lines: [Int: Int] = [:]
    ) -> FormRefusal? {
        var copy = ledger
        let recorded = RecordedEvent(
            sequence: ledger.lastSequence + 1, time: state.now, actor: state.user, reason: nil, event: event)
        do {
            try copy.apply(recorded)
            return nil
        } catch let error as DomainError {
            return FormRefusal(error, event: event, lines: lines, language: state.language)
        } catch {
            return FormRefusal(field: nil, message: String(describing: error))
        }
    }

    /// Places a domain error on a field of the form that produced `event`.
    init(_ error: DomainError, event: DomainEvent, lines: [Int: Int], language: Language) {
        let isRequest = event.requestID != nil
        let message = Self.message(error, language)
        switch error {
        case .duplicate:
            self.init(field: isRequest ? .request : .lot, message: message)
        case .unknownRecipient:
            self.init(field: .recipient, message: message)
        case .unitMismatch(let item, _, _):
            self.init(
                field: isRequest ? Self.lineRow(of: item, event, lines).map { .lineKind($0) } : .unit, message: message)
        case .unknownItem(let item, let specs):
            let row = Self.lineRow(of: item, event, lines)
            // A known kind with an unknown spec is a spec to correct.
            let field: FormField.Name? =
                specs.isEmpty ? row.map { .lineKind($0) } : row.map { .lineSpec($0) }
            self.init(field: field, message: message)
        case .invalidQuantity, .overflow, .shortArrival:
            self.init(field: .quantity, message: message)
        default:
            self.init(field: nil, message: message)
        }
    }

    private init(field: FormField.Name?, message: String) {
        self.field = field
        self.message = message
    }

    /// The form row of the request line asking for `item`.
    private static func lineRow(of item: ItemKey, _ event: DomainEvent, _ lines: [Int: Int]) -> Int? {
        guard case .requestSubmitted(let submission) = event,
            let line = submission.lines.first(where: { $0.item == item })
        else { return nil }
        return lines[line.number] ?? line.number
    }

    /// The refusal in the labels' language; English is the ledger's own wording.
    static func message(_ error: DomainError, _ language: Language) -> String {
        guard language == .zh else { return error.description }
        switch error {
        case .duplicate(let what): return "已存在：\(what.split(separator: " ").last.map(String.init) ?? what)"
        case .unknownRecipient(let id): return "没有这个受援单位：\(id)"
        case .unitMismatch(let item, let expected, let got): return "\(item) 的单位是“\(expected)”，不是“\(got)”"
        case .unknownItem(let item, let specs):
            let hint = specs.isEmpty ? "" : "（已有规格：\(specs.joined(separator: "、"))）"
            return "还没有登记过 \(item) 的批次\(hint)"
        case .invalidQuantity: return "数量必须大于 0"
        case .overflow: return "数字太大"
        case .shortArrival(_, let committed, let received):
            return "已承诺或发出 \(committed)，清点数 \(received) 不够（请先退回或削减）"
        case .alreadyArrived(let lot): return "\(lot) 已经到货"
        case .unknownLot(let lot): return "没有批次 \(lot)"
        default: return error.description
        }
    }
}
