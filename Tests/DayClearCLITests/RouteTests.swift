import Foundation
import Testing

@Suite("route")
struct RouteTests {
    static let instances = Package.root.appendingPathComponent("Benchmarks/cvrp", isDirectory: true)

    /// The bundled instance solved by the real binary: every customer once, no run over the
    /// capacity, each run's printed length adding up to the cost, within 5% of the optimum.
    @Test func cvrpPrintsTheCostLastWithin5PercentOfTheOptimum() throws {
        let file = Self.instances.appendingPathComponent("A-n32-k5.vrp").path
        let result = try run(["route", "--cvrp", file])
        #expect(result.succeeded, result.comment)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let last = try #require(lines.last, result.comment)
        #expect(last.hasPrefix("cost "), result.comment)
        let cost = try #require(Int(last.dropFirst("cost ".count)), result.comment)
        let optima = try String(contentsOf: Self.instances.appendingPathComponent("optima.csv"), encoding: .utf8)
        let optimum = try #require(
            optima.split(separator: "\n").first { $0.hasPrefix("A-n32-k5,") }.flatMap {
                Int($0.split(separator: ",")[1])
            })
        #expect(optimum == 784)
        #expect(cost >= optimum, result.comment)
        #expect(Double(cost) <= Double(optimum) * 1.05, result.comment)

        var visited: [Int] = []
        var lengths = 0
        for line in lines where line.hasPrefix("run ") {
            // run 1: 1 22 32 20 18 14 8 27 1  load 98  length 227
            let parts = line.components(separatedBy: "  ")
            let nodes = parts[0].split(separator: ":")[1].split(separator: " ").compactMap { Int($0) }
            #expect(nodes.first == 1 && nodes.last == 1, "\(line)")
            visited += nodes.dropFirst().dropLast()
            let load = try #require(Int(parts[1].dropFirst("load ".count)), "\(line)")
            #expect(load <= 100, "\(line)")
            lengths += try #require(Int(parts[2].dropFirst("length ".count)), "\(line)")
        }
        #expect(visited.sorted() == Array(2...32), result.comment)
        #expect(abs(lengths - cost) <= lines.count, "per-run lengths are rounded; they sum to \(lengths)")
    }

    @Test func cvrpNamesTheFileLineAndProblem() throws {
        let sandbox = try Sandbox()
        let text = try String(contentsOf: Self.instances.appendingPathComponent("A-n33-k5.vrp"), encoding: .utf8)
            .replacingOccurrences(of: "CAPACITY : 100", with: "CAPACITY : lots")
        let path = sandbox.path("broken.vrp")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["route", "--cvrp", path])
        #expect(result.status != 0, result.comment)
        #expect(result.stderr.contains("\(path):6: CAPACITY must be a positive whole number, not lots"), result.comment)
        #expect(!result.stdout.contains("cost"), result.comment)
    }

    /// The sample day, planned and approved, routed from the sample's centre with its fleet.
    private func approvedSampleDay(_ name: String = #function) throws -> Sandbox {
        let sandbox = try Sandbox.withSampleDay(name)
        try FileManager.default.removeItem(at: sandbox.data.appendingPathComponent("pack-volumes.csv"))
        try FileManager.default.copyItem(
            at: Package.sampleData.appendingPathComponent("pack-volumes.csv"),
            to: sandbox.data.appendingPathComponent("pack-volumes.csv"))
        let planned = try sandbox.dayclear("plan", "--day", "2026-02-10", "--apply")
        try #require(planned.succeeded, planned.comment)
        let lists = try sandbox.listsJSON(day: "2026-02-10")
        let proposed = Set(lists.requests.filter { $0.string("state") == "已建议" }.compactMap { $0.string("request") })
        for request in proposed.sorted() {
            let approved = try sandbox.dayclear("approve", request)
            try #require(approved.succeeded, approved.comment)
        }
        return sandbox
    }

    @Test func routesTheSampleDay() throws {
        let sandbox = try approvedSampleDay()
        let result = try sandbox.dayclear("route", "--day", "2026-02-10", "--format", "json")
        #expect(result.succeeded, result.comment)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.comment)
        let runs = document["runs"] as? [[String: Any]] ?? []
        #expect(!runs.isEmpty, result.comment)
        for run in runs {
            let capacity = run["capacity_litres"] as? Double ?? 0
            let load = run["load_litres"] as? Double ?? .infinity
            #expect(load <= capacity, "\(run)")
            let stops = run["stops"] as? [[String: Any]] ?? []
            #expect(!stops.isEmpty)
            let stopLitres = stops.reduce(0.0) { $0 + ($1["litres"] as? Double ?? 0) }
            #expect(abs(stopLitres - load) < 1e-6)
        }
        // Directed lots (L-0001 to H01 among them) leave point-to-point.
        let direct = document["point_to_point"] as? [[String: Any]] ?? []
        #expect(direct.contains { $0["lot_id"] as? String == "L-0001" }, result.comment)
        let dayUnits = document["day_units"] as? Int ?? 0
        let cleared = document["cleared_units"] as? Int ?? -1
        #expect(dayUnits > 0 && (0...dayUnits).contains(cleared))
        #expect(document["forecast_clear_rate"] as? Double == Double(cleared) / Double(dayUnits))

        // Every approved unit is on exactly one route class in the CSV.
        let csv = try sandbox.dayclear("route", "--day", "2026-02-10", "--format", "csv")
        #expect(csv.succeeded, csv.comment)
        // CRLF lines (as Excel wants them); no field of this output holds a comma.
        let rows = csv.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let routed = rows.reduce(0) { $0 + (Int($1[11]) ?? 0) }
        let lists = try sandbox.listsJSON(day: "2026-02-10")
        let approved = lists.requests.reduce(0) { $0 + ($1.int("approved") ?? 0) }
        #expect(routed == approved, csv.comment)
        #expect(Set(rows.map { String($0[0]) }).isSubset(of: ["shuttle", "point-to-point", "warehouse"]))

        let table = try sandbox.dayclear("route", "--day", "2026-02-10")
        #expect(table.succeeded, table.comment)
        #expect(table.stdout.contains("第 1 趟 Run 1: Y01"), table.comment)
        #expect(table.stdout.contains("日进日清预测 Forecast same-day clear: "), table.comment)
        #expect(table.stdout.contains("未记录 Not recorded"), table.comment)
    }

    @Test func applyRecordsTheRuns() throws {
        let sandbox = try approvedSampleDay()
        let before = try sandbox.history().count
        let result = try sandbox.dayclear("route", "--day", "2026-02-10", "--apply")
        #expect(result.succeeded, result.comment)
        #expect(result.stdout.contains("已记录 Recorded the shuttle runs (event \(before + 1))"), result.comment)
        let history = try sandbox.history()
        #expect(history.count == before + 1)
        let last = try #require(history.last)
        #expect(last.contains("planned ") && last.contains(" shuttle runs for 2026-02-10: "), "\(last)")
        #expect(last.contains("route plan"), "\(last)")
        let verified = try sandbox.dayclear("verify")
        #expect(verified.succeeded, verified.comment)
    }

    @Test func badConfigurationIsNamedAndNothingRecorded() throws {
        let sandbox = try approvedSampleDay()
        let before = try sandbox.history().count
        let vehicles = sandbox.data.appendingPathComponent("vehicles.csv")
        try "车辆编号,车辆名称,容量（升）,每日趟数\nY01,大车,9000,2\nY02,小车,-300,1\n".write(
            to: vehicles, atomically: true, encoding: .utf8)
        let result = try sandbox.dayclear("route", "--day", "2026-02-10", "--apply")
        #expect(result.status != 0, result.comment)
        #expect(
            result.stderr.contains("\(vehicles.path):3: 容量（升） must be a positive number of litres, not -300"),
            result.comment)
        #expect(try sandbox.history().count == before)
    }

    @Test func aShuttledKindWithoutPackVolumeIsNamed() throws {
        let sandbox = try approvedSampleDay()
        try "物资名称,规格,每箱体积（升）\n".write(
            to: sandbox.data.appendingPathComponent("pack-volumes.csv"), atomically: true, encoding: .utf8)
        let result = try sandbox.dayclear("route", "--day", "2026-02-10")
        #expect(result.status != 0, result.comment)
        #expect(result.stderr.contains("pack-volumes.csv: no pack volume for "), result.comment)
    }

    /// `demo` copies the sample's centre, fleet and pack volumes; `route` reads them as they are.
    @Test func demoAndInitWriteTheShuttleConfiguration() throws {
        let demo = try Sandbox()
        let made = try demo.dayclear("demo")
        try #require(made.succeeded, made.comment)
        for name in ["centre.csv", "vehicles.csv", "pack-volumes.csv"] {
            let copied = try Data(contentsOf: demo.data.appendingPathComponent(name))
            #expect(copied == (try Data(contentsOf: Package.sampleData.appendingPathComponent(name))), "\(name)")
        }
        let routed = try demo.dayclear("route")
        #expect(routed.succeeded, routed.comment)
        #expect(routed.stdout.contains("出发 from 杭州市救灾物资储备中心 (30.274150, 120.155070)"), routed.comment)

        let fresh = try Sandbox()
        let initialised = try fresh.dayclear("init")
        try #require(initialised.succeeded, initialised.comment)
        let empty = try fresh.dayclear("route", "--format", "json")
        #expect(empty.succeeded, empty.comment)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [String: Any], empty.comment)
        #expect((document["runs"] as? [Any])?.isEmpty == true, empty.comment)
        #expect(document["day_units"] as? Int == 0, empty.comment)
        #expect(document["forecast_clear_rate"] == nil, empty.comment)
    }
}
