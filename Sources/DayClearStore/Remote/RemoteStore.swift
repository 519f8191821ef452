import DayClearCore
import Foundation

/// The ledger held by a `dayclear serve` process, reached through its socket.
///
/// Keeps a replica folded from the events the server pushes. A change is
/// built against the replica and sent as domain events; the server checks them
/// again on its up-to-date ledger, records them in the name the kernel gives
/// for this connection, and replies only once they are durable.
public final class RemoteStore: ReconnectableSession {
    /// The default socket of a configured host (see docs/server.md).
    public static let defaultSocketPath = "/run/dayclear/dayclear.sock"
    /// How long to wait for the server to confirm an action.
    public static let replyTimeoutMilliseconds: Int32 = 30_000
    /// How long a reconnection attempt waits for the server before trying again later.
    static let reconnectTimeoutMilliseconds: Int32 = 2_000

    public private(set) var ledger = Ledger()
    public let actor: String
    public let socketPath: String
    private var journal: [RecordedEvent] = []
    private var socket: FramedSocket
    private var nextRequest: Int64 = 1
    private var pendingReplies: [Int64: ServerMessage] = [:]
    /// Why the connection ended, while it is down: every action is refused with it until `reconnect`.
    public private(set) var connectionLost: String?

    /// `$DAYCLEAR_SOCKET`, else the default path.
    public static func socketPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["DAYCLEAR_SOCKET"], !explicit.isEmpty { return explicit }
        return defaultSocketPath
    }

    /// Connects, exchanges hellos and loads every event the server holds.
    public init(socketPath: String) throws {
        self.socketPath = socketPath
        (socket, actor) = try Self.connect(to: socketPath, after: 0, timeout: Self.replyTimeoutMilliseconds)
        // The server sends the history, then a reply to this first request: everything before it is in.
        _ = try request(timeout: Self.replyTimeoutMilliseconds) { .chainHash(id: $0, sequence: 0) }
    }

    /// Connects again after the connection dropped, keeping the replica: the server sends what was
    /// recorded after the last event held. Throws, leaving the session disconnected, while the
    /// server cannot be reached or does not answer within two seconds.
    public func reconnect() throws {
        guard connectionLost != nil else { return }
        let held = ledger.lastSequence
        let (socket, user) = try Self.connect(to: socketPath, after: held, timeout: Self.reconnectTimeoutMilliseconds)
        guard user == actor else {
            socket.close()
            throw WireError.refused("the server now names this terminal's user \(user), not \(actor)")
        }
        self.socket.close()
        self.socket = socket
        pendingReplies.removeAll()
        connectionLost = nil
        do {
            // A server restored from an older copy lacks events this replica holds: they would be renumbered.
            let reply = try request(timeout: Self.reconnectTimeoutMilliseconds) {
                .chainHash(id: $0, sequence: held)
            }
            guard case .chainHash(_, let hash) = reply, held == 0 || hash != nil else {
                throw WireError.refused(
                    "the server no longer holds event \(held), which this terminal showed; start dayclear again")
            }
        } catch {
            connectionLost = "\(error)"
            socket.close()
            throw error
        }
    }

    /// Opens a connection and exchanges hellos, asking for the events after `after`.
    private static func connect(to socketPath: String, after: Int64, timeout: Int32) throws -> (FramedSocket, String) {
        let socket = try FramedSocket.connect(to: socketPath)
        do {
            try socket.send(
                WireProtocol.encode(Hello(program: WireProtocol.name, version: WireProtocol.version, after: after)))
            guard try socket.waitReadable(milliseconds: timeout), let data = try socket.receive() else {
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
            return (socket, user)
        } catch {
            socket.close()
            throw error
        }
    }

    public var roles: Set<Role> { ledger.roster.roles(of: actor) }

    // MARK: - LedgerSession

    @discardableResult
    public func perform(reason: String?, _ build: (Ledger) throws -> [DomainEvent]) throws -> [RecordedEvent] {
        if let connectionLost { throw WireError.notConnected(connectionLost) }
        try refresh()
        let events = try build(ledger)
        guard !events.isEmpty else { return [] }
        let proposed = try events.map(ProposedEvent.init)
        let base = ledger.lastSequence
        let reply: ServerMessage
        do {
            reply = try request(timeout: Self.replyTimeoutMilliseconds) {
                .perform(id: $0, base: base, reason: reason, events: proposed)
            }
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
            throw refusalInReplica(of: events, reason: reason) ?? WireError.refused(message)
        default:
            throw WireError.malformed("unexpected reply \(reply)")
        }
    }

    /// Why the replica refuses `events`, as the server did: the server pushes what it recorded before it
    /// replies, so the replica stands where the server's ledger stood. A `DomainError` or `AccessDenied` names
    /// the request, line or lot the way a local store's refusal does, so the terminal shows it in its own
    /// language and on the form's field, where the server's reply is English text. Nil when the replica accepts
    /// the events (the server refused for a reason only it knows, such as its disk): its words stand then.
    private func refusalInReplica(of events: [DomainEvent], reason: String?) -> Error? {
        do {
            try ledger.roster.authorise(events, by: actor)
        } catch {
            return error
        }
        guard let canonical = try? events.map(EventCodec.canonical) else { return nil }
        let refusal = ledger.refusal(of: canonical, by: actor, at: Date().storePrecision, reason: reason)
        return refusal is DomainError ? refusal : nil
    }

    @discardableResult
    public func refresh() throws -> Bool {
        guard connectionLost == nil else { return false }
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
        let reply = try request(timeout: Self.replyTimeoutMilliseconds) { .chainHash(id: $0, sequence: sequence) }
        guard case .chainHash(_, let hash) = reply else {
            throw WireError.malformed("expected a chain hash")
        }
        return hash
    }

    public func verify(expecting published: ChainLink?, trusting keys: [Data]) throws -> AuditReport {
        let reply = try request(timeout: Self.replyTimeoutMilliseconds) {
            .verify(id: $0, expecting: published, trusting: keys)
        }
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
            case .dayEndCheckpoint(_, let checkpoints, let refusal) = try request(
                timeout: Self.replyTimeoutMilliseconds, { .dayEndCheckpoint(id: $0, sequence: sequence) })
        else {
            throw WireError.malformed("expected a day-end checkpoint")
        }
        if let refusal { throw WireError.refused(refusal) }
        return checkpoints
    }

    // MARK: - Messages

    /// Sends a request and reads, folding in pushed events, until its reply arrives.
    private func request(timeout: Int32, _ make: (Int64) -> ClientMessage) throws -> ServerMessage {
        if let connectionLost { throw WireError.notConnected(connectionLost) }
        let id = nextRequest
        nextRequest += 1
        try send(make(id))
        let deadline = Date().addingTimeInterval(Double(timeout) / 1000)
        while pendingReplies[id] == nil {
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard try socket.waitReadable(milliseconds: left) else {
                throw WireError.notConfirmed("the server did not answer within \(timeout / 1000) s")
            }
            try handleNext()
        }
        return pendingReplies.removeValue(forKey: id)!
    }

    /// Sends one message; a failure marks the connection lost.
    private func send(_ message: ClientMessage) throws {
        do {
            try socket.send(WireProtocol.encode(message))
        } catch {
            connectionLost = "\(error)"
            throw error
        }
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
            connectionLost = "\(error)"
            throw error
        }
        guard let data = frame else {
            connectionLost = "the server closed the connection"
            throw WireError.connectionLost("the server closed the connection")
        }
        let message = try WireProtocol.decode(ServerMessage.self, from: data)
        switch message {
        case .events(let events):
            try fold(events)
        case .resync:
            try send(.sync(after: ledger.lastSequence))
        case .performed(let id, _), .refused(let id, _), .chainHash(let id, _), .verified(let id, _, _),
            .dayEndCheckpoint(let id, _, _):
            pendingReplies[id] = message
        }
    }

    /// Folds pushed events in order; ones already held are skipped, a gap asks for them again.
    private func fold(_ events: [WireEvent]) throws {
        for wire in events where wire.sequence > ledger.lastSequence {
            guard wire.sequence == ledger.lastSequence + 1 else {
                try send(.sync(after: ledger.lastSequence))
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
