import Foundation

/// One labelled input of a form: its text, cursor, optional choices and the error found on submit.
public struct FormField: Sendable, Hashable {
    /// Which value a field holds; forms look their fields up by name.
    public enum Name: Sendable, Hashable {
        case lot
        case kind
        case spec
        case quantity
        case unit
        case packSize
        case donor
        case recipient
        case expiry
        case eta
        case request
        case neededBy
        case lineKind(Int)
        case lineSpec(Int)
        case lineQuantity(Int)
        case importKind
        case path
    }

    /// One value a choice field can take, with its label.
    public struct Choice: Sendable, Hashable {
        /// The value the form reads.
        public var value: String
        /// What the user sees, in Chinese and English.
        public var label: LocalizedText

        /// Creates a choice.
        public init(_ value: String, _ label: LocalizedText) {
            self.value = value
            self.label = label
        }
    }

    /// Which value the field holds.
    public var name: Name
    /// The label shown before the value.
    public var label: LocalizedText
    /// The text typed so far; for a choice field, the chosen value.
    public var text: String
    /// The insertion point, in characters from the start of `text`.
    public var cursor: Int
    /// The values to pick from with ←/→; empty for free text.
    public var choices: [Choice]
    /// Why the value was refused on the last submit, shown beside the field.
    public var error: String?
    /// The form row the field is drawn on; fields sharing a row are drawn side by side.
    public var row: Int
    /// The columns the value takes on screen.
    public var width: Int
    /// Shown dimmed while the field is empty: an example or "optional".
    public var placeholder: LocalizedText?

    /// Creates a field with the cursor at the end of its text.
    public init(
        _ name: Name, label: LocalizedText, text: String = "", placeholder: LocalizedText? = nil,
        choices: [Choice] = [], row: Int, width: Int = 24
    ) {
        self.name = name
        self.label = label
        self.text = text
        self.cursor = text.count
        self.choices = choices
        self.row = row
        self.width = width
        self.placeholder = placeholder
    }

    /// The label of the chosen value, for a choice field.
    public var choiceLabel: LocalizedText? {
        choices.first { $0.value == text }?.label
    }

    /// The text with surrounding spaces removed, as validation reads it.
    public var value: String {
        text.trimmingCharacters(in: .whitespaces)
    }
}
