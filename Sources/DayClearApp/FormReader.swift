import DayClearCore
import DayClearStore
import Foundation

/// Reads a form's fields with the parsers the import uses, putting each refusal beside its field.
///
/// Each read returns nil when the field is refused; after reading every field, `form.hasErrors`
/// says whether the values may be used.
struct FormReader {
    /// The form being read; it collects the errors.
    var form: Form
    /// The labels' language, for the errors.
    let language: Language
    /// The ledger the values are read against (its calendar reads dates).
    let ledger: Ledger

    /// Starts reading a form, clearing the errors of the last submit.
    init(_ form: Form, language: Language, ledger: Ledger) {
        self.form = form
        self.form.clearErrors()
        self.language = language
        self.ledger = ledger
    }

    private var parser: FieldParser { FieldParser(calendar: ledger.calendar) }

    /// Refuses a field with a reason in both languages.
    mutating func refuse(_ name: FormField.Name, _ zh: String, _ en: String) {
        form.setError(language.pick(zh, en), on: name)
    }

    /// The text of a field that must not be empty.
    mutating func required(_ name: FormField.Name) -> String? {
        let value = form.value(name)
        guard !value.isEmpty else {
            refuse(name, "必填", "required")
            return nil
        }
        return value
    }

    /// A whole, positive quantity; an empty optional field reads as `fallback`.
    mutating func quantity(_ name: FormField.Name, fallback: Int? = nil) -> Int? {
        let value = form.value(name)
        if value.isEmpty, let fallback { return fallback }
        do {
            return try parser.quantity(value)
        } catch let error as FieldError {
            form.setError(Self.quantityMessage(error, text: value, language), on: name)
        } catch {
            form.setError(String(describing: error), on: name)
        }
        return nil
    }

    /// A local date and time; a date alone means its start, or its end with `endOfDay`.
    mutating func date(_ name: FormField.Name, endOfDay: Bool = false) -> Date? {
        let value = form.value(name)
        guard !value.isEmpty else {
            refuse(name, "必填，如 2026-02-10 09:30", "required, e.g. 2026-02-10 09:30")
            return nil
        }
        do {
            return try parser.date(value, endOfDay: endOfDay)
        } catch {
            let time = String(describing: error).hasPrefix("not a time")
            refuse(
                name, time ? "时间应为 09:30 这样：\(value)" : "日期应为 2026-02-10 09:30 这样：\(value)",
                String(describing: error))
            return nil
        }
    }

    /// A recipient named by id or by its full name; unknown text is kept as an id for the ledger
    /// to refuse.
    func recipient(_ value: String) -> RecipientID {
        if ledger.recipients[RecipientID(value)] != nil { return RecipientID(value) }
        return ledger.recipients.values.first { $0.name == value }?.id ?? RecipientID(value)
    }

    /// The Chinese or English reason a quantity was refused.
    static func quantityMessage(_ error: FieldError, text: String, _ language: Language) -> String {
        let reason = error.description
        guard language == .zh else { return reason }
        if text.isEmpty { return "必填：请输入正整数" }
        if reason.hasPrefix("negative") { return "数量不能为负：\(text)" }
        if reason.hasPrefix("quantity must be positive") { return "数量必须大于 0" }
        if reason.hasPrefix("number too large") { return "数字太大：\(text)" }
        if reason.hasPrefix("not a whole number") { return "不是整数：\(text)" }
        return reason
    }
}
