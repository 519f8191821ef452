import ArgumentParser
import DayClearApp
import DayClearCore
import DayClearStore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the sample day (SampleData/) into a fresh data directory and show it.",
        discussion: """
            The sample day's times are moved so that now is half an hour before its cutoff, when the \
            approval group is busiest: the day's goods have arrived, tomorrow's are expected, and the \
            last requests came in minutes ago. The demo's cutoff moves with the sample (it is half an \
            hour from now), so the sample day is today's operational day.
            """)

    /// The operational day the files in SampleData/ describe (see SampleData/README.md).
    static let sampleDay = CivilDate(year: 2026, month: 2, day: 10)
    static let sampleTimeZone = "Asia/Shanghai"
    /// The sample day's moment that the demo maps onto now: 15:30, before the 16:00 cutoff.
    static let sampleMinuteOfNow = 15 * 60 + 30

    @Option(help: "Where to create the demo data (must not exist yet); default: a new temporary folder.")
    var data: String?

    @Option(
        help:
            "The folder holding recipients.csv, stock.csv and requests.csv (and the shuttle's centre.csv, vehicles.csv and pack-volumes.csv)."
    )
    var sampleData: String?

    @Option(help: "Label language: zh or en (default: zh, the language of the sample day).")
    var lang: String = Language.zh.rawValue

    func validate() throws {
        if Language(rawValue: lang) == nil { throw ValidationError("--lang expects zh or en; got \(lang)") }
    }

    func run() throws {
        let directory = DataDirectory(path: try data ?? Self.temporaryFolder())
        let calendar = OperationalCalendar(timeZone: TimeZone(identifier: Self.sampleTimeZone) ?? .current)
        let anchor = calendar.startOfDate(Self.sampleDay).addingTimeInterval(Double(Self.sampleMinuteOfNow) * 60)
        let shift = (Date().timeIntervalSince(anchor) / 60).rounded(.down) * 60
        // The sample's cutoff moves with it, so the sample day is exactly today's operational day.
        let cutoff = calendar.minuteOfDay(calendar.cutoff(on: Self.sampleDay).addingTimeInterval(shift))
        let store = try directory.initialise(
            actor: currentUserName(),
            calendar: CalendarSettings(timeZoneIdentifier: Self.sampleTimeZone, cutoffMinutes: cutoff))
        let folder = try sampleFolder()
        for kind in ImportKind.allCases {
            let path = folder.appendingPathComponent("\(kind.rawValue).csv").path
            let result = try CSVImport(kind: kind, path: path, timeShift: shift, futureBecomesPending: true)
                .run(on: store, validOnly: false)
            guard result.imported else {
                for issue in result.plan.issues { printError(issue.description) }
                throw ExitCode.failure
            }
        }
        try copyShuttleConfiguration(from: folder, to: directory.url)
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            try TUICommand.open(dataPath: directory.url.path, lang: lang)
            return
        }
        print("Demo data in \(directory.url.path)")
        print("Try: dayclear lists --data \(directory.url.path)\n")
        try ListsCommand.parse(["--data", directory.url.path]).run()
    }

    /// The sample's centre, fleet and pack volumes; the defaults for any the folder lacks.
    private func copyShuttleConfiguration(from folder: URL, to directory: URL) throws {
        let names = [
            ShuttleConfigurationFiles.centre, ShuttleConfigurationFiles.vehicles, ShuttleConfigurationFiles.packVolumes,
        ]
        for name in names {
            let source = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: directory.appendingPathComponent(name))
            }
        }
        try ShuttleConfigurationFiles.writeDefaults(to: directory)
    }

    private static func temporaryFolder() throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dayclear-demo-\(UUID().uuidString.prefix(8))")
        return base.path
    }

    /// `--sample-data`, else ./SampleData, else the SampleData folder of the source tree this was built from.
    private func sampleFolder() throws -> URL {
        var candidates: [String] = []
        if let sampleData { candidates.append(sampleData) }
        candidates.append(FileManager.default.currentDirectoryPath + "/SampleData")
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("SampleData").path)
        for path in candidates where FileManager.default.fileExists(atPath: path + "/stock.csv") {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        throw CommandError(
            "cannot find the sample data; give --sample-data DIR (looked in \(candidates.joined(separator: ", ")))")
    }
}
