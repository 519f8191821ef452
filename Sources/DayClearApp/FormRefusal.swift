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
        switch ledger.refusal(of: [event], by: state.user, at: state.now) {
        case nil: return nil
        case let error as DomainError: return FormRefusal(error, event: event, lines: lines, language: state.language)
        case let error?: return FormRefusal(field: nil, message: String(describing: error))
        }
    }

    /// Places a domain error on a field of the form that produced `event`.
    init(_ error: DomainError, event: DomainEvent, lines: [Int: Int], language: Language) {
        let isRequest = event.requestID != nil
        let message = error.message(language)
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
        case .repeatedItem(let id, let line, let item, let first):
            // Worded with the form's row numbers, which the labels show, not the lines' own numbers.
            let row = { lines[$0] ?? $0 }
            let worded = DomainError.repeatedItem(id, line: row(line), item, firstLine: row(first))
            self.init(field: .lineKind(row(line)), message: worded.message(language))
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
}
