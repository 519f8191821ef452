import DayClearCore
import Foundation

/// What an import would do: the events of the good rows and every problem found.
public struct ImportPlan: Sendable {
    public var events: [DomainEvent] = []
    public var issues: [ImportIssue] = []
    /// The records refused, for `--valid-only`'s rejects file.
    public var rejected: [CSVRecord] = []
    /// Why a refused row with no problem of its own was refused (a request's
    /// other lines), by row.
    public var rejectedWith: [Int: String] = [:]
    /// How many recipients, lots or requests the events create.
    public var accepted = 0
}

/// Turns an imported table into events, checking every row against the ledger.
///
/// Rows are grouped into units (one recipient, one lot, or one request with its
/// lines). A unit is accepted only if every cell parses and the ledger accepts
/// its events, checked on a working copy so duplicates within the file are caught.
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

    public func plan(_ table: CSVTable, against ledger: Ledger) -> ImportPlan {
        var plan = ImportPlan()
        let layout = ColumnLayout(header: table.header, columns: kind.columns)
        let missing = layout.missing(kind.columns)
        guard missing.isEmpty else {
            plan.issues = missing.map {
                ImportIssue(file: file, row: 1, column: $0.displayName, reason: "missing column")
            }
            plan.rejected = table.records
            return plan
        }
        var working = ledger
        let reader = RowReader(
            layout: layout, file: file,
            fields: FieldParser(calendar: ledger.calendar), timeShift: timeShift, now: now,
            futureBecomesPending: futureBecomesPending)
        for unit in units(of: table.records, layout: layout) {
            do {
                let event = try reader.event(for: unit, kind: kind, ledger: working)
                let recorded = RecordedEvent(
                    sequence: working.lastSequence + 1, time: now, actor: "", reason: nil, event: event)
                do {
                    // `apply` changes nothing when it throws, so no copy of the ledger is needed.
                    try working.apply(recorded)
                } catch let error as DomainError {
                    throw reader.issue(for: error, in: unit, kind: kind)
                }
                plan.events.append(event)
                plan.accepted += 1
            } catch let issue as ImportIssue {
                plan.issues.append(issue)
                plan.rejected += unit
                for record in unit where record.row != issue.row {
                    plan.rejectedWith[record.row] = "rejected with row \(issue.row) of the same request"
                }
            } catch {
                plan.issues.append(ImportIssue(file: file, row: unit[0].row, column: "", reason: "\(error)"))
                plan.rejected += unit
            }
        }
        return plan
    }

    /// One record per unit, except requests, whose consecutive lines share an id.
    private func units(of records: [CSVRecord], layout: ColumnLayout) -> [[CSVRecord]] {
        let nonBlank = records.filter { record in record.fields.contains { !$0.isBlank } }
        guard kind == .requests else { return nonBlank.map { [$0] } }
        var units: [[CSVRecord]] = []
        for record in nonBlank {
            let id = layout.value("request", in: record)
            if let last = units.last?.last, layout.value("request", in: last) == id, !id.isEmpty {
                units[units.count - 1].append(record)
            } else {
                units.append([record])
            }
        }
        return units
    }
}
