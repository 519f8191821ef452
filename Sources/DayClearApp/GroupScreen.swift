import DayClearCore
import DayClearStore
import Foundation
import TerminalUI

/// The group screen: the approval queue, oldest first, each request with its proposed allocation
/// and a countdown to the 10-minute target.
func renderGroup(_ state: AppState, ledger: Ledger, into buffer: inout CellBuffer, area: Rect) {
    let language = state.language
    let rows = ScreenRows.queue(ledger, filter: state.filter)
    let queue = rows.requests
    let proposed = rows.proposedCount
    let title = language.pick(
        "审批群：待决 \(queue.count) 项，已建议 \(proposed) 项，目标 \(DayLists.approvalTargetMinutes) 分钟",
        "Approval group: \(queue.count) waiting, \(proposed) proposed, target \(DayLists.approvalTargetMinutes) min")
    let inner = Box(title: title).render(into: &buffer, area: area)
    guard !queue.isEmpty else {
        let text = language.pick("队列为空：没有等待审批的申请。", "The queue is empty: no requests await a decision.")
        buffer.put(text, x: inner.x + 1, y: inner.y, style: .role(.dim), maxWidth: inner.width - 1)
        return
    }
    let selected = min(state.selection[.group] ?? 0, queue.count - 1)
    // Start at the first block that still lets the selected block show whole: walk back from the
    // selected block while the blocks fit (a block is its heading and one line per request line).
    let height = { (index: Int) in 1 + queue[index].lines.count }
    var first = selected
    var total = height(selected)
    while first > 0 && total <= inner.height && total + height(first - 1) <= inner.height {
        first -= 1
        total += height(first)
    }
    // Only the blocks in view are built.
    var y = inner.y
    for index in queue.indices[first...] {
        guard y < inner.maxY else { return }
        let block = queueBlock(queue[index], selected: index == selected, state: state, ledger: ledger)
        for line in block {
            guard y < inner.maxY else { return }
            if line.fillsRow {
                buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: line.style)
            }
            var x = inner.x
            for span in line.spans {
                x += buffer.put(span.text, x: x, y: y, style: span.style, maxWidth: inner.maxX - x)
            }
            y += 1
        }
    }
}

/// One drawn line of the queue: styled spans, optionally filling the row with the first style.
private struct QueueLine {
    var spans: [(text: String, style: Style)]
    var fillsRow = false
    var style: Style { spans.first?.style ?? Style() }
}

/// The lines of one request: a heading with the countdown, then one line per request line.
private func queueBlock(_ request: Request, selected: Bool, state: AppState, ledger: Ledger) -> [QueueLine] {
    let language = state.language
    let time = LocalTimeFormat(ledger.calendar)
    let base: Style =
        selected ? Style(role: .selection, bold: true) : (request.state == .submitted ? .role(.dim) : Style())
    let recipient = ledger.recipients[request.recipient]
    let tier = recipient.map { language.pick($0.tier.chineseName, $0.tier.englishName) } ?? ""
    let remaining = DayLists.approvalTargetMinutes * 60 - Int(state.now.timeIntervalSince(request.submittedAt))
    let countdown =
        remaining >= 0
        ? language.pick("剩余 \(minutesSeconds(remaining))", "\(minutesSeconds(remaining)) left")
        : language.pick("超时 \(minutesSeconds(-remaining))", "overdue \(minutesSeconds(-remaining))")
    let countdownStyle: Style =
        remaining < 0 ? Style(role: .overdue, bold: true, reverse: selected) : (selected ? base : .role(.ok))
    let heading = [
        "\(selected ? "▶" : " ") \(request.id)", recipient?.name ?? request.recipient.rawValue, "[\(tier)]",
        language.pick("提交 \(time.clock(request.submittedAt))", "in \(time.clock(request.submittedAt))"),
        stateName(request.state, language),
    ].joined(separator: "  ")
    var lines = [QueueLine(spans: [(heading + "  ", base), (countdown, countdownStyle)], fillsRow: selected)]
    for line in request.lines {
        let proposals = ledger.allocations(of: request.id).filter { $0.line == line.number && $0.status == .proposed }
        let proposedTotal = proposals.reduce(0) { $0 + $1.proposedQuantity }
        let detail =
            proposals.isEmpty
            ? language.pick("尚无建议", "nothing proposed yet")
            : language.pick("建议 \(proposedTotal)：", "proposed \(proposedTotal): ")
                + proposals.map { "\(lotLabel($0.lot, for: line, in: ledger))×\($0.proposedQuantity)" }
                .joined(separator: ", ")
        let short = proposedTotal < line.quantity && !proposals.isEmpty
        let text =
            "     \(line.number). \(line.item) "
            + language.pick("申请 \(line.quantity)\(line.unit)  ", "asked \(line.quantity) \(line.unit)  ")
        lines.append(
            QueueLine(spans: [
                (text, request.state == .submitted ? .role(.dim) : Style()),
                (detail, short ? .role(.shortfall) : (request.state == .submitted ? .role(.dim) : Style())),
                (substitutesText(ledger.substitutes(for: request.id, line: line.number), language), .role(.warning)),
            ]))
    }
    return lines
}

/// `  可替代 KN95（wang 允许）`: the substitutes a supervisor allowed for a line, or nothing.
private func substitutesText(_ allowed: [Substitution], _ language: Language) -> String {
    guard !allowed.isEmpty else { return "" }
    let each = allowed.map {
        language.pick("\($0.item.spec)（\($0.allowedBy) 允许）", "\($0.item.spec) (allowed by \($0.allowedBy))")
    }
    return language.pick("  可替代 ", "  substitute ") + each.joined(separator: language.pick("、", ", "))
}

/// Seconds as `mm:ss`.
private func minutesSeconds(_ seconds: Int) -> String {
    let minutes = seconds / 60
    let rest = seconds % 60
    return (minutes < 10 ? "0\(minutes)" : "\(minutes)") + (rest < 10 ? ":0\(rest)" : ":\(rest)")
}
