import DayClearCore
import Foundation
import Testing

@testable import DayClearStore

// MARK: - The sample day

/// The day the files in SampleData/ describe: 2026-02-10, Asia/Shanghai, cutoff 16:00.
enum Sample {
    static let day = CivilDate(year: 2026, month: 2, day: 10)
    static let timeZone = "Asia/Shanghai"
    static let settings = CalendarSettings(timeZoneIdentifier: timeZone, cutoffMinutes: 16 * 60)
    static let calendar = OperationalCalendar(timeZone: TimeZone(identifier: timeZone)!, cutoffMinutes: 16 * 60)
    static let fields = FieldParser(calendar: calendar)

    /// How many recipients, lots and requests the three files hold.
    static let counts: [ImportKind: Int] = [.recipients: 15, .stock: 40, .requests: 31]

    /// A local time in Asia/Shanghai, written `2026-02-10 09:30`.
    static func time(_ text: String) -> Date {
        do {
            return try fields.date(text)
        } catch {
            fatalError("bad test time \(text): \(error)")
        }
    }

    /// The package's SampleData folder, found from this file's path.
    static var folder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DayClearStoreTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("SampleData", isDirectory: true)
    }

    static func path(_ kind: ImportKind) -> String {
        folder.appendingPathComponent("\(kind.rawValue).csv").path
    }

    /// The header of SampleData/stock.csv.
    static let stockHeader = "批次号,物资名称,规格,数量,单位,每箱数量,捐赠方,定向单位,到货时间,预计到达,有效期,价值(元),估值"
    /// The header of SampleData/requests.csv.
    static let requestHeader = "申请编号,申请单位,物资名称,规格,数量,单位,需用时间,提交时间,备注"
    /// The header of SampleData/recipients.csv.
    static let recipientHeader = "单位编号,单位名称,优先级,纬度,经度,联系人"
}

// MARK: - Clock

/// A settable clock, so every recorded time is known in advance.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }
    convenience init(_ text: String) { self.init(Sample.time(text)) }

    var now: Date {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    /// Moves the clock to a local time on the sample calendar.
    func set(_ text: String) { now = Sample.time(text) }

    var function: () -> Date { { [self] in now } }
}

// MARK: - Temporary folders

/// Runs `body` with a fresh, empty folder and removes the folder afterwards.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("dayclear-storetests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// Writes `text` as UTF-8 (no BOM) to `name` in `folder` and returns its path.
@discardableResult
func writeFile(_ folder: URL, _ name: String, _ text: String) throws -> String {
    try writeFile(folder, name, Data(text.utf8))
}

@discardableResult
func writeFile(_ folder: URL, _ name: String, _ data: Data) throws -> String {
    let url = folder.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
}

// MARK: - Stores

/// How many events `makeStore` records: the calendar, then every role for the
/// initialiser and for "supervisor".
let setUpEventCount = 1 + 2 * Role.allCases.count

/// A fresh store in `folder/data` on the sample calendar, where "supervisor" too holds every role.
func makeStore(in folder: URL, clock: TestClock, actor: String = "coordinator") throws -> LedgerStore {
    let store = try DataDirectory(path: dataPath(folder)).initialise(
        actor: actor, calendar: Sample.settings, clock: clock.function)
    try grant(Set(Role.allCases), to: "supervisor", in: folder, clock: clock)
    try store.refresh()
    return store
}

/// Opens the store `makeStore` created in `folder`, as `actor` holding `roles`
/// (added to the data directory's roster first).
func openStore(
    in folder: URL, clock: TestClock, actor: String = "supervisor", roles: Set<Role> = Set(Role.allCases)
) throws -> LedgerStore {
    try grant(roles, to: actor, in: folder, clock: clock)
    return try DataDirectory(path: dataPath(folder)).open(actor: actor, clock: clock.function)
}

/// Gives `user` exactly `roles` in the roster of the store in `folder`, as role
/// events recorded without a role check (as a test fixture).
func grant(_ roles: Set<Role>, to user: String, in folder: URL, clock: TestClock) throws {
    let log = try SQLiteEventLog(path: databasePath(folder), create: false)
    let store = try LedgerStore(log: log, actor: "test-fixture", clock: clock.function)
    let held = store.ledger.roster.roles(of: user)
    let changes =
        roles.subtracting(held).sorted().map { DomainEvent.roleGranted(RoleChange(user: user, role: $0)) }
        + held.subtracting(roles).sorted().map { DomainEvent.roleRevoked(RoleChange(user: user, role: $0)) }
    if !changes.isEmpty { try store.perform(reason: "test fixture") { _ in changes } }
}

func dataPath(_ folder: URL) -> String { folder.appendingPathComponent("data").path }

func databasePath(_ folder: URL) -> String { DataDirectory(path: dataPath(folder)).databasePath }

/// Every event in the store's log.
func eventCount(_ store: LedgerStore) throws -> Int { try store.log.events(after: 0).count }

/// Imports one file with the import's "now" taken from the test clock.
@discardableResult
func runImport(
    _ kind: ImportKind, _ path: String, into store: LedgerStore, clock: TestClock, validOnly: Bool = false,
    rejectsPath: String? = nil
) throws -> CSVImport.Result {
    var job = CSVImport(kind: kind, path: path)
    job.now = clock.function
    return try job.run(on: store, validOnly: validOnly, rejectsPath: rejectsPath)
}

/// Imports the sample files of `kinds`, in order, and checks each imported whole.
func importSamples(
    _ kinds: [ImportKind] = [.recipients, .stock, .requests], into store: LedgerStore, clock: TestClock,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    for kind in kinds {
        let result = try runImport(kind, Sample.path(kind), into: store, clock: clock)
        #expect(result.imported, "\(kind) did not import", sourceLocation: sourceLocation)
        #expect(result.plan.issues == [], sourceLocation: sourceLocation)
        #expect(result.plan.accepted == Sample.counts[kind], sourceLocation: sourceLocation)
    }
}

/// A store on the sample day with the files of `kinds` imported at 15:45, and its clock.
func sampleStore(
    in folder: URL, _ kinds: [ImportKind] = [.recipients, .stock, .requests]
) throws -> (LedgerStore, TestClock) {
    let clock = TestClock("2026-02-10 15:45")
    let store = try makeStore(in: folder, clock: clock)
    try importSamples(kinds, into: store, clock: clock)
    return (store, clock)
}

// MARK: - Commands

extension LedgerStore {
    func propose(_ request: RequestID, line: Int, lot: LotID, _ quantity: Int) throws {
        try perform(.allocationProposed(AllocationProposal(request: request, line: line, lot: lot, quantity: quantity)))
    }

    /// Approves what is proposed, trimming the lines in `quantities`; like the CLI,
    /// it names every line, reading the proposals from the caught-up ledger.
    func approve(_ request: RequestID, _ quantities: [Int: Int] = [:]) throws {
        try perform { ledger in
            var all = quantities
            for line in ledger.requests[request]?.lines ?? [] where all[line.number] == nil {
                all[line.number] = ledger.proposedQuantity(request, line: line.number)
            }
            return [.requestApproved(LineQuantities(request: request, quantities: all))]
        }
    }

    func reject(_ request: RequestID, reason: String) throws {
        try perform(.requestRejected(RequestReference(request: request)), reason: reason)
    }

    func returnForRevision(_ request: RequestID, reason: String) throws {
        try perform(.requestReturned(RequestReference(request: request)), reason: reason)
    }

    func dispatch(_ request: RequestID) throws {
        try perform(.requestDispatched(RequestReference(request: request)))
    }

    func deliver(_ request: RequestID, _ received: [Int: Int] = [:]) throws {
        try perform(.requestDelivered(LineQuantities(request: request, quantities: received)))
    }

    func completePaperwork(_ request: RequestID) throws {
        try perform(.paperworkCompleted(RequestReference(request: request)))
    }

    func receive(_ lot: LotID, _ quantity: Int) throws {
        try perform(.lotReceived(LotReceipt(lot: lot, quantity: quantity)))
    }
}

// MARK: - The sqlite3 command-line tool

struct ProcessOutput {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the `sqlite3` command-line tool on a database: another process, as an
/// operator with file access (or a second DayClear) would be.
func sqlite3(_ database: String, _ sql: String) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", database, sql]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessOutput(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines),
        stderr: String(decoding: errData, as: UTF8.self))
}

// MARK: - Errors

/// The error `body` throws, or nil.
func thrownError(_ body: () throws -> Void) -> Error? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
