import DayClearCore
import Foundation

/// The ledger held by a `dayclear serve` process, reached through its socket.
///
/// Keeps a replica folded from the events the server pushes. A change is
/// built against the replica and sent as domain events; the server checks them
/// again on its up-to-date ledger, records them in the name the kernel gives
/// for this connection, and replies only once they are durable.
public final class RemoteStore: LedgerSession {
    /// The default socket of a configured host (see docs/server.md).
    public static let defaultSocketPath = "/run/dayclear/dayclear.sock"
    /// How long to wait for the server to confirm an action.
    public static let replyTimeoutMilliseconds: Int32 = 30_000

    public private(set) var ledger = Ledger()
    public let actor: String
    public let socketPath: String
    private var journal: [RecordedEvent] = []
    private let socket: FramedSocket
    private var nextRequest: Int64 = 1
    private var pendingReplies: [Int64: ServerMessage] = [:]
    /// Why the connection ended, once it has: said once, then every later action is refused with it.
    private var lost: String?

    /// `$DAYCLEAR_SOCKET`, else the default path.
    public static func socketPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["DAYCLEAR_SOCKET"], !explicit.isEmpty { return explicit }
        return defaultSocketPath
    }

    /// Connects, exchanges hellos and loads every event the server holds.
    public init(socketPath: String) throws {
        self.socketPath = socketPath
        socket = try FramedSocket.connect(to: socketPath)
        try socket.send(WireProtocol.encode(Hello(program: WireProtocol.name, version: WireProtocol.version, after: 0)))
        guard let data = try socket.receive() else {
            throw WireError.connectionLost("the server closed the connection before greeting")
        }
        let hello = try WireProtocol.decode(Hello.self, from: data)
        guard hello.program == WireProtocol.name else {
            throw WireError.incompatible("\(socketPath) is not a DayClear server (it says it is \(hello.program))")
        }
        if let refusal = hello.refusal { throw WireError.refused(refusal) }
        guard hello.version == WireProtocol.version else {
            throw WireError.incompatible(
                "the DayClear server at \(socketPath) speaks protocol version \(hello.version) but this dayclear "
                    + "speaks version \(WireProtocol.version); install the same DayClear version on both sides")
        }
        guard let user = hello.user else { throw WireError.malformed("the server's hello names no user") }
        actor = user
        // The server sends the history, then a reply to this first request: everything before it is in.
        _ = try request { .chainHash(id: $0, sequence: 0) }
    }

    public var roles: Set<Role> { ledger.roster.roles(of: actor) }

    // MARK: - LedgerSession

    @discardableResult
    public func perform(reason: String?, _ build: (Ledger) throws -> [DomainEvent]) throws -> [RecordedEvent] {
        if let lost { throw WireError.refused("not connected to the DayClear server (\(lost)); start dayclear again") }
        try refresh()
        let events = try build(ledger)
        guard !events.isEmpty else { return [] }
        let proposed = try events.map(ProposedEvent.init)
        let base = ledger.lastSequence
        let reply: ServerMessage
        do {
            reply = try request { .perform(id: $0, base: base, reason: reason, events: proposed) }
        } catch let error as WireError {
            switch error {
            case .connectionLost(let why): throw WireError.notConfirmed("the server went away (\(why))")
            default: throw error
            }
        }
        switch reply {
        case .performed(_, let sequences):
            guard let last = sequences.max() else { return [] }
            try waitForEvents(through: last)
            return journal.filter { sequences.contains($0.sequence) }
        case .refused(_, let message):
            throw WireError.refused(message)
        default:
            throw WireError.malformed("unexpected reply \(reply)")
        }
    }

    @discardableResult
    public func refresh() throws -> Bool {
        guard lost == nil else { return false }
        let before = ledger.lastSequence
        while try socket.waitReadable(milliseconds: 0) {
            try handleNext()
        }
        return ledger.lastSequence != before
    }

    public func events(after sequence: Int64) throws -> [RecordedEvent] {
        let start = journal.firstIndex { $0.sequence > sequence } ?? journal.endIndex
        return Array(journal[start...])
    }

    public func chainHash(of sequence: Int64) throws -> Data? {
        guard case .chainHash(_, let hash) = try request({ .chainHash(id: $0, sequence: sequence) }) else {
            throw WireError.malformed("expected a chain hash")
        }
        return hash
    }

    public func verify(expecting published: ChainLink?, trusting keys: [Data]) throws -> AuditReport {
        let reply = try request { .verify(id: $0, expecting: published, trusting: keys) }
        guard case .verified(_, let report, let failure) = reply else {
            throw WireError.malformed("expected a verification report")
        }
        if let failure { throw failure }
        guard let report else { throw WireError.malformed("the verification reply holds no report") }
        return report
    }

    /// The server signs it: only the service account can read the key.
    public func dayEndCheckpoint(at sequence: Int64) throws -> DayEndCheckpoints? {
        guard
            case .dayEndCheckpoint(_, let checkpoints, let refusal) = try request({
                .dayEndCheckpoint(id: $0, sequence: sequence)
            })
        else {
            throw WireError.malformed("expected a day-end checkpoint")
        }
        if let refusal { throw WireError.refused(refusal) }
        return checkpoints
    }

    // MARK: - Messages

    /// Sends a request and reads, folding in pushed events, until its reply arrives.
    private func request(_ make: (Int64) -> ClientMessage) throws -> ServerMessage {
        let id = nextRequest
        nextRequest += 1
        try socket.send(WireProtocol.encode(make(id)))
        let deadline = Date().addingTimeInterval(Double(Self.replyTimeoutMilliseconds) / 1000)
        while pendingReplies[id] == nil {
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard try socket.waitReadable(milliseconds: left) else {
                throw WireError.notConfirmed(
                    "the server did not answer within \(Self.replyTimeoutMilliseconds / 1000) s")
            }
            try handleNext()
        }
        return pendingReplies.removeValue(forKey: id)!
    }

    /// Reads until the replica holds event `sequence`.
    private func waitForEvents(through sequence: Int64) throws {
        while ledger.lastSequence < sequence {
            guard try socket.waitReadable(milliseconds: Self.replyTimeoutMilliseconds) else {
                throw WireError.connectionLost("the server confirmed event \(sequence) but did not send it")
            }
            try handleNext()
        }
    }

    private func handleNext() throws {
        let frame: Data?
        do {
            frame = try socket.receive()
        } catch {
            lost = "\(error)"
            throw error
        }
        guard let data = frame else {
            lost = "the server closed the connection"
            throw WireError.connectionLost("the server closed the connection")
        }
        let message = try WireProtocol.decode(ServerMessage.self, from: data)
        switch message {
        case .events(let events):
            try fold(events)
        case .resync:
            try socket.send(WireProtocol.encode(ClientMessage.sync(after: ledger.lastSequence)))
        case .performed(let id, _), .refused(let id, _), .chainHash(let id, _), .verified(let id, _, _),
            .dayEndCheckpoint(let id, _, _):
            pendingReplies[id] = message
        }
    }

    /// Folds pushed events in order; ones already held are skipped, a gap asks for them again.
    private func fold(_ events: [WireEvent]) throws {
        for wire in events where wire.sequence > ledger.lastSequence {
            guard wire.sequence == ledger.lastSequence + 1 else {
                try socket.send(WireProtocol.encode(ClientMessage.sync(after: ledger.lastSequence)))
                return
            }
            let event = try wire.recorded()
            do {
                try ledger.apply(event)
            } catch {
                throw StoreError.corrupt("event \(event.sequence) from the server does not apply: \(error)")
            }
            journal.append(event)
        }
    }
}
