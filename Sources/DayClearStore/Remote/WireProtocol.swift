import DayClearCore
import Foundation

/// The messages between `dayclear serve` and its terminals.
///
/// Every connection opens with a ``Hello`` each way, whose shape never changes,
/// so that either side can name the other's version when they differ. After
/// it, each frame holds one ``ClientMessage`` or ``ServerMessage`` as JSON.
enum WireProtocol {
    /// Bumped whenever a message changes shape or meaning.
    static let version = 2
    /// The name in every hello, so a stray client of another program is told what it reached.
    static let name = "dayclear"

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw WireError.malformed("\(T.self): \(error)")
        }
    }
}

/// The first message each way.
struct Hello: Codable, Equatable {
    var program: String
    var version: Int
    /// Client: the last event it already holds. Server: unused.
    var after: Int64?
    /// Server: the user the kernel says is connected.
    var user: String?
    /// Server: why the connection is refused, if it is.
    var refusal: String?
}

/// An event on the wire: as stored, with its payload in the store's own encoding.
struct WireEvent: Codable, Equatable {
    var sequence: Int64
    var time: Int64
    var actor: String
    var reason: String?
    var type: String
    var payload: String

    init(_ event: RecordedEvent) throws {
        sequence = event.sequence
        time = event.time.milliseconds
        actor = event.actor
        reason = event.reason
        (type, payload) = try EventCodec.encode(event.event)
    }

    func recorded() throws -> RecordedEvent {
        RecordedEvent(
            sequence: sequence, time: Date(milliseconds: time), actor: actor, reason: reason,
            event: try EventCodec.decode(type: type, payload: payload))
    }
}

/// A domain event a client asks the server to record, not yet numbered.
struct ProposedEvent: Codable, Equatable {
    var type: String
    var payload: String

    init(_ event: DomainEvent) throws { (type, payload) = try EventCodec.encode(event) }

    func event() throws -> DomainEvent { try EventCodec.decode(type: type, payload: payload) }
}

enum ClientMessage: Codable, Equatable {
    /// Record `events`, built against the ledger up to event `base`, with `reason`.
    case perform(id: Int64, base: Int64, reason: String?, events: [ProposedEvent])
    /// Send every event after `after` again (after a `resync`).
    case sync(after: Int64)
    case chainHash(id: Int64, sequence: Int64)
    case verify(id: Int64, expecting: ChainLink?, trusting: [Data])
    /// Sign a checkpoint at event `sequence` for a day-end export.
    case dayEndCheckpoint(id: Int64, sequence: Int64)
}

enum ServerMessage: Codable, Equatable {
    /// Events in order, pushed as they are recorded.
    case events([WireEvent])
    /// This client fell too far behind and missed events: it must ask for them with `sync`.
    case resync
    case performed(id: Int64, sequences: [Int64])
    case refused(id: Int64, message: String)
    case chainHash(id: Int64, hash: Data?)
    case verified(id: Int64, report: AuditReport?, failure: AuditFailure?)
    case dayEndCheckpoint(id: Int64, checkpoints: DayEndCheckpoints?, refusal: String?)
}
