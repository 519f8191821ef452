import DayClearCore
import DayClearRouting
import DayClearStore
import Foundation
import TerminalUI

/// `dayclear route`'s three formats of one shuttle plan.
struct RouteOutput {
    var plan: ShuttlePlan
    var configuration: ShuttleConfiguration
    var ledger: Ledger
    var recorded: [RecordedEvent]

    // MARK: - Table

    func table(applied: Bool) -> String {
        let centre = configuration.centre
        var lines = [
            "分类运送 Routes — \(plan.day), 出发 from \(configuration.centreName) "
                + String(format: "(%.6f, %.6f)", centre.latitude, centre.longitude)
        ]
        lines.append("")
        lines.append("邮政专车 Shuttle runs: \(plan.runs.count), \(kilometres(plan.metres)) km")
        for (index, run) in plan.runs.enumerated() {
            lines.append(
                "第 \(index + 1) 趟 Run \(index + 1): \(run.vehicle.id) \(run.vehicle.name), trip \(run.trip) — "
                    + "\(Litres.text(run.millilitres)) of \(Litres.text(run.vehicle.capacityMillilitres)) L, "
                    + "\(kilometres(run.metres)) km")
            let rows = run.stops.enumerated().map { position, stop in
                [
                    "  \(position + 1).", stop.recipient.rawValue, ledger.recipients[stop.recipient]?.name ?? "",
                    "\(Litres.text(stop.millilitres)) L", goods(stop.cargo),
                ]
            }
            lines.append(columns(rows, numeric: [false, false, false, true, false]))
        }
        lines.append("")
        lines.append("点对点 Point-to-point: \(plan.pointToPoint.count) allocations, \(units(plan.pointToPoint)) units")
        lines.append(
            "仓库存储 Left in the warehouse (no room on today's runs): \(plan.leftOver.count) allocations, "
                + "\(units(plan.leftOver)) units")
        lines.append(forecastLine())
        if applied {
            lines.append(
                "已记录 Recorded the shuttle runs (event \(recorded.map { "\($0.sequence)" }.joined(separator: ", ")))")
        } else {
            lines.append("未记录 Not recorded; run with --apply to adopt these runs")
        }
        return lines.joined(separator: "\n")
    }

    private func forecastLine() -> String {
        guard let rate = plan.forecastClearRate else {
            return "日进日清预测 Forecast same-day clear: no goods arrive or are expected this day"
        }
        let verdict = rate >= DayEndReport.clearTarget ? "达标 reaches" : "未达标 below"
        return String(format: "日进日清预测 Forecast same-day clear: %.1f%%", rate * 100)
            + " (\(plan.clearedUnits) of the day's \(plan.dayUnits) units; \(verdict) the 90% target)"
    }

    /// `R-0007/1 防护服 / 医用一次性L ×200; …`, one entry per request line whatever lots feed it.
    private func goods(_ cargo: [ShuttlePlan.Cargo]) -> String {
        var order: [String] = []
        var units: [String: Int] = [:]
        for part in cargo {
            let key = "\(part.request)/\(part.line) \(part.item)"
            if units[key] == nil { order.append(key) }
            units[key, default: 0] += part.units
        }
        return order.map { "\($0) ×\(units[$0] ?? 0)" }.joined(separator: "; ")
    }

    private func units(_ cargo: [ShuttlePlan.Cargo]) -> Int { cargo.reduce(0) { $0 + $1.units } }

    private func kilometres(_ metres: Double) -> String { String(format: "%.1f", metres / 1000) }

    private func columns(_ rows: [[String]], numeric: [Bool]) -> String {
        rows.isEmpty ? "  (no stops)" : alignedColumns(rows, numeric: numeric)
    }

    // MARK: - CSV

    /// One row per allocation part: how it leaves, and for the shuttle, on which run and stop.
    func csv() -> Data {
        var rows: [[String]] = []
        for (index, run) in plan.runs.enumerated() {
            for (position, stop) in run.stops.enumerated() {
                for cargo in stop.cargo {
                    rows.append(
                        row(
                            "shuttle", cargo, run: "\(index + 1)", vehicle: run.vehicle.id, trip: "\(run.trip)",
                            stop: "\(position + 1)"))
                }
            }
        }
        rows += plan.pointToPoint.map { row("point-to-point", $0) }
        rows += plan.leftOver.map { row("warehouse", $0) }
        return CSVWriter.encode(
            header: [
                "route", "run", "vehicle_id", "trip", "stop", "recipient_id", "request_id", "line", "lot_id", "kind",
                "spec", "units", "litres",
            ], rows: rows)
    }

    private func row(
        _ route: String, _ cargo: ShuttlePlan.Cargo, run: String = "", vehicle: String = "", trip: String = "",
        stop: String = ""
    ) -> [String] {
        let recipient = ledger.requests[cargo.request]?.recipient.rawValue ?? ""
        return [
            route, run, vehicle, trip, stop, recipient, cargo.request.rawValue, "\(cargo.line)", cargo.lot.rawValue,
            cargo.item.kind, cargo.item.spec, "\(cargo.units)",
            route == "shuttle" ? Litres.text(cargo.millilitres) : "",
        ]
    }

    // MARK: - JSON

    func json(applied: Bool) throws -> Data {
        func cargo(_ c: ShuttlePlan.Cargo) -> RouteDocument.Cargo {
            .init(
                requestId: c.request.rawValue, line: c.line, lotId: c.lot.rawValue, kind: c.item.kind,
                spec: c.item.spec, units: c.units, litres: Double(c.millilitres) / 1000)
        }
        let document = RouteDocument(
            day: plan.day.description, centre: configuration.centreName,
            latitude: configuration.centre.latitude, longitude: configuration.centre.longitude, applied: applied,
            events: recorded.map(\.sequence),
            runs: plan.runs.map { run in
                .init(
                    vehicleId: run.vehicle.id, vehicleName: run.vehicle.name, trip: run.trip,
                    capacityLitres: Double(run.vehicle.capacityMillilitres) / 1000,
                    loadLitres: Double(run.millilitres) / 1000, kilometres: (run.metres / 100).rounded() / 10,
                    stops: run.stops.map { stop in
                        .init(
                            recipientId: stop.recipient.rawValue, name: ledger.recipients[stop.recipient]?.name ?? "",
                            litres: Double(stop.millilitres) / 1000, units: stop.units, cargo: stop.cargo.map(cargo))
                    })
            },
            pointToPoint: plan.pointToPoint.map(cargo), warehouse: plan.leftOver.map(cargo), dayUnits: plan.dayUnits,
            clearedUnits: plan.clearedUnits, forecastClearRate: plan.forecastClearRate,
            target: DayEndReport.clearTarget)
        return try JSONEncoder.commandOutput().encode(document)
    }
}

/// The JSON shape of `route --format json`.
private struct RouteDocument: Encodable {
    struct Cargo: Encodable {
        var requestId: String
        var line: Int
        var lotId: String
        var kind: String
        var spec: String
        var units: Int
        var litres: Double
    }

    struct Stop: Encodable {
        var recipientId: String
        var name: String
        var litres: Double
        var units: Int
        var cargo: [Cargo]
    }

    struct Run: Encodable {
        var vehicleId: String
        var vehicleName: String
        var trip: Int
        var capacityLitres: Double
        var loadLitres: Double
        var kilometres: Double
        var stops: [Stop]
    }

    var day: String
    var centre: String
    var latitude: Double
    var longitude: Double
    var applied: Bool
    var events: [Int64]
    var runs: [Run]
    var pointToPoint: [Cargo]
    var warehouse: [Cargo]
    var dayUnits: Int
    var clearedUnits: Int
    var forecastClearRate: Double?
    var target: Double
}
