import TerminalUI

/// The `?` help screen: the current screen's keys first, then the keys that work everywhere, then
/// the other screens' keys while there is room, in columns wide enough for every label.
///
/// On a small terminal the other screens' keys may not all fit; the last line then says where the
/// full table is, so the keys of the screen in use are always shown in full.
func renderHelp(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
    let language = state.language
    let inner = Box(title: language.pick("按键帮助（任意键关闭）", "Keys (any key closes)")).render(into: &buffer, area: area)
    let lines = helpLines(for: state.screen, language: language)
    // Columns as wide as the widest line, so no label is cut.
    let widest = lines.map { DisplayWidth.of($0.text) }.max() ?? 1
    let count = max(1, min(4, (inner.width + 2) / (widest + 2)))
    let note = (
        text: language.pick("……其余按键：放大窗口或见 docs/keys.md", "… more keys: a larger window, or docs/keys.md"),
        style: Style(role: .dim)
    )
    let shown = helpFitting(lines, note: note, columns: count, height: inner.height)
    let places = helpPlaces(isHeading: shown.map { $0.style.role == .header }, height: inner.height)
    let columns = inner.splitHorizontally(Array(repeating: .fill, count: count), spacing: 2)
    for (line, place) in zip(shown, places) where place.column < count {
        let area = columns[place.column]
        buffer.put(line.text, x: area.x, y: area.y + place.row, style: line.style, maxWidth: area.width)
    }
}

/// The help lines in the order shown: `screen`'s section, the global one, then the other screens.
func helpLines(for screen: Screen, language: Language) -> [(text: String, style: Style)] {
    var scopes: [KeyBinding.Scope] = [.screen(screen), .global]
    for binding in KeyTable.bindings where !scopes.contains(binding.scope) { scopes.append(binding.scope) }
    // The screen digits share one line; the tab bar names each screen.
    let screenKeys = KeyTable.bindings.filter { if case .showScreen = $0.command { true } else { false } }
    var lines: [(text: String, style: Style)] = []
    for scope in scopes {
        let bindings = KeyTable.bindings.filter { $0.scope == scope && !screenKeys.contains($0) }
        guard !bindings.isEmpty else { continue }
        let heading: String
        switch scope {
        case .global: heading = language.pick("全局", "Everywhere")
        case .screen(let screen): heading = screen.title(language)
        }
        lines.append((heading, Style(role: .header, bold: true)))
        var seen: Set<Command> = []
        for binding in bindings where seen.insert(binding.command).inserted {
            // Keys of the same command share a line: "↑ k".
            let keys = bindings.filter { $0.command == binding.command }.map(\.key.displayName).joined(separator: " ")
            lines.append(("  " + DisplayWidth.pad(keys, to: 10, alignment: .left) + binding.help(language), Style()))
        }
        if scope == .global, let first = screenKeys.first?.key.displayName, let last = screenKeys.last?.key.displayName
        {
            let keys = DisplayWidth.pad("\(first)–\(last)", to: 10, alignment: .left)
            lines.append(("  " + keys + language.pick("切换屏幕（见标签栏）", "screens (see the tabs)"), Style()))
        }
    }
    return lines
}

/// The lines that fit `columns` of `height` rows; when some do not, as many as fit followed by `note`
/// (never ending on a heading without its keys).
func helpFitting(
    _ lines: [(text: String, style: Style)], note: (text: String, style: Style), columns: Int, height: Int
) -> [(text: String, style: Style)] {
    func fits(_ candidate: [(text: String, style: Style)]) -> Bool {
        let places = helpPlaces(isHeading: candidate.map { $0.style.role == .header }, height: height)
        return (places.last?.column ?? 0) < columns
    }
    if fits(lines) { return lines }
    var kept = lines
    while !kept.isEmpty {
        kept.removeLast()
        while kept.last?.style.role == .header { kept.removeLast() }
        if fits(kept + [note]) { return kept + [note] }
    }
    return [note]
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
