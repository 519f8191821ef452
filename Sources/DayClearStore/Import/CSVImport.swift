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
    public func run(on store: LedgerSession, validOnly: Bool, rejectsPath: String? = nil) throws -> Result {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ImportIssue(file: path, row: 0, column: "", reason: "cannot read the file")
        }
        let table: CSVTable
        do {
            table = try CSVReader.read(data)
        } catch let error as CSVReadError {
            throw ImportIssue(file: path, row: error.row ?? 0, column: "", reason: error.description)
        }
        var plan = ImportPlan()
        var recorded = false
        try store.perform(reason: nil) { ledger in
            let importer = Importer(
                kind: kind, file: path, now: now().storePrecision, timeShift: timeShift,
                futureBecomesPending: futureBecomesPending)
            plan = importer.plan(table, against: ledger)
            guard validOnly || plan.issues.isEmpty else { return [] }
            recorded = !plan.events.isEmpty
            return plan.events
        }
        var rejectsFile: String?
        if validOnly, !plan.issues.isEmpty {
            let target = rejectsPath ?? path + ".rejected.csv"
            try writeRejects(plan, header: table.header, to: target)
            rejectsFile = target
        }
        return Result(
            plan: plan, imported: recorded || (plan.issues.isEmpty && plan.events.isEmpty), rejectsFile: rejectsFile)
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
