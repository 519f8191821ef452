import DayClearCore
import Foundation

/// Turns a domain event into a type name and a JSON payload, and back.
///
/// The type name is a stable string written to the store; renaming a case
/// must keep its old name here.
enum EventCodec {
    static func encode(_ event: DomainEvent) throws -> (type: String, payload: String) {
        if let payload = PayloadEncoder.encode(event) { return (typeName(of: event), payload) }
        return try encodeWithFoundation(event)
    }

    /// The reference encoder: Foundation's `JSONEncoder` over the synthesized `Codable` conformances.
    static func encodeWithFoundation(_ event: DomainEvent) throws -> (type: String, payload: String) {
        let encoder = makeEncoder()
        let data: Data
        switch event {
        case .calendarConfigured(let p): data = try encoder.encode(p)
        case .recipientRegistered(let p): data = try encoder.encode(p)
        case .lotRegistered(let p): data = try encoder.encode(p)
        case .lotReceived(let p): data = try encoder.encode(p)
        case .lotValued(let p): data = try encoder.encode(p)
        case .requestSubmitted(let p), .requestResubmitted(let p): data = try encoder.encode(p)
        case .allocationProposed(let p): data = try encoder.encode(p)
        case .substitutionAllowed(let p), .substitutionRevoked(let p): data = try encoder.encode(p)
        case .requestApproved(let p), .requestDelivered(let p): data = try encoder.encode(p)
        case .requestReturned(let p), .requestRejected(let p), .requestCancelled(let p),
            .requestDispatched(let p), .paperworkCompleted(let p):
            data = try encoder.encode(p)
        case .shuttleRunsPlanned(let p): data = try encoder.encode(p)
        case .roleGranted(let p), .roleRevoked(let p): data = try encoder.encode(p)
        case .serverGroupNamed(let p): data = try encoder.encode(p)
        }
        return (typeName(of: event), String(decoding: data, as: UTF8.self))
    }

    /// Reads a payload with `PayloadDecoder`, or with `JSONDecoder` when that one does not expect it.
    static func decode(type: String, payload: String) throws -> DomainEvent {
        var payload = payload
        if let event = payload.withUTF8({ try? PayloadDecoder.decode(type: type, payload: $0) }) { return event }
        return try decodeWithFoundation(type: type, payload: payload)
    }

    /// `decode(type:payload:)` over the payload's UTF-8 bytes as stored.
    static func decode(type: String, payload: Data) throws -> DomainEvent {
        let fast = payload.withUnsafeBytes { bytes in
            try? PayloadDecoder.decode(type: type, payload: bytes.bindMemory(to: UInt8.self))
        }
        if let fast { return fast }
        return try decodeWithFoundation(type: type, payload: String(decoding: payload, as: UTF8.self))
    }

    /// The reference decoder: Foundation's `JSONDecoder` over the synthesized `Codable` conformances.
    static func decodeWithFoundation(type: String, payload: String) throws -> DomainEvent {
        let decoder = makeDecoder()
        let data = Data(payload.utf8)
        func value<T: Decodable>(_: T.Type) throws -> T { try decoder.decode(T.self, from: data) }
        switch type {
        case "calendarConfigured": return .calendarConfigured(try value(CalendarSettings.self))
        case "recipientRegistered": return .recipientRegistered(try value(Recipient.self))
        case "lotRegistered": return .lotRegistered(try value(LotRegistration.self))
        case "lotReceived": return .lotReceived(try value(LotReceipt.self))
        case "lotValued": return .lotValued(try value(LotValuation.self))
        case "requestSubmitted": return .requestSubmitted(try value(RequestSubmission.self))
        case "requestResubmitted": return .requestResubmitted(try value(RequestSubmission.self))
        case "allocationProposed": return .allocationProposed(try value(AllocationProposal.self))
        case "substitutionAllowed": return .substitutionAllowed(try value(SubstitutionAllowance.self))
        case "substitutionRevoked": return .substitutionRevoked(try value(SubstitutionAllowance.self))
        case "requestApproved": return .requestApproved(try value(LineQuantities.self))
        case "requestDelivered": return .requestDelivered(try value(LineQuantities.self))
        case "requestReturned": return .requestReturned(try value(RequestReference.self))
        case "requestRejected": return .requestRejected(try value(RequestReference.self))
        case "requestCancelled": return .requestCancelled(try value(RequestReference.self))
        case "requestDispatched": return .requestDispatched(try value(RequestReference.self))
        case "paperworkCompleted": return .paperworkCompleted(try value(RequestReference.self))
        case "shuttleRunsPlanned": return .shuttleRunsPlanned(try value(ShuttleRunsPlanned.self))
        case "roleGranted": return .roleGranted(try value(RoleChange.self))
        case "roleRevoked": return .roleRevoked(try value(RoleChange.self))
        case "serverGroupNamed": return .serverGroupNamed(try value(ServerGroup.self))
        default: throw StoreError.corrupt("unknown event type \(type)")
        }
    }

    /// The event exactly as it will read back from the store (dates at whole
    /// milliseconds), so the live model and a replayed one are equal.
    static func canonical(_ event: DomainEvent) throws -> DomainEvent {
        try canonicalEncoding(event).event
    }

    /// The event as it will read back from the store, with the type and payload it is stored as.
    static func canonicalEncoding(_ event: DomainEvent) throws -> (event: DomainEvent, type: String, payload: String) {
        let (canonical, encoded) = try canonicalForm(event)
        let (type, payload) = try encoded ?? encode(canonical)
        return (canonical, type, payload)
    }

    /// The event as it will read back from the store, and its type and payload where they had to be
    /// written to find that out (else nil: an import encodes them later, on the thread that writes).
    ///
    /// A request event whose times are already at whole milliseconds is its own canonical form: its
    /// texts and whole numbers come back from JSON as they were. Any other event makes the round trip.
    static func canonicalForm(_ event: DomainEvent) throws -> (
        event: DomainEvent, encoded: (type: String, payload: String)?
    ) {
        if PayloadEncoder.timesAreWholeMilliseconds(in: event) { return (event, nil) }
        let (type, payload) = try encode(event)
        return (try decode(type: type, payload: payload), (type, payload))
    }

    static func typeName(of event: DomainEvent) -> String {
        switch event {
        case .calendarConfigured: return "calendarConfigured"
        case .recipientRegistered: return "recipientRegistered"
        case .lotRegistered: return "lotRegistered"
        case .lotReceived: return "lotReceived"
        case .lotValued: return "lotValued"
        case .requestSubmitted: return "requestSubmitted"
        case .requestResubmitted: return "requestResubmitted"
        case .allocationProposed: return "allocationProposed"
        case .substitutionAllowed: return "substitutionAllowed"
        case .substitutionRevoked: return "substitutionRevoked"
        case .requestApproved: return "requestApproved"
        case .requestDelivered: return "requestDelivered"
        case .requestReturned: return "requestReturned"
        case .requestRejected: return "requestRejected"
        case .requestCancelled: return "requestCancelled"
        case .requestDispatched: return "requestDispatched"
        case .paperworkCompleted: return "paperworkCompleted"
        case .shuttleRunsPlanned: return "shuttleRunsPlanned"
        case .roleGranted: return "roleGranted"
        case .roleRevoked: return "roleRevoked"
        case .serverGroupNamed: return "serverGroupNamed"
        }
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.milliseconds)
        }
        return encoder
    }

    private static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            Date(milliseconds: try decoder.singleValueContainer().decode(Int64.self))
        }
        return decoder
    }
}
