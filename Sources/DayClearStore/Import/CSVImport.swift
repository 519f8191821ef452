import DayClearCore
import Foundation

/// One import of one file into a store: read, check every row, record all or nothing.
public struct CSVImport {
    public struct Result {
        public var plan: ImportPlan
        /// True when events were recorded.
        public var imported: Bool
        /// Where rejected rows were written (`--valid-only` with problems).
        public var rejectsFile: String?
    }

    public var kind: ImportKind
    public var path: String
    /// Added to every time read (the demo moves the sample day up to now).
    public var timeShift: TimeInterval = 0
    /// The demo's live clock (see `Importer.futureBecomesPending`).
    public var futureBecomesPending = false
    public var now: () -> Date = Date.init

    public init(kind: ImportKind, path: String, timeShift: TimeInterval = 0, futureBecomesPending: Bool = false) {
        self.kind = kind
        self.path = path
        self.timeShift = timeShift
        self.futureBecomesPending = futureBecomesPending
    }

    /// Imports into `store`. Without `validOnly`, any problem means nothing is recorded.
    ///
    /// A store on this machine records each unit as it is read: its event is folded into the ledger
    /// and written to the log in one open transaction, which is committed at the end, or rolled
    /// back when a unit was refused and `validOnly` is not set. Another session (a server) is sent
    /// the events once the whole file has been checked.
    public func run(on store: LedgerSession, validOnly: Bool, rejectsPath: String? = nil) throws -> Result {
        let bytes = try Self.bytes(of: path)
        let importer = Importer(
            kind: kind, file: path, now: now().storePrecision, timeShift: timeShift,
            futureBecomesPending: futureBecomesPending)
        var outcome = Importer.Outcome()
        try Self.describingCSVErrors(in: path) {
            do {
                if let local = store as? LedgerStore {
                    try local.recordEach(reason: nil) { recorder in
                        outcome = try importer.run(bytes, into: &recorder)
                        guard validOnly || outcome.plan.issues.isEmpty else { throw Refused() }
                    }
                } else {
                    try store.perform(reason: nil) { ledger in
                        var recorder = LedgerRecorder(ledger: ledger, time: importer.now, keepsEvents: true)
                        outcome = try importer.run(bytes, into: &recorder)
                        guard validOnly || outcome.plan.issues.isEmpty else { return [] }
                        return recorder.events
                    }
                }
            } catch is Refused {
                // Nothing was recorded; the plan says why.
            }
        }
        let plan = outcome.plan
        var rejectsFile: String?
        if validOnly, !plan.issues.isEmpty {
            let target = rejectsPath ?? path + ".rejected.csv"
            try writeRejects(plan, header: outcome.header, to: target)
            rejectsFile = target
        }
        let recorded = plan.accepted > 0 && (validOnly || plan.issues.isEmpty)
        return Result(
            plan: plan, imported: recorded || (plan.issues.isEmpty && plan.accepted == 0), rejectsFile: rejectsFile)
    }

    /// Thrown out of the store's transaction to roll it back when a unit was refused.
    private struct Refused: Error {}

    /// The file's bytes, or the `ImportIssue` saying why they cannot be read.
    static func bytes(of path: String) throws -> CSVBytes {
        do {
            return try CSVBytes(contentsOf: path)
        } catch let error as CSVReadError {
            throw ImportIssue(file: path, row: 0, column: "", reason: error.description)
        } catch {
            throw ImportIssue(file: path, row: 0, column: "", reason: "cannot read the file")
        }
    }

    /// Runs `body`, turning a `CSVReadError` into the `ImportIssue` that names the file and row.
    static func describingCSVErrors<T>(in path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CSVReadError {
            throw ImportIssue(file: path, row: error.row ?? 0, column: "", reason: error.description)
        }
    }

    /// The rejected rows as they were, with the row number and reasons added.
    private func writeRejects(_ plan: ImportPlan, header: [String], to target: String) throws {
        let reasons = Dictionary(grouping: plan.issues, by: \.row).mapValues {
            $0.map { issue in issue.column.isEmpty ? issue.reason : "\(issue.column): \(issue.reason)" }
                .joined(separator: "; ")
        }
        let rows = plan.rejected.map { record in
            ["\(record.row)", reasons[record.row] ?? plan.rejectedWith[record.row] ?? ""] + record.fields
        }
        do {
            try CSVWriter.encode(header: ["原行号", "错误"] + header, rows: rows)
                .write(to: URL(fileURLWithPath: target))
        } catch {
            throw StoreError.notSaved("cannot write the rejects file \(target): \(error.localizedDescription)")
        }
    }
}

extension CSVReadError {
    /// The spreadsheet row the problem is on, where known.
    var row: Int? {
        switch self {
        case .unterminatedQuote(let row), .unexpectedQuote(let row, _), .fieldTooLong(let row, _, _),
            .tooManyColumns(let row, _):
            return row
        case .empty, .undecodable: return nil
        }
    }
}
