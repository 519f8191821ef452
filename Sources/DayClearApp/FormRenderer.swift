import TerminalUI

/// Draws the open form as a box centred over `area`: one row per form row, each value in
/// brackets, each field's error beside it in the warning style, the focused field's error (or
/// the form's own) in full under the fields, and the form's keys on the last line.
func renderForm(_ form: Form, language: Language, into buffer: inout CellBuffer, area: Rect) {
    let rowCount = (form.fields.map(\.row).max() ?? -1) + 1
    let width = min(area.width - 2, 110)
    let height = min(area.height, rowCount + 5)
    let box = Rect(
        x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
    buffer.fill(box)
    let inner = Box(title: form.title(language), style: Style(role: .title, bold: true)).render(
        into: &buffer, area: box
    )
    .inset(left: 1, right: 1)
    let labelWidth =
        (0..<rowCount).compactMap { row in form.fields.first { $0.row == row } }
        .map { DisplayWidth.of($0.label.text(language)) }.max() ?? 0
    for row in 0..<min(rowCount, inner.height - 3) {
        let y = inner.y + row
        var x = inner.x
        var errors: [String] = []
        for (index, field) in form.fields.enumerated() where field.row == row {
            let label = field.label.text(language)
            let lead = x == inner.x ? DisplayWidth.pad(label, to: labelWidth, alignment: .left) : label
            x += buffer.put(
                lead + " ", x: x, y: y, style: .role(field.error == nil ? .normal : .warning), maxWidth: inner.maxX - x)
            x += renderValue(
                field, focused: index == form.focus, language: language, into: &buffer, x: x, y: y, limit: inner.maxX)
            x += 1
            if let error = field.error { errors.append(error) }
        }
        if !errors.isEmpty {
            let text = "← " + errors.joined(separator: language.pick("；", "; "))
            buffer.put(text, x: x, y: y, style: Style(role: .warning, bold: true), maxWidth: inner.maxX - x)
        }
    }
    let focusedError = form.fields.indices.contains(form.focus) ? form.fields[form.focus].error : nil
    if let note = form.message ?? focusedError {
        buffer.put(
            DisplayWidth.truncate(note, to: inner.width), x: inner.x, y: inner.maxY - 2,
            style: Style(role: .warning, bold: true))
    }
    let keys = language.pick(
        "Tab/↑↓ 换栏  ←→ 移动/选择  Enter 下一栏（末栏提交）  Ctrl-S 提交  Esc 取消",
        "Tab/↑↓ field  ←→ move/choose  Enter next (submits on last)  Ctrl-S submit  Esc cancel")
    buffer.put(DisplayWidth.truncate(keys, to: inner.width), x: inner.x, y: inner.maxY - 1, style: .role(.help))
}

/// Draws one field's value in brackets, the cursor shown as `▏` when focused; returns the
/// columns used.
private func renderValue(
    _ field: FormField, focused: Bool, language: Language, into buffer: inout CellBuffer, x: Int, y: Int, limit: Int
) -> Int {
    let width = max(1, min(field.width, limit - x - 2))
    let shown: String
    var style = focused ? Style(role: .selection, bold: true) : Style()
    if let choice = field.choiceLabel {
        shown = "< " + choice.text(language) + " >"
    } else if focused {
        shown = withCursor(field.text, at: field.cursor, width: width)
    } else if field.text.isEmpty, let placeholder = field.placeholder {
        shown = placeholder.text(language)
        style = .role(.dim)
    } else {
        shown = field.text
    }
    var used = buffer.put("[", x: x, y: y, maxWidth: limit - x)
    used += buffer.put(
        DisplayWidth.pad(shown, to: width, alignment: .left), x: x + used, y: y, style: style,
        maxWidth: limit - x - used)
    used += buffer.put("]", x: x + used, y: y, maxWidth: limit - x - used)
    return used
}

/// The text with `▏` at the cursor, scrolled so that the cursor stays within `width` columns.
func withCursor(_ text: String, at cursor: Int, width: Int) -> String {
    let split = text.index(text.startIndex, offsetBy: min(max(0, cursor), text.count))
    var before = String(text[..<split])
    while DisplayWidth.of(before) + 1 > width, !before.isEmpty {
        before.removeFirst()
    }
    return DisplayWidth.truncate(before + "▏" + text[split...], to: width, ellipsis: "")
}
