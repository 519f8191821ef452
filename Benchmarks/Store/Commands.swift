import DayClearApp
import DayClearCore
import DayClearStore
import Foundation
import TerminalUI

/// A new data directory and its empty log (the generator grants the benchmark's actor every role).
func makeDataDirectory(_ path: String) throws -> (DataDirectory, SQLiteEventLog) {
    let directory = DataDirectory(path: path)
    try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
    return (directory, try SQLiteEventLog(path: directory.databasePath, create: true))
}

func generate(_ arguments: Arguments) throws {
    let root = URL(fileURLWithPath: arguments.text("dir"), isDirectory: true)
    let seed = UInt64(arguments.number("seed", default: 20_260_105))
    let (_, log) = try makeDataDirectory(root.appendingPathComponent("store").path)
    var generator = StoreGenerator(
        log: log, events: arguments.number("events", default: 1_000_000),
        surgeDispatches: arguments.number("surge", default: 100_000), seed: seed)
    let ((surgeDay, days), storeMs) = try milliseconds { try generator.run() }
    let ledger = generator.ledger

    let (_, baseLog) = try makeDataDirectory(root.appendingPathComponent("import-base").path)
    var base = StoreGenerator(log: baseLog, events: 0, surgeDispatches: 0, seed: seed)
    try base.importBase()

    let csv = root.appendingPathComponent("requests.csv")
    let (_, csvMs) = try milliseconds {
        try RequestCSV.write(to: csv, bytes: arguments.number("csv-mb", default: 100) << 20, seed: seed)
    }
    let surgeDate = ledger.calendar.calendarDate(of: StoreGenerator.date(ofDay: surgeDay).addingTimeInterval(3_600))
    let open = ledger.requests.values.filter { $0.state.isOpen }.count
    emit([
        "events": ledger.lastSequence, "requests": ledger.requests.count, "open_requests": open,
        "lots": ledger.lots.count, "allocations": ledger.allocations.count, "days": days,
        "surge_day": surgeDate.description, "store_ms": storeMs, "csv_ms": csvMs,
    ])
}

/// What the TUI does before its first frame: open the store (replay), load the journal's tail,
/// render the lists screen into a 120×40 buffer.
func openStore(_ arguments: Arguments) throws {
    let directory = DataDirectory(path: arguments.text("data"))
    // `--snapshot off` replays every event, as the first open of a store without a snapshot does.
    let replayAll = arguments.values["snapshot"] == "off"
    let cpuStart = cpuMilliseconds()
    let (store, openMs) = try milliseconds {
        replayAll
            ? try LedgerStore(log: SQLiteEventLog(path: directory.databasePath, create: false), actor: benchActor)
            : try directory.open(actor: benchActor)
    }
    // Other notices (such as a checkpoint key created on the first open) are not the step's business.
    for notice in store.notices { FileHandle.standardError.write(Data("\(notice)\n".utf8)) }
    guard replayAll || store.snapshotSequence > 0 else { fail("the snapshot was not used: \(store.notices)") }
    var state = AppState(language: .zh, user: benchActor, roles: Set(Role.allCases), now: Date())
    let (_, journalMs) = try milliseconds {
        state.journal = try store.log.events(after: max(0, store.ledger.lastSequence - AppState.journalLength))
    }
    let (_, frameMs) = milliseconds {
        var buffer = CellBuffer(width: 120, height: 40)
        render(state, ledger: store.ledger, into: &buffer)
        return buffer.width
    }
    emit([
        "open_ms": openMs, "journal_ms": journalMs, "frame_ms": frameMs, "total_ms": openMs + journalMs + frameMs,
        "cpu_ms": cpuMilliseconds() - cpuStart,
        "max_rss_mib": maxResidentMiB(), "events": store.ledger.lastSequence, "requests": store.ledger.requests.count,
        "snapshot_at": store.snapshotSequence,
    ])
}

/// Times writing a snapshot of the store (what opening does once `SnapshotFile.interval` events
/// follow the last one).
func writeSnapshot(_ arguments: Arguments) throws {
    let directory = DataDirectory(path: arguments.text("data"))
    let log = try SQLiteEventLog(path: directory.databasePath, create: false)
    let store = try LedgerStore(log: log, actor: benchActor)
    let file = SnapshotFile(directory: directory.url)
    let (_, ms) = try milliseconds { try file.write(store.ledger, log: log) }
    let bytes = (try FileManager.default.attributesOfItem(atPath: file.url.path)[.size] as? Int) ?? 0
    emit(["ms": ms, "bytes": bytes, "at": store.ledger.lastSequence])
}

func importCSV(_ arguments: Arguments) throws {
    let path = arguments.text("file")
    let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    let cpuStart = cpuMilliseconds()
    switch arguments.text("phase") {
    case "parse":
        // What an import reads before it looks at a cell: the file mapped, checked as UTF-8 and split
        // into records of byte ranges.
        let (rows, ms) = try milliseconds { try CSVReader.countRecords(inFile: path) }
        emit([
            "phase": "parse", "ms": ms, "cpu_ms": cpuMilliseconds() - cpuStart, "bytes": bytes, "rows": rows,
            "max_rss_mib": maxResidentMiB(),
        ])
    case "table":
        // Every field as a String in one table, as Python's csv.reader hands out its rows.
        let (table, ms) = try milliseconds { try CSVReader.read(try Data(contentsOf: URL(fileURLWithPath: path))) }
        emit([
            "phase": "table", "ms": ms, "cpu_ms": cpuMilliseconds() - cpuStart, "bytes": bytes,
            "rows": table.records.count, "max_rss_mib": maxResidentMiB(),
        ])
    case "plan":
        let store = try DataDirectory(path: arguments.text("data")).open(actor: benchActor)
        let planStart = cpuMilliseconds()
        let ((plan, folded), ms) = try milliseconds {
            try Importer(kind: .requests, file: path, now: Date().storePrecision).plan(against: store.ledger)
        }
        guard plan.issues.isEmpty else { fail("the generated CSV has issues: \(plan.issues.prefix(3))") }
        // The folded ledger is freed after the step's CPU time is read, as `e2e`'s store keeps its own.
        withExtendedLifetime(folded) {
            emit([
                "phase": "plan", "ms": ms, "cpu_ms": cpuMilliseconds() - planStart, "bytes": bytes,
                "events": plan.accepted, "max_rss_mib": maxResidentMiB(),
            ])
        }
    case "e2e":
        let store = try DataDirectory(path: arguments.text("data")).open(actor: benchActor)
        let runStart = cpuMilliseconds()
        let (result, ms) = try milliseconds {
            try CSVImport(kind: .requests, path: path).run(on: store, validOnly: false)
        }
        guard result.imported else { fail("nothing imported: \(result.plan.issues.prefix(3))") }
        emit([
            "phase": "e2e", "ms": ms, "cpu_ms": cpuMilliseconds() - runStart, "bytes": bytes,
            "events": result.plan.accepted,
            "max_rss_mib": maxResidentMiB(),
        ])
    case "floor": try insertFloor(arguments)
    default: fail("--phase is parse, table, plan, e2e or floor")
    }
}

func exportDayEnd(_ arguments: Arguments) throws {
    let store = try DataDirectory(path: arguments.text("data")).open(actor: benchActor)
    guard let day = CivilDate(arguments.text("day")) else { fail("--day takes YYYY-MM-DD") }
    let out = URL(fileURLWithPath: arguments.text("out"), isDirectory: true)
    let cpuStart = cpuMilliseconds()
    let (files, ms) = try milliseconds { try DayEndExport(store: store, day: day).write(to: out) }
    var rows: [String: Int] = [:]
    for file in files { rows[file.url.lastPathComponent] = file.rows }
    emit([
        "ms": ms, "cpu_ms": cpuMilliseconds() - cpuStart, "rows": rows,
        "dispatches": rows.first { $0.key.hasSuffix("dispatches.csv") }?.value ?? 0,
    ])
}

/// Approves `count` of today's proposed requests one by one, each a durable transaction, the way the
/// TUI's approval key records one: `update` turns the key into events, the run loop calls `perform`.
func approve(_ arguments: Arguments) throws {
    let store = try DataDirectory(path: arguments.text("data")).open(actor: benchActor)
    let count = arguments.number("count", default: 200)
    let waiting = store.ledger.requests.values.filter { $0.state == .proposed }.map(\.id).sorted().prefix(count)
    guard waiting.count == count else { fail("only \(waiting.count) proposed requests") }
    var samples: [Double] = []
    for id in waiting {
        let (_, ms) = try milliseconds {
            try store.perform(.requestApproved(LineQuantities(request: id, quantities: [:])))
        }
        samples.append(ms)
    }
    emit(["samples_ms": samples, "events": store.ledger.lastSequence])
}
