import TerminalUI

/// The `?` help screen: every binding of the key table, by scope, in as many columns as it needs (at least two).
func renderHelp(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
    let language = state.language
    let inner = Box(title: language.pick("按键帮助（任意键关闭）", "Keys (any key closes)")).render(into: &buffer, area: area)
    var lines: [(text: String, style: Style)] = []
    var lastScope: KeyBinding.Scope?
    var seen: Set<Command> = []
    // The screen digits share one line; the tab bar names each screen.
    let screenKeys = KeyTable.bindings.filter { if case .showScreen = $0.command { true } else { false } }
    let listed = KeyTable.bindings.filter { !screenKeys.contains($0) }
    for binding in listed where !seen.contains(binding.command) || binding.scope != lastScope {
        if binding.scope != lastScope {
            lastScope = binding.scope
            seen = []
            let heading: String
            switch binding.scope {
            case .global: heading = language.pick("全局", "Everywhere")
            case .screen(let screen): heading = screen.title(language)
            }
            lines.append((heading, Style(role: .header, bold: true)))
        }
        seen.insert(binding.command)
        // Keys of the same command in the same scope share a line: "↑ k".
        let keys = KeyTable.bindings.filter { $0.scope == binding.scope && $0.command == binding.command }
            .map(\.key.displayName).joined(separator: " ")
        lines.append(("  " + DisplayWidth.pad(keys, to: 10, alignment: .left) + binding.help(language), Style()))
    }
    if let first = screenKeys.first?.key.displayName, let last = screenKeys.last?.key.displayName {
        let keys = DisplayWidth.pad("\(first)–\(last)", to: 10, alignment: .left)
        lines.append(("  " + keys + language.pick("切换屏幕（见标签栏）", "screens (see the tabs)"), Style()))
    }
    let places = helpPlaces(isHeading: lines.map { $0.style.role == .header }, height: inner.height)
    let count = max(2, (places.last?.column ?? 0) + 1)
    let columns = inner.splitHorizontally(Array(repeating: .fill, count: count), spacing: 2)
    for (line, place) in zip(lines, places) {
        let area = columns[place.column]
        buffer.put(line.text, x: area.x, y: area.y + place.row, style: line.style, maxWidth: area.width)
    }
}

/// Where each help line goes, column by column; a heading never ends a column, so it moves to
/// the top of the next one with its first keys.
func helpPlaces(isHeading: [Bool], height: Int) -> [(column: Int, row: Int)] {
    let height = max(2, height)
    var column = 0
    var row = 0
    return isHeading.map { heading in
        if row == height || (heading && row == height - 1) {
            column += 1
            row = 0
        }
        defer { row += 1 }
        return (column, row)
    }
}
