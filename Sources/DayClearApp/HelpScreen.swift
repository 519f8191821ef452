import TerminalUI

/// The `?` help screen: every binding of the key table, by scope, in two columns.
func renderHelp(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
    let language = state.language
    let inner = Box(title: language.pick("按键帮助（任意键关闭）", "Keys (any key closes)")).render(into: &buffer, area: area)
    var lines: [(text: String, style: Style)] = []
    var lastScope: KeyBinding.Scope?
    var seen: Set<Command> = []
    for binding in KeyTable.bindings where !seen.contains(binding.command) || binding.scope != lastScope {
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
    let columns = inner.splitHorizontally([.fill, .fill], spacing: 2)
    let perColumn = max(1, inner.height)
    for (index, line) in lines.enumerated() {
        let column = index / perColumn
        guard column < columns.count else { break }
        let area = columns[column]
        buffer.put(line.text, x: area.x, y: area.y + index % perColumn, style: line.style, maxWidth: area.width)
    }
}
