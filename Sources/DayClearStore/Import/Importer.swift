import DayClearCore
import Foundation

/// What an import did or would do: how many units it accepted and every problem found.
public struct ImportPlan: Sendable {
    public var issues: [ImportIssue] = []
    /// The records refused, for `--valid-only`'s rejects file.
    public var rejected: [CSVRecord] = []
    /// Why a refused row with no problem of its own was refused (a request's
    /// other lines), by row.
    public var rejectedWith: [Int: String] = [:]
    /// How many recipients, lots or requests the accepted units create.
    public var accepted = 0
}

/// Turns an imported file into events, checking every row against the ledger.
///
/// The file is read one record at a time (``CSVScanner``) and rows are grouped into units (one
/// recipient, one lot, or one request with its consecutive lines). Each unit's event is built once
/// and handed to an ``EventRecorder``, which folds it into the ledger that later units are checked
/// against (so duplicates within the file are caught) and keeps or writes it. A unit whose cells do
/// not parse or whose event the ledger refuses is listed in the plan and left out.
public struct Importer {
    public var kind: ImportKind
    public var file: String
    public var now: Date
    /// Added to every time read (the demo moves the sample day up to now).
    public var timeShift: TimeInterval = 0
    /// See `RowReader.futureBecomesPending`; only the demo sets it.
    public var futureBecomesPending = false

    public init(
        kind: ImportKind, file: String, now: Date, timeShift: TimeInterval = 0, futureBecomesPending: Bool = false
    ) {
        self.kind = kind
        self.file = file
        self.now = now
        self.timeShift = timeShift
        self.futureBecomesPending = futureBecomesPending
    }

    /// Checks the file at `file` against `ledger` without recording anything: the plan, and the
    /// ledger with the accepted units folded in. Throws `ImportIssue` for a file that cannot be
    /// read as CSV.
    public func plan(against ledger: Ledger) throws -> (plan: ImportPlan, ledger: Ledger) {
        let bytes = try CSVImport.bytes(of: file)
        var recorder = LedgerRecorder(ledger: ledger, time: now, keepsEvents: false)
        let outcome = try CSVImport.describingCSVErrors(in: file) { try run(bytes, into: &recorder) }
        var folded = recorder.ledger
        folded.resumeOpenLines()
        return (outcome.plan, folded)
    }

    /// The plan of one pass over the file, with its header (for the rejects file).
    struct Outcome {
        var plan = ImportPlan()
        var header: [String] = []
    }

    /// Reads every unit of `bytes` and records the good ones with `recorder`. Throws
    /// `CSVReadError` for bytes that are not CSV, and whatever `recorder` throws other than a
    /// ledger's refusal (`DomainError`, which refuses the unit).
    func run<Recorder: EventRecorder>(_ bytes: CSVBytes, into recorder: inout Recorder) throws -> Outcome {
        try withExtendedLifetime(bytes) {
            var scanner = CSVScanner(bytes.buffer)
            let cells = CellText(bytes: bytes.buffer)
            var outcome = Outcome()
            guard try scanner.next() else { throw CSVReadError.empty }
            outcome.header = scanner.fields.map { cells.raw($0).trimmingCharacters(in: .whitespacesAndNewlines) }
            let layout = ColumnLayout(header: outcome.header, columns: kind.columns)
            let missing = layout.missing(kind.columns)
            guard missing.isEmpty else {
                outcome.plan.issues = missing.map {
                    ImportIssue(file: file, row: 1, column: $0.displayName, reason: "missing column")
                }
                while try scanner.next() {
                    outcome.plan.rejected.append(CSVRecord(row: scanner.row, fields: scanner.fields.map(cells.raw)))
                }
                return outcome
            }
            let reader = RowReader(
                columns: ImportColumns(layout), cells: cells, file: file,
                fields: FieldParser(calendar: recorder.ledger.calendar), timeShift: timeShift, now: now,
                futureBecomesPending: futureBecomesPending)
            // The unit being gathered: a request's lines until a row with another id.
            var unit: [ImportRecord] = []
            var unitID = ""
            while try scanner.next() {
                let current = ImportRecord(row: scanner.row, fields: scanner.fields)
                guard current.fields.contains(where: { !cells.isBlank($0) }) else { continue }
                if kind == .requests {
                    let id = reader.value(.request, in: current)
                    if !unit.isEmpty, id == unitID, !id.isEmpty {
                        unit.append(current)
                        continue
                    }
                    unitID = id
                }
                if !unit.isEmpty { try recordUnit(unit[...], reader: reader, into: &recorder, plan: &outcome.plan) }
                unit.removeAll(keepingCapacity: true)
                unit.append(current)
            }
            if !unit.isEmpty { try recordUnit(unit[...], reader: reader, into: &recorder, plan: &outcome.plan) }
            return outcome
        }
    }

    /// Builds the unit's event and records it, or lists the unit as refused.
    private func recordUnit<Recorder: EventRecorder>(
        _ unit: ArraySlice<ImportRecord>, reader: RowReader, into recorder: inout Recorder, plan: inout ImportPlan
    ) throws {
        do {
            let event: DomainEvent
            do {
                event = try reader.event(for: unit, kind: kind, ledger: recorder.ledger)
            } catch let issue as ImportIssue {
                throw issue
            } catch {
                throw ImportIssue(file: file, row: unit[unit.startIndex].row, column: "", reason: "\(error)")
            }
            do {
                // A refused event changes nothing, so later units are checked as if it were not there.
                try recorder.record(event)
            } catch let error as DomainError {
                throw reader.issue(for: error, in: unit, kind: kind)
            }
            plan.accepted += 1
        } catch let issue as ImportIssue {
            plan.issues.append(issue)
            plan.rejected += unit.map { CSVRecord(row: $0.row, fields: $0.fields.map(reader.cells.raw)) }
            for record in unit where record.row != issue.row {
                plan.rejectedWith[record.row] = "rejected with row \(issue.row) of the same request"
            }
        }
    }
}
