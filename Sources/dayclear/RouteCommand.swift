import ArgumentParser
import DayClearCore
import DayClearRouting
import DayClearStore
import Foundation

/// `dayclear route`: the day's classified delivery (分类运送) — point-to-point, the postal
/// shuttle's runs, the warehouse — and the forecast same-day clear rate; or, with `--cvrp`, one
/// TSPLIB capacitated routing instance solved, so the router can be checked against any
/// published optimum.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Plan the postal shuttle's runs for the day's approved goods, or solve a TSPLIB CVRP file.",
        discussion: """
            Approved allocations go point-to-point (a directed lot, or a lot going whole to one recipient) or on \
            the postal shuttle from the relief centre; the shuttle's runs respect each vehicle's capacity. The \
            centre, the fleet and the pack volumes come from centre.csv, vehicles.csv and pack-volumes.csv in the \
            data directory (see docs/formats.md). Without --apply the plan is only shown; with --apply it is \
            recorded as the day's shuttle runs.

            With --cvrp FILE.vrp, solves the file instead (EUC_2D distances rounded to the nearest integer, as \
            CVRPLIB does) and prints each run; the last line is `cost N`.
            """)

    @OptionGroup var data: DataOptions
    @Option(help: "The operational day (YYYY-MM-DD); default: the current one.") var day: String?
    @Flag(help: "Record the shuttle runs as the day's plan.") var apply = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Option(help: ArgumentHelp("Solve a TSPLIB CVRP file instead.", valueName: "FILE.vrp")) var cvrp: String?

    func validate() throws {
        if cvrp != nil && (apply || day != nil || format != .table) {
            throw ValidationError("--cvrp solves a file on its own; it takes no --day, --apply or --format")
        }
    }

    func run() throws {
        if let cvrp { return try CVRPSolve(path: cvrp).run() }
        let store = try data.open()
        let now = Date()
        var plan: ShuttlePlan?
        var configuration: ShuttleConfiguration?
        var recorded: [RecordedEvent] = []
        func make(_ ledger: Ledger) throws -> ShuttlePlan {
            let settings = try loadConfiguration(ledger)
            configuration = settings
            let made = try planShuttle(settings, ledger: ledger, day: try resolveDay(day, ledger: ledger, now: now))
            plan = made
            return made
        }
        if apply {
            recorded = try store.perform(reason: MachineReason.routePlan.recorded) { ledger in
                let made = try make(ledger)
                guard !made.runs.isEmpty else {
                    throw CommandError("nothing to record: no approved goods go on the shuttle for \(made.day)")
                }
                return [.shuttleRunsPlanned(made.record)]
            }
        } else {
            _ = try make(store.ledger)
        }
        guard let plan, let configuration else { return }
        let output = RouteOutput(plan: plan, configuration: configuration, ledger: store.ledger, recorded: recorded)
        switch format {
        case .table: print(output.table(applied: apply))
        case .csv: FileHandle.standardOutput.write(output.csv())
        case .json: FileHandle.standardOutput.write(try output.json(applied: apply) + Data("\n".utf8))
        }
    }

    private func loadConfiguration(_ ledger: Ledger) throws -> ShuttleConfiguration {
        do {
            return try ShuttleConfigurationFiles.load(from: data.directory.url, ledger: ledger)
        } catch {
            throw CommandError(error.description)
        }
    }

    private func planShuttle(_ settings: ShuttleConfiguration, ledger: Ledger, day: CivilDate) throws -> ShuttlePlan {
        do {
            return try ShuttlePlanner(configuration: settings).plan(ledger: ledger, day: day)
        } catch {
            let file = data.directory.url.appendingPathComponent(ShuttleConfigurationFiles.packVolumes).path
            throw CommandError("\(file): \(error.description)")
        }
    }
}
