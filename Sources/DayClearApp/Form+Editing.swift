import TerminalUI

extension Form {
    /// What a key did to the form.
    public enum KeyOutcome: Sendable, Hashable {
        /// The key moved or edited; the form stays open.
        case editing
        /// Enter on the last field, or Ctrl-S: check and record.
        case submit
        /// Esc: close without recording.
        case cancel
    }

    /// Applies one key: Tab/↓ and Shift-Tab/↑ move between fields, ←/→ move the cursor (or pick
    /// the next choice), typing inserts, Backspace and Del delete, Ctrl-U clears the field.
    public mutating func handle(_ key: Key) -> KeyOutcome {
        guard fields.indices.contains(focus) else { return key == .escape ? .cancel : .editing }
        switch key {
        case .escape: return .cancel
        case .control("s"): return .submit
        case .enter:
            if focus == fields.count - 1 { return .submit }
            focus += 1
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        case .left: edit { $0.step(-1) }
        // Space picks the next choice on a choice field and is typed into a text field.
        case .right,
            .character(" ") where !fields[focus].choices.isEmpty:
            edit { $0.step(1) }
        case .home: fields[focus].cursor = 0
        case .end: fields[focus].cursor = fields[focus].text.count
        case .backspace: edit { $0.deleteBackward() }
        case .delete: edit { $0.deleteForward() }
        case .control("u") where fields[focus].choices.isEmpty: edit { $0.replace(with: "") }
        case .character(let character): edit { $0.insert(character) }
        default: break
        }
        return .editing
    }

    /// Edits the focused field and clears its error: the user is fixing it.
    private mutating func edit(_ change: (inout FormField) -> Void) {
        let before = fields[focus].text
        change(&fields[focus])
        if fields[focus].text != before {
            fields[focus].error = nil
            message = nil
        }
    }
}

extension FormField {
    /// Moves the cursor, or for a choice field picks the neighbouring choice (wrapping).
    mutating func step(_ offset: Int) {
        guard !choices.isEmpty else {
            cursor = min(max(0, cursor + offset), text.count)
            return
        }
        let index = choices.firstIndex { $0.value == text } ?? (offset > 0 ? -1 : 0)
        replace(with: choices[(index + offset + choices.count) % choices.count].value)
    }

    /// Inserts a character at the cursor; a choice field takes no typing.
    mutating func insert(_ character: Character) {
        guard choices.isEmpty else { return }
        let index = text.index(text.startIndex, offsetBy: min(cursor, text.count))
        text.insert(character, at: index)
        cursor += 1
    }

    /// Deletes the character before the cursor.
    mutating func deleteBackward() {
        guard choices.isEmpty, cursor > 0, cursor <= text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    mutating func deleteForward() {
        guard choices.isEmpty, cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    /// Replaces the whole text and puts the cursor at its end.
    mutating func replace(with newText: String) {
        text = newText
        cursor = newText.count
    }
}
