import DayClearCore
import Foundation

/// Reads one unit of rows into events, naming the file, row and column of any problem.
struct RowReader {
    var layout: ColumnLayout
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

    /// The one event a unit of rows records.
    func event(for unit: [CSVRecord], kind: ImportKind, ledger: Ledger) throws -> DomainEvent {
        for record in unit where record.fields.count > layout.width {
            let extra = record.fields[layout.width...].contains { !$0.isBlank }
            if extra {
                throw ImportIssue(
                    file: file, row: record.row, column: "",
                    reason: "\(record.fields.count) fields but the header has \(layout.width)")
            }
        }
        switch kind {
        case .recipients: return .recipientRegistered(try recipient(unit[0]))
        case .stock: return .lotRegistered(try lot(unit[0], ledger: ledger))
        case .requests: return .requestSubmitted(try request(unit, ledger: ledger))
        }
    }

    // MARK: - Units

    private func recipient(_ record: CSVRecord) throws -> Recipient {
        Recipient(
            id: RecipientID(try text("id", record)),
            name: try text("name", record),
            tier: try cell("tier", record) { try fields.tier($0) },
            latitude: try cell("latitude", record) { try fields.coordinate($0, range: -90...90) },
            longitude: try cell("longitude", record) { try fields.coordinate($0, range: -180...180) },
            contact: layout.value("contact", in: record))
    }

    private func lot(_ record: CSVRecord, ledger: Ledger) throws -> LotRegistration {
        let arrived = layout.value("arrived", in: record)
        let eta = layout.value("eta", in: record)
        let status: Lot.Status
        switch (arrived.isEmpty, eta.isEmpty) {
        case (false, false):
            throw issue(record, "eta", "give either an arrival time or an expected time, not both")
        case (false, true):
            let at = try date("arrived", record)
            if at <= now {
                status = .arrived(at: at)
            } else if futureBecomesPending {
                status = .expected(eta: at)
            } else {
                throw issue(
                    record, "arrived", "the arrival time is in the future; put it under \(layout.header("eta"))")
            }
        case (true, false): status = .expected(eta: try date("eta", record))
        case (true, true): status = .arrived(at: now)
        }
        let pack = layout.value("pack", in: record)
        return LotRegistration(
            id: LotID(try text("lot", record)),
            item: ItemKey(kind: try text("kind", record), spec: layout.value("spec", in: record)),
            unit: try text("unit", record),
            quantity: try cell("quantity", record) { try fields.quantity($0) },
            packSize: pack.isEmpty ? 1 : try cell("pack", record) { try fields.quantity($0) },
            donor: try text("donor", record),
            status: status,
            expiry: layout.value("expiry", in: record).isEmpty ? nil : try date("expiry", record, endOfDay: true),
            designatedRecipient: try recipientReference("designated", record, ledger: ledger, optional: true),
            valuation: try valuation(record))
    }

    private func request(_ unit: [CSVRecord], ledger: Ledger) throws -> RequestSubmission {
        let first = unit[0]
        let id = RequestID(try text("request", first))
        if ledger.requests[id] != nil {
            throw issue(first, "request", "duplicate: request \(id) already exists")
        }
        let recipient = try recipientReference("recipient", first, ledger: ledger, optional: false)
        var lines: [RequestLine] = []
        for (index, record) in unit.enumerated() {
            if index > 0 { try requireSameRequest(record, as: first, id: id, ledger: ledger) }
            lines.append(
                RequestLine(
                    number: index + 1,
                    item: ItemKey(kind: try text("kind", record), spec: layout.value("spec", in: record)),
                    unit: layout.value("unit", in: record),
                    quantity: try cell("quantity", record) { try fields.quantity($0) }))
        }
        let submitted = layout.value("submittedAt", in: first)
        var submittedAt = submitted.isEmpty ? nil : try date("submittedAt", first)
        if let at = submittedAt, at > now {
            guard futureBecomesPending else {
                throw issue(first, "submittedAt", "the submission time is in the future")
            }
            submittedAt = nil
        }
        let note = layout.value("note", in: first)
        return RequestSubmission(
            id: id, recipient: recipient ?? RecipientID(""), neededBy: try date("neededBy", first),
            submittedAt: submittedAt,
            lines: lines, note: note.isEmpty ? nil : note)
    }

    /// A later line of a request repeats its first line's recipient and times, or leaves them empty.
    private func requireSameRequest(_ record: CSVRecord, as first: CSVRecord, id: RequestID, ledger: Ledger) throws {
        if !layout.value("recipient", in: record).isEmpty {
            let recipient = try recipientReference("recipient", record, ledger: ledger, optional: false)
            let original = try recipientReference("recipient", first, ledger: ledger, optional: false)
            guard recipient == original else {
                throw issue(record, "recipient", "\(id) is for \(original?.rawValue ?? "") on its first line")
            }
        }
        for key in ["neededBy", "submittedAt"] {
            guard !layout.value(key, in: record).isEmpty else { continue }
            let here = try date(key, record)
            guard here == (try? date(key, first)) else {
                throw issue(record, key, "differs from \(id)'s first line (row \(first.row))")
            }
        }
    }

    // MARK: - Cells

    private func text(_ key: String, _ record: CSVRecord) throws -> String {
        let value = layout.value(key, in: record)
        guard !value.isEmpty else { throw issue(record, key, "empty; a value is required") }
        if value.mayHoldControlCharacter,
            let control = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control })
        {
            throw issue(
                record, key, "contains a control character (U+\(String(control.value, radix: 16, uppercase: true)))")
        }
        return value
    }

    private func cell<T>(_ key: String, _ record: CSVRecord, _ parse: (String) throws -> T) throws -> T {
        do {
            return try parse(layout.value(key, in: record))
        } catch let error as FieldError {
            throw issue(record, key, error.description)
        }
    }

    private func date(_ key: String, _ record: CSVRecord, endOfDay: Bool = false) throws -> Date {
        let text = DateCell(text: layout.value(key, in: record), endOfDay: endOfDay)
        if let known = dates.read[text] { return known }
        let parsed = try cell(key, record) { try fields.date($0, endOfDay: endOfDay) }.addingTimeInterval(timeShift)
        dates.read[text] = parsed
        return parsed
    }

    /// A recipient named by id or by its full name.
    private func recipientReference(
        _ key: String, _ record: CSVRecord, ledger: Ledger, optional: Bool
    ) throws -> RecipientID? {
        let value = layout.value(key, in: record)
        if value.isEmpty {
            if optional { return nil }
            throw issue(record, key, "empty; a recipient is required")
        }
        if ledger.recipients[RecipientID(value)] != nil { return RecipientID(value) }
        if let byName = ledger.recipients.values.first(where: { $0.name == value }) { return byName.id }
        throw issue(record, key, "unknown recipient \(value)")
    }

    private func valuation(_ record: CSVRecord) throws -> Valuation {
        let value = layout.value("value", in: record)
        let method = layout.value("valuation", in: record).lowercased()
        let fen: Fen? = value.isEmpty ? nil : try cell("value", record) { try fields.fen($0) }
        switch method {
        case "", "发票", "invoiced", "invoice":
            if let fen { return .invoiced(fen: fen) }
            if method.isEmpty { return .pending }
            throw issue(record, "value", "an invoiced lot needs its value")
        case "待评估", "pending":
            guard fen == nil else { throw issue(record, "value", "a lot awaiting valuation has no value yet") }
            return .pending
        case "评估", "appraised":
            guard let fen else { throw issue(record, "value", "an appraised lot needs its value") }
            return .appraised(fen: fen, by: try text("appraiser", record))
        case "无法评估", "unvaluable":
            guard fen == nil else { throw issue(record, "value", "a lot that cannot be valued has no value") }
            return .unvaluable
        default:
            throw issue(record, "valuation", "unknown valuation \(method) (use 发票, 评估, 待评估 or 无法评估)")
        }
    }

    // MARK: - Issues

    func issue(_ record: CSVRecord, _ key: String, _ reason: String) -> ImportIssue {
        ImportIssue(file: file, row: record.row, column: layout.header(key), reason: reason)
    }

    /// Places a ledger refusal on the row and column it most likely concerns.
    func issue(for error: DomainError, in unit: [CSVRecord], kind: ImportKind) -> ImportIssue {
        var record = unit[0]
        let key: String
        switch error {
        case .duplicate: key = kind == .recipients ? "id" : kind == .stock ? "lot" : "request"
        case .unknownRecipient: key = kind == .stock ? "designated" : "recipient"
        case .unknownItem(let item, _), .unitMismatch(let item, _, _):
            if kind == .requests, let line = unit.first(where: { lineItem($0) == item }) { record = line }
            if case .unitMismatch = error { key = "unit" } else { key = "kind" }
        case .invalidQuantity: key = "quantity"
        default: key = ""
        }
        return ImportIssue(
            file: file, row: record.row, column: key.isEmpty ? "" : layout.header(key), reason: error.description)
    }

    private func lineItem(_ record: CSVRecord) -> ItemKey {
        ItemKey(kind: layout.value("kind", in: record), spec: layout.value("spec", in: record))
    }
}

/// The times a `RowReader` has read, by cell text; only cells that parsed are kept.
final class DateMemo {
    var read: [DateCell: Date] = [:]
}

struct DateCell: Hashable {
    var text: String
    var endOfDay: Bool
}
