import ArgumentParser
import DayClearCore
import DayClearStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write reports.", subcommands: [DayEndExportCommand.self])
}

struct DayEndExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day-end",
        abstract: "Write the day-end CSVs: disclosure (每日公示), receipts, dispatches, approval times, pending paperwork.")

    @OptionGroup var data: DataOptions
    @Option(help: "The operational day (YYYY-MM-DD); default: the current one.") var day: String?
    @Option(help: "The folder to write into.") var out: String

    func run() throws {
        let store = try data.open()
        let chosen = try resolveDay(day, ledger: store.ledger, now: Date())
        let export = try DayEndExport(store: store, day: chosen)
        let files = try export.write(to: URL(fileURLWithPath: out, isDirectory: true))
        for file in files {
            print(file.url.pathExtension == "csv" ? "\(file.url.path)\t\(file.rows) rows" : file.url.path)
        }
        if let signed = export.checkpoints?.signed {
            let time = LocalTimeFormat(store.ledger.calendar).string(Date(milliseconds: signed.checkpoint.signedAt))
            // A checkpoint this key already signed at that event is reused, whatever its kind.
            let what = signed.kind == .dayEnd ? "day-end, signed \(time)" : "already signed \(time), periodic"
            print(
                "Checkpoint at event \(signed.checkpoint.count) (\(what)); keep the public key file to verify later")
        }
        saveSnapshotIfDue(store)
        print(
            "Same-day clear rate \(chosen): \(percentText(export.report.clearRate).isEmpty ? "n/a" : percentText(export.report.clearRate) + "%") (target 90%)"
        )
    }
}
