import DayClearCore
import Foundation

/// Decodes the JSON payloads `EventCodec.encode` writes, field by field, without Foundation's
/// `JSONDecoder` (which costs about ten times as much and dominates replaying a large store).
///
/// It reads exactly the shapes the synthesized `Codable` conformances produce. A payload it does not
/// expect (an unknown key, a missing one, a request line that carries a received quantity) throws
/// `PayloadScanner.Unexpected`; `EventCodec.decode` then uses `JSONDecoder`, so both paths always
/// agree (see PayloadDecoderTests).
enum PayloadDecoder {
    static func decode(type: String, payload: UnsafeBufferPointer<UInt8>) throws -> DomainEvent {
        var scanner = PayloadScanner(payload)
        let event: DomainEvent
        switch type {
        case "calendarConfigured": event = .calendarConfigured(try calendar(&scanner))
        case "recipientRegistered": event = .recipientRegistered(try recipient(&scanner))
        case "lotRegistered": event = .lotRegistered(try lotRegistration(&scanner))
        case "lotReceived": event = .lotReceived(try receipt(&scanner))
        case "lotValued": event = .lotValued(try lotValuation(&scanner))
        case "requestSubmitted": event = .requestSubmitted(try submission(&scanner))
        case "requestResubmitted": event = .requestResubmitted(try submission(&scanner))
        case "allocationProposed": event = .allocationProposed(try proposal(&scanner))
        case "substitutionAllowed": event = .substitutionAllowed(try substitution(&scanner))
        case "substitutionRevoked": event = .substitutionRevoked(try substitution(&scanner))
        case "requestApproved": event = .requestApproved(try lineQuantities(&scanner))
        case "requestDelivered": event = .requestDelivered(try lineQuantities(&scanner))
        case "requestReturned": event = .requestReturned(try reference(&scanner))
        case "requestRejected": event = .requestRejected(try reference(&scanner))
        case "requestCancelled": event = .requestCancelled(try reference(&scanner))
        case "requestDispatched": event = .requestDispatched(try reference(&scanner))
        case "paperworkCompleted": event = .paperworkCompleted(try reference(&scanner))
        case "shuttleRunsPlanned": event = .shuttleRunsPlanned(try shuttleRuns(&scanner))
        case "roleGranted": event = .roleGranted(try roleChange(&scanner))
        case "roleRevoked": event = .roleRevoked(try roleChange(&scanner))
        case "serverGroupNamed": event = .serverGroupNamed(try serverGroup(&scanner))
        default: throw PayloadScanner.Unexpected()
        }
        try scanner.end()
        return event
    }

    // MARK: - Payloads

    private static func calendar(_ s: inout PayloadScanner) throws -> CalendarSettings {
        var zone: String?
        var cutoff: Int?
        try s.object { s, key in
            switch key {
            case "timeZoneIdentifier": zone = try s.string()
            case "cutoffMinutes": cutoff = try s.int()
            default: throw PayloadScanner.Unexpected()
            }
        }
        return CalendarSettings(timeZoneIdentifier: try required(zone), cutoffMinutes: try required(cutoff))
    }

    private static func recipient(_ s: inout PayloadScanner) throws -> Recipient {
        var id: String?
        var name: String?
        var tier: Tier?
        var latitude: Double?
        var longitude: Double?
        var contact: String?
        try s.object { s, key in
            switch key {
            case "id": id = try s.string()
            case "name": name = try s.string()
            case "tier": tier = Tier(rawValue: try s.int())
            case "latitude": latitude = try s.double()
            case "longitude": longitude = try s.double()
            case "contact": contact = try s.string()
            default: throw PayloadScanner.Unexpected()
            }
        }
        return Recipient(
            id: RecipientID(try required(id)), name: try required(name), tier: try required(tier),
            latitude: try required(latitude), longitude: try required(longitude), contact: try required(contact))
    }

    private static func lotRegistration(_ s: inout PayloadScanner) throws -> LotRegistration {
        var id: String?
        var item: ItemKey?
        var unit: String?
        var quantity: Int?
        var packSize: Int?
        var donor: String?
        var status: Lot.Status?
        var expiry: Date?
        var designated: String?
        var valuation: Valuation?
        try s.object { s, key in
            switch key {
            case "id": id = try s.string()
            case "item": item = try itemKey(&s)
            case "unit": unit = try s.string()
            case "quantity": quantity = try s.int()
            case "packSize": packSize = try s.int()
            case "donor": donor = try s.string()
            case "status": status = try lotStatus(&s)
            case "expiry": expiry = s.null() ? nil : try date(&s)
            case "designatedRecipient": designated = s.null() ? nil : try s.string()
            case "valuation": valuation = try self.valuation(&s)
            default: throw PayloadScanner.Unexpected()
            }
        }
        return LotRegistration(
            id: LotID(try required(id)), item: try required(item), unit: try required(unit),
            quantity: try required(quantity), packSize: try required(packSize), donor: try required(donor),
            status: try required(status), expiry: expiry, designatedRecipient: designated.map(RecipientID.init),
            valuation: try required(valuation))
    }

    private static func receipt(_ s: inout PayloadScanner) throws -> LotReceipt {
        var lot: String?
        var quantity: Int?
        try s.object { s, key in
            switch key {
            case "lot": lot = try s.string()
            case "quantity": quantity = try s.int()
            default: throw PayloadScanner.Unexpected()
            }
        }
        return LotReceipt(lot: LotID(try required(lot)), quantity: try required(quantity))
    }

    private static func lotValuation(_ s: inout PayloadScanner) throws -> LotValuation {
        var lot: String?
        var valuation: Valuation?
        try s.object { s, key in
            switch key {
            case "lot": lot = try s.string()
            case "valuation": valuation = try self.valuation(&s)
            default: throw PayloadScanner.Unexpected()
            }
        }
        return LotValuation(lot: LotID(try required(lot)), valuation: try required(valuation))
    }

    private static func submission(_ s: inout PayloadScanner) throws -> RequestSubmission {
        var id: String?
        var recipient: String?
        var neededBy: Date?
        var submittedAt: Date?
        var lines: [RequestLine]?
        var note: String?
        try s.object { s, key in
            switch key {
            case "id": id = try s.string()
            case "recipient": recipient = try s.string()
            case "neededBy": neededBy = try date(&s)
            case "submittedAt": submittedAt = s.null() ? nil : try date(&s)
            case "lines":
                var read: [RequestLine] = []
                try s.array { s in read.append(try line(&s)) }
                lines = read
            case "note": note = s.null() ? nil : try s.string()
            default: throw PayloadScanner.Unexpected()
            }
        }
        return RequestSubmission(
            id: RequestID(try required(id)), recipient: RecipientID(try required(recipient)),
            neededBy: try required(neededBy), submittedAt: submittedAt, lines: try required(lines), note: note)
    }

    /// A request line as submitted; one carrying `received` is left to `JSONDecoder`.
    private static func line(_ s: inout PayloadScanner) throws -> RequestLine {
        var number: Int?
        var item: ItemKey?
        var unit: String?
        var quantity: Int?
        try s.object { s, key in
            switch key {
            case "number": number = try s.int()
            case "item": item = try itemKey(&s)
            case "unit": unit = try s.string()
            case "quantity": quantity = try s.int()
            default: throw PayloadScanner.Unexpected()
            }
        }
        return RequestLine(
            number: try required(number), item: try required(item), unit: try required(unit),
            quantity: try required(quantity))
    }

    private static func proposal(_ s: inout PayloadScanner) throws -> AllocationProposal {
        var request: String?
        var line: Int?
        var lot: String?
        var quantity: Int?
        try s.object { s, key in
            switch key {
            case "request": request = try s.string()
            case "line": line = try s.int()
            case "lot": lot = try s.string()
            case "quantity": quantity = try s.int()
            default: throw PayloadScanner.Unexpected()
            }
        }
        return AllocationProposal(
            request: RequestID(try required(request)), line: try required(line), lot: LotID(try required(lot)),
            quantity: try required(quantity))
    }

    /// `{"quantities":{"1":300},"request":"R-1"}`: an `[Int: Int]` is an object keyed by the numbers.
    private static func lineQuantities(_ s: inout PayloadScanner) throws -> LineQuantities {
        var request: String?
        var quantities: [Int: Int]?
        try s.object { s, key in
            switch key {
            case "request": request = try s.string()
            case "quantities":
                var read: [Int: Int] = [:]
                try s.object { s, number in
                    guard let line = Int(number), String(line) == number else { throw PayloadScanner.Unexpected() }
                    read[line] = try s.int()
                }
                quantities = read
            default: throw PayloadScanner.Unexpected()
            }
        }
        return LineQuantities(request: RequestID(try required(request)), quantities: try required(quantities))
    }

    private static func reference(_ s: inout PayloadScanner) throws -> RequestReference {
        var request: String?
        try s.object { s, key in
            guard key == "request" else { throw PayloadScanner.Unexpected() }
            request = try s.string()
        }
        return RequestReference(request: RequestID(try required(request)))
    }

    private static func roleChange(_ s: inout PayloadScanner) throws -> RoleChange {
        var user: String?
        var role: Role?
        try s.object { s, key in
            switch key {
            case "user": user = try s.string()
            case "role": role = Role(rawValue: try s.string())
            default: throw PayloadScanner.Unexpected()
            }
        }
        return RoleChange(user: try required(user), role: try required(role))
    }

    private static func substitution(_ s: inout PayloadScanner) throws -> SubstitutionAllowance {
        var request: String?
        var line: Int?
        var spec: String?
        try s.object { s, key in
            switch key {
            case "request": request = try s.string()
            case "line": line = try s.int()
            case "spec": spec = try s.string()
            default: throw PayloadScanner.Unexpected()
            }
        }
        return SubstitutionAllowance(
            request: RequestID(try required(request)), line: try required(line), spec: try required(spec))
    }

    private static func serverGroup(_ s: inout PayloadScanner) throws -> ServerGroup {
        var name: String?
        try s.object { s, key in
            guard key == "name" else { throw PayloadScanner.Unexpected() }
            name = try s.string()
        }
        return ServerGroup(name: try required(name))
    }

    private static func shuttleRuns(_ s: inout PayloadScanner) throws -> ShuttleRunsPlanned {
        var day: CivilDate?
        var runs: [ShuttleRunsPlanned.Run]?
        var dayUnits: Int?
        var clearedUnits: Int?
        try s.object { s, key in
            switch key {
            case "day": day = CivilDate(try s.string())
            case "dayUnits": dayUnits = try s.int()
            case "clearedUnits": clearedUnits = try s.int()
            case "runs":
                var read: [ShuttleRunsPlanned.Run] = []
                try s.array { s in read.append(try run(&s)) }
                runs = read
            default: throw PayloadScanner.Unexpected()
            }
        }
        return ShuttleRunsPlanned(
            day: try required(day), runs: try required(runs), dayUnits: try required(dayUnits),
            clearedUnits: try required(clearedUnits))
    }

    private static func run(_ s: inout PayloadScanner) throws -> ShuttleRunsPlanned.Run {
        var vehicle: String?
        var trip: Int?
        var stops: [RecipientID]?
        var millilitres: Int?
        var metres: Int?
        try s.object { s, key in
            switch key {
            case "vehicle": vehicle = try s.string()
            case "trip": trip = try s.int()
            case "stops":
                var read: [RecipientID] = []
                try s.array { s in read.append(RecipientID(try s.string())) }
                stops = read
            case "millilitres": millilitres = try s.int()
            case "metres": metres = try s.int()
            default: throw PayloadScanner.Unexpected()
            }
        }
        return ShuttleRunsPlanned.Run(
            vehicle: try required(vehicle), trip: try required(trip), stops: try required(stops),
            millilitres: try required(millilitres), metres: try required(metres))
    }

    // MARK: - Parts

    private static func itemKey(_ s: inout PayloadScanner) throws -> ItemKey {
        var kind: String?
        var spec: String?
        try s.object { s, key in
            switch key {
            case "kind": kind = try s.string()
            case "spec": spec = try s.string()
            default: throw PayloadScanner.Unexpected()
            }
        }
        return ItemKey(kind: try required(kind), spec: try required(spec))
    }

    /// `{"arrived":{"at":MS}}` or `{"expected":{"eta":MS}}`.
    private static func lotStatus(_ s: inout PayloadScanner) throws -> Lot.Status {
        var status: Lot.Status?
        try s.object { s, key in
            guard status == nil else { throw PayloadScanner.Unexpected() }
            let label = key == "arrived" ? "at" : key == "expected" ? "eta" : ""
            guard !label.isEmpty else { throw PayloadScanner.Unexpected() }
            var time: Date?
            try s.object { s, field in
                guard field == label else { throw PayloadScanner.Unexpected() }
                time = try date(&s)
            }
            status = key == "arrived" ? .arrived(at: try required(time)) : .expected(eta: try required(time))
        }
        return try required(status)
    }

    /// `{"pending":{}}`, `{"invoiced":{"fen":N}}`, `{"appraised":{"by":T,"fen":N}}` or `{"unvaluable":{}}`.
    private static func valuation(_ s: inout PayloadScanner) throws -> Valuation {
        var valuation: Valuation?
        try s.object { s, key in
            guard valuation == nil else { throw PayloadScanner.Unexpected() }
            var fen: Int?
            var by: String?
            try s.object { s, field in
                switch field {
                case "fen": fen = try s.int()
                case "by": by = try s.string()
                default: throw PayloadScanner.Unexpected()
                }
            }
            switch key {
            case "pending" where fen == nil && by == nil: valuation = .pending
            case "unvaluable" where fen == nil && by == nil: valuation = .unvaluable
            case "invoiced" where by == nil: valuation = .invoiced(fen: try required(fen))
            case "appraised": valuation = .appraised(fen: try required(fen), by: try required(by))
            default: throw PayloadScanner.Unexpected()
            }
        }
        return try required(valuation)
    }

    /// Dates are whole milliseconds since 1970 (see `EventCodec`).
    private static func date(_ s: inout PayloadScanner) throws -> Date { Date(milliseconds: try s.integer()) }

    private static func required<T>(_ value: T?) throws -> T {
        guard let value else { throw PayloadScanner.Unexpected() }
        return value
    }
}
