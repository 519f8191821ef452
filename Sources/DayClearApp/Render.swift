import DayClearCore
import DayClearStore
import TerminalUI

/// The smallest terminal the TUI draws in.
public let minimumSize = (width: 80, height: 24)

/// Draws the whole frame: title bar, screen tabs, the screen (or help), status line and key hints.
public func render(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer) {
    guard buffer.width >= minimumSize.width && buffer.height >= minimumSize.height else {
        renderTooSmall(state, into: &buffer)
        return
    }
    let rows = buffer.bounds.splitVertically([.fixed(1), .fixed(1), .fill, .fixed(1), .fixed(1)])
    renderTitleBar(state, ledger: ledger, into: &buffer, area: rows[0])
    renderTabs(state, into: &buffer, area: rows[1])
    if state.showsHelp {
        renderHelp(state, into: &buffer, area: rows[2])
    } else {
        switch state.screen {
        case .lists: renderLists(state, ledger: ledger, into: &buffer, area: rows[2])
        case .group: renderGroup(state, ledger: ledger, into: &buffer, area: rows[2])
        case .routes: renderRoutes(state, ledger: ledger, into: &buffer, area: rows[2])
        case .paperwork: renderPaperwork(state, ledger: ledger, into: &buffer, area: rows[2])
        case .dayEnd: renderDayEnd(state, ledger: ledger, into: &buffer, area: rows[2])
        case .journal: renderJournal(state, ledger: ledger, into: &buffer, area: rows[2])
        }
    }
    if let form = state.form {
        renderForm(form, language: state.language, into: &buffer, area: rows[2])
    }
    if let panel = state.panel {
        renderPanel(panel, language: state.language, into: &buffer, area: rows[2])
    }
    renderStatusLine(state, into: &buffer, area: rows[3])
    FooterHints(KeyTable.footerHints(for: state.screen, language: state.language)).render(into: &buffer, area: rows[4])
}

/// The line that says the terminal is too small, and how big it must be.
private func renderTooSmall(_ state: AppState, into buffer: inout CellBuffer) {
    let need = "\(minimumSize.width)×\(minimumSize.height)"
    let have = "\(buffer.width)×\(buffer.height)"
    let lines = [
        state.language.pick("终端太小：至少需要 \(need)，现在是 \(have)。", "Terminal too small: need \(need), have \(have)."),
        state.language.pick("请放大窗口；q 退出", "Enlarge the window; q quits"),
    ]
    for (offset, line) in lines.enumerated() {
        buffer.put(line, x: 0, y: offset, style: offset == 0 ? .role(.warning) : Style(), maxWidth: buffer.width)
    }
}

/// The title bar: the product, the operational day and the clock (or that the server is unreachable),
/// the user and their roles.
private func renderTitleBar(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect) {
    let style = Style(role: .title, bold: true, reverse: true)
    let language = state.language
    let day = ledger.calendar.day(containing: state.now)
    let clock = LocalTimeFormat(ledger.calendar).clock(state.now)
    let roles =
        state.roles.isEmpty
        ? language.pick("无角色，只读", "no roles, read-only")
        : state.roles.sorted().map { language.pick($0.chineseName, $0.rawValue) }.joined(
            separator: language.pick("、", ", "))
    let text = [
        language.pick("DayClear 日进日清", "DayClear"),
        state.disconnected
            ? language.pick("与服务器的连接已断开，正在重连…", "Connection to the server lost; reconnecting…")
            : language.pick("业务日 \(day) \(clock)", "Day \(day) \(clock)"),
        language.pick("用户 \(state.user)（\(roles)）", "User \(state.user) (\(roles))"),
    ].joined(separator: "  │  ")
    let shown = state.disconnected ? Style(role: .warning, bold: true, reverse: true) : style
    buffer.fill(area, style: shown)
    buffer.put(DisplayWidth.truncate(" " + text, to: area.width), x: area.x, y: area.y, style: shown)
}

/// The screen tabs, generated from the digit bindings of the key table, and the filter in use.
private func renderTabs(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
    var x = area.x
    for binding in KeyTable.bindings {
        guard case .showScreen(let screen) = binding.command else { continue }
        let style = screen == state.screen ? Style(role: .selection, bold: true) : Style(role: .help)
        x += buffer.put(" \(binding.key.displayName) \(binding.help(state.language)) ", x: x, y: area.y, style: style)
        x += 1
    }
    if !state.filter.isEmpty && !state.showsHelp {
        let text = state.language.pick("筛选: ", "filter: ") + state.filter
        buffer.put(text, x: x + 1, y: area.y, style: .role(.warning), maxWidth: area.maxX - x - 1)
    }
}

/// The status line: the open prompt or question, else the last outcome.
private func renderStatusLine(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
    switch state.modal {
    case .prompt(let prompt):
        let style = Style(role: .normal, reverse: true)
        buffer.fill(area, style: style)
        let hint = state.language.pick("  (Enter 确定, Esc 取消)", "  (Enter to confirm, Esc to cancel)")
        buffer.put(prompt.label(state.language) + prompt.text + "▏" + hint, x: area.x, y: area.y, style: style)
    case .confirm(let confirmation):
        buffer.fill(area, style: Style(role: .warning, reverse: true))
        buffer.put(
            confirmation.question(state.language), x: area.x, y: area.y, style: Style(role: .warning, reverse: true))
    case nil:
        guard let status = state.status else { return }
        buffer.put(
            DisplayWidth.truncate(status.text, to: area.width), x: area.x, y: area.y,
            style: status.isError ? Style(role: .overdue, bold: true) : .role(.ok))
    }
}
