import TerminalUI

/// Draws a result panel as a box centred over `area`, as many lines as fit, and how to close it.
func renderPanel(_ panel: ResultPanel, language: Language, into buffer: inout CellBuffer, area: Rect) {
    let width = min(area.width - 2, 110)
    let height = min(area.height, panel.lines.count + 4)
    let box = Rect(
        x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
    buffer.fill(box)
    let border = Style(role: panel.isError ? .warning : .ok, bold: true)
    let inner = Box(title: panel.title, style: border, titleStyle: border).render(into: &buffer, area: box)
        .inset(left: 1, right: 1)
    for (offset, line) in panel.lines.prefix(max(0, inner.height - 1)).enumerated() {
        buffer.put(DisplayWidth.truncate(line, to: inner.width), x: inner.x, y: inner.y + offset)
    }
    buffer.put(
        language.pick("按任意键关闭", "Press any key to close"), x: inner.x, y: inner.maxY - 1, style: .role(.help),
        maxWidth: inner.width)
}
