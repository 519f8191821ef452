import DayClearCore

/// A box of labelled fields that has the keyboard until it is submitted or cancelled.
///
/// The form only edits text; what the fields mean, and whether they are valid, is decided on
/// submit by the code for its purpose.
public struct Form: Sendable, Hashable {
    /// What submitting the form records.
    public enum Purpose: Sendable, Hashable {
        /// 到货登记: a lot that has arrived now.
        case arrival
        /// 预到登记: a lot expected at an ETA.
        case expectedLot
        /// 到货清点: an expected lot arriving, counted.
        case receive(LotID)
        /// 录入申请: a request of up to five lines.
        case request
        /// 导入文件: a recipients, stock or requests file.
        case importFile
    }

    /// What submitting records.
    public var purpose: Purpose
    /// The fields, in Tab order.
    public var fields: [FormField]
    /// The index of the field with the cursor.
    public var focus = 0
    /// A refusal that concerns no one field, shown under the fields.
    public var message: String?

    /// Creates a form with the first field focused.
    public init(purpose: Purpose, fields: [FormField]) {
        self.purpose = purpose
        self.fields = fields
    }

    /// The title of the box.
    public func title(_ language: Language) -> String {
        switch purpose {
        case .arrival: language.pick("到货登记", "Register an arrival")
        case .expectedLot: language.pick("预到登记", "Register an expected lot")
        case .receive(let lot): language.pick("到货清点 \(lot)", "Receive \(lot)")
        case .request: language.pick("录入申请", "Enter a request")
        case .importFile: language.pick("导入文件", "Import a file")
        }
    }

    /// The field of a name; nil when the form has none.
    public subscript(name: FormField.Name) -> FormField? {
        fields.first { $0.name == name }
    }

    /// The trimmed text of a field, or empty when the form has no such field.
    public func value(_ name: FormField.Name) -> String {
        self[name]?.value ?? ""
    }

    /// Whether any field or the form itself carries an error.
    public var hasErrors: Bool {
        message != nil || fields.contains { $0.error != nil }
    }

    /// Puts an error beside a field, or under the fields when the form has no such field.
    public mutating func setError(_ error: String, on name: FormField.Name?) {
        if let name, let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].error = error
        } else {
            message = error
        }
    }

    /// Clears every error before a new check.
    public mutating func clearErrors() {
        message = nil
        for index in fields.indices {
            fields[index].error = nil
        }
    }

    /// Moves the cursor to the first field with an error, if any.
    public mutating func focusFirstError() {
        if let index = fields.firstIndex(where: { $0.error != nil }) {
            focus = index
        }
    }
}
