import Foundation

/// The snapshot's records, one writer and one reader per kind of record (`Ledger+Snapshot.swift`
/// lays them out); each reader reads exactly what its writer wrote.
extension Ledger {
    /// States and statuses are written as their place in these lists.
    static let requestStates = RequestState.allCases
    static let allocationStatuses: [Allocation.Status] = [.proposed, .approved, .dispatched, .released]

    static func write(_ item: ItemKey, _ w: inout SnapshotWriter) {
        w.string(item.kind)
        w.string(item.spec)
    }

    static func readItem(_ r: inout SnapshotReader) throws -> ItemKey {
        ItemKey(kind: try r.string(), spec: try r.string())
    }

    static func write(_ plan: ShuttleRunsPlanned, _ w: inout SnapshotWriter) {
        w.string(plan.day.description)
        w.int(plan.dayUnits)
        w.int(plan.clearedUnits)
        w.int(plan.runs.count)
        for run in plan.runs {
            w.string(run.vehicle)
            w.int(run.trip)
            w.int(run.millilitres)
            w.int(run.metres)
            w.int(run.stops.count)
            for stop in run.stops { w.string(stop.rawValue) }
        }
    }

    static func readShuttlePlan(_ r: inout SnapshotReader) throws -> ShuttleRunsPlanned {
        let text = try r.string()
        guard let day = CivilDate(text) else { throw SnapshotError("not a date: \(text)") }
        let dayUnits = try r.int()
        let clearedUnits = try r.int()
        var runs: [ShuttleRunsPlanned.Run] = []
        for _ in 0..<(try r.count(minimumSize: 36)) {
            let vehicle = try r.string()
            let trip = try r.int()
            let millilitres = try r.int()
            let metres = try r.int()
            let stops = try (0..<(try r.count(minimumSize: 4))).map { _ in RecipientID(try r.string()) }
            runs.append(
                ShuttleRunsPlanned.Run(
                    vehicle: vehicle, trip: trip, stops: stops, millilitres: millilitres, metres: metres))
        }
        return ShuttleRunsPlanned(day: day, runs: runs, dayUnits: dayUnits, clearedUnits: clearedUnits)
    }

    static func write(_ lot: Lot, _ w: inout SnapshotWriter) {
        w.string(lot.id.rawValue)
        write(lot.item, &w)
        w.string(lot.unit)
        w.int(lot.quantity)
        w.int(lot.packSize)
        w.string(lot.donor)
        switch lot.status {
        case .expected(let eta):
            w.byte(0)
            w.date(eta)
        case .arrived(let at):
            w.byte(1)
            w.date(at)
        }
        w.optional(lot.expiry) { $0.date($1) }
        w.optional(lot.designatedRecipient) { $0.string($1.rawValue) }
        switch lot.valuation {
        case .pending: w.byte(0)
        case .invoiced(let fen):
            w.byte(1)
            w.int(fen)
        case .appraised(let fen, let by):
            w.byte(2)
            w.int(fen)
            w.string(by)
        case .unvaluable: w.byte(3)
        }
        w.int(lot.proposed)
        w.int(lot.approved)
        w.int(lot.dispatched)
    }

    static func readLot(_ r: inout SnapshotReader) throws -> Lot {
        let id = LotID(try r.string())
        let item = try readItem(&r)
        let unit = try r.string()
        let quantity = try r.int()
        let packSize = try r.int()
        let donor = try r.string()
        let status: Lot.Status
        switch try r.byte() {
        case 0: status = .expected(eta: try r.date())
        case 1: status = .arrived(at: try r.date())
        default: throw SnapshotError("unknown lot status")
        }
        let expiry = try r.optional { try $0.date() }
        let designated = try r.optional { RecipientID(try $0.string()) }
        let valuation: Valuation
        switch try r.byte() {
        case 0: valuation = .pending
        case 1: valuation = .invoiced(fen: try r.int())
        case 2: valuation = .appraised(fen: try r.int(), by: try r.string())
        case 3: valuation = .unvaluable
        default: throw SnapshotError("unknown valuation")
        }
        var lot = Lot(
            id: id, item: item, unit: unit, quantity: quantity, packSize: packSize, donor: donor, status: status,
            expiry: expiry, designatedRecipient: designated, valuation: valuation)
        lot.proposed = try r.int()
        lot.approved = try r.int()
        lot.dispatched = try r.int()
        return lot
    }

    static func write(_ request: Request, _ w: inout SnapshotWriter) {
        w.string(request.id.rawValue)
        w.string(request.recipient.rawValue)
        w.date(request.neededBy)
        w.date(request.submittedAt)
        w.int(request.lines.count)
        for line in request.lines {
            w.int(line.number)
            write(line.item, &w)
            w.string(line.unit)
            w.int(line.quantity)
            w.optional(line.received) { $0.int($1) }
        }
        w.optional(request.note) { $0.string($1) }
        w.byte(Self.requestStates.firstIndex(of: request.state).map(UInt8.init) ?? .max)
        w.optional(request.decidedAt) { $0.date($1) }
        w.optional(request.decidedBy) { $0.string($1) }
        w.optional(request.reason) { $0.string($1) }
        w.optional(request.paperwork) { w, paperwork in
            w.optional(paperwork.completedAt) { $0.date($1) }
            w.optional(paperwork.completedBy) { $0.string($1) }
        }
        w.optional(request.dispatchedAt) { $0.date($1) }
        w.optional(request.deliveredAt) { $0.date($1) }
    }

    /// The request; `idPlace` is set to its id's place in the string table.
    static func readRequest(_ r: inout SnapshotReader, idPlace: inout Int) throws -> Request {
        idPlace = try r.stringPlace()
        let id = RequestID(r.string(at: idPlace))
        let recipient = RecipientID(try r.string())
        let neededBy = try r.date()
        let submittedAt = try r.date()
        let lineCount = try r.count(minimumSize: 29)
        var lines: [RequestLine] = []
        lines.reserveCapacity(lineCount)
        for _ in 0..<lineCount {
            var line = RequestLine(
                number: try r.int(), item: try readItem(&r), unit: try r.string(), quantity: try r.int())
            line.received = try r.optional { try $0.int() }
            lines.append(line)
        }
        var request = Request(
            id: id, recipient: recipient, neededBy: neededBy, submittedAt: submittedAt, lines: lines,
            note: try r.optional { try $0.string() })
        let state = Int(try r.byte())
        guard state < requestStates.count else { throw SnapshotError("unknown request state \(state)") }
        request.state = requestStates[state]
        request.decidedAt = try r.optional { try $0.date() }
        request.decidedBy = try r.optional { try $0.string() }
        request.reason = try r.optional { try $0.string() }
        request.paperwork = try r.optional { r in
            Paperwork(completedAt: try r.optional { try $0.date() }, completedBy: try r.optional { try $0.string() })
        }
        request.dispatchedAt = try r.optional { try $0.date() }
        request.deliveredAt = try r.optional { try $0.date() }
        return request
    }

    static func write(_ allocation: Allocation, _ w: inout SnapshotWriter) {
        w.string(allocation.lot.rawValue)
        w.string(allocation.request.rawValue)
        w.int(allocation.line)
        w.int(allocation.proposedQuantity)
        w.date(allocation.proposedAt)
        w.string(allocation.proposedBy)
        w.optional(allocation.approvedQuantity) { $0.int($1) }
        w.byte(Self.allocationStatuses.firstIndex(of: allocation.status).map(UInt8.init) ?? .max)
        w.optional(allocation.dispatchedAt) { $0.date($1) }
    }

    /// The allocation; `lotPlace` and `requestPlace` are set to its lot's and its request's id's
    /// places in the string table.
    static func readAllocation(
        _ r: inout SnapshotReader, id: Int, lotPlace: inout Int, requestPlace: inout Int
    ) throws -> Allocation {
        lotPlace = try r.stringPlace()
        requestPlace = try r.stringPlace()
        var allocation = Allocation(
            id: id, lot: LotID(r.string(at: lotPlace)), request: RequestID(r.string(at: requestPlace)),
            line: try r.int(),
            proposedQuantity: try r.int(), proposedAt: try r.date(), proposedBy: try r.string())
        allocation.approvedQuantity = try r.optional { try $0.int() }
        let status = Int(try r.byte())
        guard status < allocationStatuses.count else { throw SnapshotError("unknown allocation status \(status)") }
        allocation.status = allocationStatuses[status]
        allocation.dispatchedAt = try r.optional { try $0.date() }
        return allocation
    }
}
