import DayClearCore
import DayClearRouting
import DayClearStore
import TerminalUI

/// The postal shuttle's runs on the routes screen: a heading with the runs, their length and
/// what waits for room, then one line per run — vehicle, load against capacity, length, and the
/// stops in order. When the configuration or the plan fails, the reason in its place.
func renderShuttleRuns(
    _ outcome: Result<ShuttlePlan, ShuttlePanelProblem>, configuration: ShuttleConfiguration?, language: Language,
    into buffer: inout CellBuffer, area: Rect, ledger: Ledger
) {
    guard !area.isEmpty else { return }
    let headingStyle = Style(role: .header, bold: true)
    let plan: ShuttlePlan
    switch outcome {
    case .failure(let problem):
        buffer.put(
            language.pick("邮政专车：无法排车", "Postal shuttle: no runs planned"), x: area.x, y: area.y,
            style: headingStyle, maxWidth: area.width)
        if area.height > 1 {
            buffer.put(
                problem.message(language), x: area.x, y: area.y + 1, style: .role(.warning), maxWidth: area.width)
        }
        return
    case .success(let made):
        plan = made
    }
    let kilometres = String(format: "%.1f", plan.metres / 1000)
    let waiting = plan.leftOver.reduce(0) { $0 + $1.units }
    var heading = language.pick(
        "邮政专车：\(plan.runs.count) 趟，共 \(kilometres) 公里",
        "Postal shuttle: \(plan.runs.count) run\(plan.runs.count == 1 ? "" : "s"), \(kilometres) km")
    if let centre = configuration?.centreName {
        heading += language.pick("，从\(centre)出发", " from \(centre)")
    }
    if waiting > 0 {
        heading += language.pick("；\(waiting) 件装不下，留库", "; \(waiting) units wait for room")
    }
    if let recorded = ledger.shuttlePlans[plan.day] {
        heading +=
            recorded.runs == plan.record.runs
            ? language.pick("（已记录）", " (recorded)")
            : language.pick("（与已记录的车次不同）", " (differs from the recorded runs)")
    }
    buffer.put(heading, x: area.x, y: area.y, style: headingStyle, maxWidth: area.width)
    if plan.runs.isEmpty && area.height > 1 {
        buffer.put(
            language.pick("今天没有需要邮政专车运送的已批准物资。", "No approved goods go on the shuttle today."), x: area.x,
            y: area.y + 1, style: .role(.dim), maxWidth: area.width)
    }
    let lines = area.height - 1
    for (index, run) in plan.runs.prefix(lines).enumerated() {
        var text = runSummary(run, number: index + 1, language: language)
        if index == lines - 1 && plan.runs.count > lines {
            text = language.pick("……另有 \(plan.runs.count - lines + 1) 趟", "… \(plan.runs.count - lines + 1) more runs")
        } else {
            let room = area.width - DisplayWidth.of(text)
            text += stopsText(run, ledger: ledger, width: room)
        }
        buffer.put(text, x: area.x, y: area.y + 1 + index, style: Style(), maxWidth: area.width)
    }
}

/// Why the routes screen has no runs to show: the configuration files, or the plan itself.
enum ShuttlePanelProblem: Error, Sendable {
    case configuration(ShuttleConfigurationError)
    case planning(ShuttlePlanningError)
    case notRead

    func message(_ language: Language) -> String {
        switch self {
        case .configuration(let error): return error.description
        case .planning(let error): return error.description
        case .notRead:
            return language.pick(
                "尚未读取数据目录中的 centre.csv、vehicles.csv、pack-volumes.csv",
                "centre.csv, vehicles.csv and pack-volumes.csv have not been read yet")
        }
    }
}

/// `1 Y01 第1趟  8803/9000 升  47.7 公里  `
private func runSummary(_ run: ShuttlePlan.Run, number: Int, language: Language) -> String {
    let load = "\(Litres.text(run.millilitres))/\(Litres.text(run.vehicle.capacityMillilitres))"
    let kilometres = String(format: "%.1f", run.metres / 1000)
    return language.pick(
        "\(number) \(run.vehicle.id) 第\(run.trip)趟  \(load) 升  \(kilometres) 公里  ",
        "\(number) \(run.vehicle.id) trip \(run.trip)  \(load) L  \(kilometres) km  ")
}

/// The stops in order, with names when they fit in `width`, else by id alone.
private func stopsText(_ run: ShuttlePlan.Run, ledger: Ledger, width: Int) -> String {
    let named = run.stops.map { stop in
        [stop.recipient.rawValue, ledger.recipients[stop.recipient]?.name ?? ""].filter { !$0.isEmpty }
            .joined(separator: " ")
    }.joined(separator: " → ")
    if DisplayWidth.of(named) <= width { return named }
    return run.stops.map(\.recipient.rawValue).joined(separator: " → ")
}
