import DayClearCore
import Foundation

/// Reads one unit of rows into an event, naming the file, row and column of any problem.
struct RowReader {
    var columns: ImportColumns
    var cells: CellText
    var file: String
    var fields: FieldParser
    var timeShift: TimeInterval
    var now: Date
    /// The demo's live clock: goods whose arrival time is still ahead become
    /// expected, and requests not yet submitted arrive now. Otherwise a time
    /// in the future is refused.
    var futureBecomesPending: Bool
    /// Times already read: a file repeats the same few thousand, and reading one goes through
    /// Foundation's calendar.
    let dates = DateMemo()
    /// Recipients by name, for cells that name one instead of giving its id.
    let names = RecipientNames()

    /// The one event a unit of rows records.
    func event(for unit: ArraySlice<ImportRecord>, kind: ImportKind, ledger: Ledger) throws -> DomainEvent {
        for record in unit where record.fields.count > columns.width {
            let extra = record.fields[columns.width...].contains { !cells.isBlank($0) }
            if extra {
                throw ImportIssue(
                    file: file, row: record.row, column: "",
                    reason: "\(record.fields.count) fields but the header has \(columns.width)")
            }
        }
        let first = unit[unit.startIndex]
        switch kind {
        case .recipients: return .recipientRegistered(try recipient(first))
        case .stock: return .lotRegistered(try lot(first, ledger: ledger))
        case .requests: return .requestSubmitted(try request(unit, ledger: ledger))
        }
    }

    /// The trimmed cell of a column, or "" when the column or cell is absent.
    func value(_ cell: ImportCell, in record: ImportRecord) -> String {
        guard let field = field(cell, record) else { return "" }
        return cells.trimmed(field)
    }

    private func field(_ cell: ImportCell, _ record: ImportRecord) -> CSVField? {
        guard let index = columns.position(cell), index < record.fields.count else { return nil }
        return record.fields[index]
    }

    // MARK: - Units

    private func recipient(_ record: ImportRecord) throws -> Recipient {
        Recipient(
            id: RecipientID(try text(.id, record)),
            name: try text(.name, record),
            tier: try cell(.tier, record) { try fields.tier($0) },
            latitude: try cell(.latitude, record) { try fields.coordinate($0, range: -90...90) },
            longitude: try cell(.longitude, record) { try fields.coordinate($0, range: -180...180) },
            contact: value(.contact, in: record))
    }

    private func lot(_ record: ImportRecord, ledger: Ledger) throws -> LotRegistration {
        let arrived = value(.arrived, in: record)
        let eta = value(.eta, in: record)
        let status: Lot.Status
        switch (arrived.isEmpty, eta.isEmpty) {
        case (false, false):
            throw issue(record, .eta, "give either an arrival time or an expected time, not both")
        case (false, true):
            let at = try date(.arrived, record)
            if at <= now {
                status = .arrived(at: at)
            } else if futureBecomesPending {
                status = .expected(eta: at)
            } else {
                throw issue(
                    record, .arrived, "the arrival time is in the future; put it under \(columns.header(.eta))")
            }
        case (true, false): status = .expected(eta: try date(.eta, record))
        case (true, true): status = .arrived(at: now)
        }
        let pack = value(.pack, in: record)
        return LotRegistration(
            id: LotID(try text(.lot, record)),
            item: ItemKey(kind: try text(.kind, record), spec: value(.spec, in: record)),
            unit: try text(.unit, record),
            quantity: try quantity(.quantity, record),
            packSize: pack.isEmpty ? 1 : try quantity(.pack, record),
            donor: try text(.donor, record),
            status: status,
            expiry: value(.expiry, in: record).isEmpty ? nil : try date(.expiry, record, endOfDay: true),
            designatedRecipient: try recipientReference(.designated, record, ledger: ledger, optional: true),
            valuation: try valuation(record))
    }

    private func request(_ unit: ArraySlice<ImportRecord>, ledger: Ledger) throws -> RequestSubmission {
        let first = unit[unit.startIndex]
        let id = RequestID(try text(.request, first))
        if ledger.requests[id] != nil {
            throw issue(first, .request, "duplicate: request \(id) already exists")
        }
        let recipient = try recipientReference(.recipient, first, ledger: ledger, optional: false)
        var lines: [RequestLine] = []
        lines.reserveCapacity(unit.count)
        for record in unit {
            if record.row != first.row { try requireSameRequest(record, as: first, id: id, ledger: ledger) }
            lines.append(
                RequestLine(
                    number: lines.count + 1,
                    item: ItemKey(kind: try text(.kind, record), spec: value(.spec, in: record)),
                    unit: value(.unit, in: record),
                    quantity: try quantity(.quantity, record)))
        }
        let submitted = value(.submittedAt, in: first)
        var submittedAt = submitted.isEmpty ? nil : try date(.submittedAt, first)
        if let at = submittedAt, at > now {
            guard futureBecomesPending else {
                throw issue(first, .submittedAt, "the submission time is in the future")
            }
            submittedAt = nil
        }
        let note = value(.note, in: first)
        return RequestSubmission(
            id: id, recipient: recipient ?? RecipientID(""), neededBy: try date(.neededBy, first),
            submittedAt: submittedAt,
            lines: lines, note: note.isEmpty ? nil : note)
    }

    /// A later line of a request repeats its first line's recipient and times, or leaves them empty.
    /// A cell holding the first line's bytes is not read again (the first line's is read and checked).
    private func requireSameRequest(
        _ record: ImportRecord, as first: ImportRecord, id: RequestID, ledger: Ledger
    ) throws {
        if !sameText(.recipient, record, first), !value(.recipient, in: record).isEmpty {
            let recipient = try recipientReference(.recipient, record, ledger: ledger, optional: false)
            let original = try recipientReference(.recipient, first, ledger: ledger, optional: false)
            guard recipient == original else {
                throw issue(record, .recipient, "\(id) is for \(original?.rawValue ?? "") on its first line")
            }
        }
        for cell in [ImportCell.neededBy, .submittedAt] {
            guard !sameText(cell, record, first), !value(cell, in: record).isEmpty else { continue }
            let here = try date(cell, record)
            guard here == (try? date(cell, first)) else {
                throw issue(record, cell, "differs from \(id)'s first line (row \(first.row))")
            }
        }
    }

    // MARK: - Cells

    /// True when both records hold the same bytes in the column (a request's later lines usually
    /// repeat its first line's recipient and times), so what was read from one holds for the other.
    private func sameText(_ cell: ImportCell, _ record: ImportRecord, _ other: ImportRecord) -> Bool {
        guard let a = field(cell, record), let b = field(cell, other) else { return false }
        return cells.sameBytes(a, b)
    }

    private func text(_ cell: ImportCell, _ record: ImportRecord) throws -> String {
        let value = self.value(cell, in: record)
        guard !value.isEmpty else { throw issue(record, cell, "empty; a value is required") }
        if value.mayHoldControlCharacter,
            let control = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control })
        {
            throw issue(
                record, cell, "contains a control character (U+\(String(control.value, radix: 16, uppercase: true)))")
        }
        return value
    }

    private func cell<T>(_ cell: ImportCell, _ record: ImportRecord, _ parse: (String) throws -> T) throws -> T {
        do {
            return try parse(value(cell, in: record))
        } catch let error as FieldError {
            throw issue(record, cell, error.description)
        }
    }

    /// A positive whole quantity; plain digits are read straight from the bytes.
    private func quantity(_ cell: ImportCell, _ record: ImportRecord) throws -> Int {
        if let field = field(cell, record), let plain = cells.plainNumber(field), plain > 0 { return plain }
        return try self.cell(cell, record) { try fields.quantity($0) }
    }

    private func date(_ cell: ImportCell, _ record: ImportRecord, endOfDay: Bool = false) throws -> Date {
        let key =
            field(cell, record).flatMap(cells.shortKey).map { DateMemo.Key.short($0, endOfDay: endOfDay) }
            ?? .text(value(cell, in: record), endOfDay: endOfDay)
        if let known = dates.read[key] { return known }
        let parsed = try self.cell(cell, record) { try fields.date($0, endOfDay: endOfDay) }
            .addingTimeInterval(timeShift)
        dates.read[key] = parsed
        return parsed
    }

    /// A recipient named by id or by its full name.
    private func recipientReference(
        _ cell: ImportCell, _ record: ImportRecord, ledger: Ledger, optional: Bool
    ) throws -> RecipientID? {
        let value = self.value(cell, in: record)
        if value.isEmpty {
            if optional { return nil }
            throw issue(record, cell, "empty; a recipient is required")
        }
        if ledger.recipients.index(forKey: RecipientID(value)) != nil { return RecipientID(value) }
        let named = names.recipients(named: value, in: ledger)
        guard named.count <= 1 else {
            throw issue(
                record, cell,
                "recipient name \(value) is shared by \(named.map(\.rawValue).joined(separator: ", ")); write the id")
        }
        if let byName = named.first { return byName }
        throw issue(record, cell, "unknown recipient \(value)")
    }

    private func valuation(_ record: ImportRecord) throws -> Valuation {
        let value = self.value(.value, in: record)
        let method = self.value(.valuation, in: record).lowercased()
        let fen: Fen? = value.isEmpty ? nil : try cell(.value, record) { try fields.fen($0) }
        switch method {
        case "", "发票", "invoiced", "invoice":
            if let fen { return .invoiced(fen: fen) }
            if method.isEmpty { return .pending }
            throw issue(record, .value, "an invoiced lot needs its value")
        case "待评估", "pending":
            guard fen == nil else { throw issue(record, .value, "a lot awaiting valuation has no value yet") }
            return .pending
        case "评估", "appraised":
            guard let fen else { throw issue(record, .value, "an appraised lot needs its value") }
            return .appraised(fen: fen, by: try text(.appraiser, record))
        case "无法评估", "unvaluable":
            guard fen == nil else { throw issue(record, .value, "a lot that cannot be valued has no value") }
            return .unvaluable
        default:
            throw issue(record, .valuation, "unknown valuation \(method) (use 发票, 评估, 待评估 or 无法评估)")
        }
    }

    // MARK: - Issues

    func issue(_ record: ImportRecord, _ cell: ImportCell, _ reason: String) -> ImportIssue {
        ImportIssue(file: file, row: record.row, column: columns.header(cell), reason: reason)
    }

    /// Places a ledger refusal on the row and column it most likely concerns.
    func issue(for error: DomainError, in unit: ArraySlice<ImportRecord>, kind: ImportKind) -> ImportIssue {
        var record = unit[unit.startIndex]
        let cell: ImportCell?
        switch error {
        case .duplicate: cell = kind == .recipients ? .id : kind == .stock ? .lot : .request
        case .unknownRecipient: cell = kind == .stock ? .designated : .recipient
        case .unknownItem(let item, _), .unitMismatch(let item, _, _):
            if kind == .requests, let line = unit.first(where: { lineItem($0) == item }) { record = line }
            if case .unitMismatch = error { cell = .unit } else { cell = .kind }
        case .repeatedItem(_, let line, _, _):
            // The importer numbers a request's lines in the order of its rows.
            if unit.indices.contains(unit.startIndex + line - 1) { record = unit[unit.startIndex + line - 1] }
            cell = .kind
        case .invalidQuantity: cell = .quantity
        default: cell = nil
        }
        return ImportIssue(
            file: file, row: record.row, column: cell.map(columns.header) ?? "", reason: error.description)
    }

    private func lineItem(_ record: ImportRecord) -> ItemKey {
        ItemKey(kind: value(.kind, in: record), spec: value(.spec, in: record))
    }
}

/// The times a `RowReader` has read, by cell; only cells that parsed are kept.
final class DateMemo {
    enum Key: Hashable {
        /// The cell's bytes as written, when short enough to pack.
        case short(ShortCellKey, endOfDay: Bool)
        /// The trimmed text of a longer cell.
        case text(String, endOfDay: Bool)
    }

    var read: [Key: Date] = [:]
}

/// Recipients by name, built from the ledger on the first cell that names one; built again if the
/// ledger's recipients have changed since. A name two recipients share maps to both, so that a row
/// naming it is refused rather than given to either.
final class RecipientNames {
    private var byName: [String: [RecipientID]] = [:]
    private var builtFrom = -1

    /// The recipients called `name`, in id order: none, one, or several sharing it.
    func recipients(named name: String, in ledger: Ledger) -> [RecipientID] {
        if builtFrom != ledger.recipients.count {
            byName = [:]
            for recipient in ledger.recipients.values.sorted(by: { $0.id < $1.id }) {
                byName[recipient.name, default: []].append(recipient.id)
            }
            builtFrom = ledger.recipients.count
        }
        return byName[name] ?? []
    }
}
