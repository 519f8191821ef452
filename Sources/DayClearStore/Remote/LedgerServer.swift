import DayClearCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `dayclear serve`: the one process that opens the database, serving every
/// terminal through a Unix-domain socket.
///
/// Plain POSIX sockets and a thread per connection (a reader, and a writer
/// draining that client's bounded queue): a relief centre has tens of
/// terminals, not thousands, and this keeps the build free of a network
/// framework. Every request runs under one lock, through the same
/// `LedgerStore.perform` as a local command, in the name of the user the
/// kernel reports for the connection.
public final class LedgerServer: @unchecked Sendable {
    /// Events per pushed frame.
    static let batchSize = 500

    private let store: LedgerStore
    private let socketPath: String
    private let groupID: gid_t?
    private let log: @Sendable (String) -> Void
    private let lock = NSLock()
    private var clients: [Int: ClientConnection] = [:]
    private var nextClient = 1
    /// The last event pushed to the clients.
    private var published: Int64

    /// - Parameters:
    ///   - groupID: the group given the socket (mode 0660): its members may connect.
    ///   - log: where connection and refusal lines go (standard error, so the journal under systemd).
    public init(
        store: LedgerStore, socketPath: String, groupID: gid_t?, log: @escaping @Sendable (String) -> Void
    ) {
        self.store = store
        self.socketPath = socketPath
        self.groupID = groupID
        self.log = log
        published = store.ledger.lastSequence
    }

    /// Listens and serves until the process ends.
    public func run() throws -> Never {
        let listener = try ListeningSocket(path: socketPath, groupID: groupID)
        log("dayclear serve: listening on \(socketPath), \(store.ledger.lastSequence) events")
        Thread { [self] in pollForOutsideWrites() }.start()
        while true {
            let descriptor = try listener.accept()
            Thread { [self] in serve(FramedSocket(descriptor: descriptor)) }.start()
        }
    }

    // MARK: - One connection

    private func serve(_ socket: FramedSocket) {
        guard let connection = greet(socket) else {
            socket.close()
            return
        }
        let writerDone = DispatchSemaphore(value: 0)
        Thread {
            connection.writeLoop()
            writerDone.signal()
        }.start()
        catchUp(connection, after: connection.helloAfter)
        while let data = try? socket.receive(), let message = try? WireProtocol.decode(ClientMessage.self, from: data) {
            handle(message, from: connection)
        }
        lock.withLock { clients[connection.id] = nil }
        connection.close()
        writerDone.wait()
        socket.close()
        log("\(connection.user) disconnected")
    }

    /// Reads the client's hello and answers it; nil when the connection is refused.
    private func greet(_ socket: FramedSocket) -> ClientConnection? {
        func refuse(_ reason: String, user: String?) {
            log("refused \(user ?? "a connection"): \(reason)")
            let hello = Hello(program: WireProtocol.name, version: WireProtocol.version, refusal: reason)
            try? socket.send(WireProtocol.encode(hello))
        }
        let user: String
        do {
            let peer = try PeerCredentials(socket: socket.descriptor)
            guard let name = peer.userName else {
                refuse("uid \(peer.userID) has no user name on this host", user: nil)
                return nil
            }
            user = name
        } catch {
            refuse("\(error)", user: nil)
            return nil
        }
        guard let data = try? socket.receive(), let hello = try? WireProtocol.decode(Hello.self, from: data),
            hello.program == WireProtocol.name
        else {
            refuse("the first message was not a DayClear hello", user: user)
            return nil
        }
        guard hello.version == WireProtocol.version else {
            refuse(
                "this DayClear server speaks protocol version \(WireProtocol.version) but your dayclear speaks "
                    + "version \(hello.version); use the same DayClear version as the server", user: user)
            return nil
        }
        let roles = lock.withLock { store.ledger.roster.roles(of: user) }
        guard !roles.isEmpty else {
            refuse(
                "\(user) is not in the DayClear roster; an admin can add them, e.g. "
                    + "dayclear roster grant \(user) viewer", user: user)
            return nil
        }
        let connection = lock.withLock { () -> ClientConnection in
            let connection = ClientConnection(socket: socket, user: user, id: nextClient, after: hello.after ?? 0)
            nextClient += 1
            return connection
        }
        let welcome = Hello(program: WireProtocol.name, version: WireProtocol.version, user: user)
        guard (try? socket.send(WireProtocol.encode(welcome))) != nil else { return nil }
        log("\(user) connected (\(roles.sorted().map(\.rawValue).joined(separator: ", ")))")
        return connection
    }

    /// Queues every event after `after`, then registers the client for pushes (under the lock, so none is missed).
    private func catchUp(_ connection: ClientConnection, after: Int64) {
        lock.withLock {
            let frames = (try? frames(after: after, through: published)) ?? []
            connection.reply(frames, caughtUp: true)
            clients[connection.id] = connection
        }
    }

    private func handle(_ message: ClientMessage, from connection: ClientConnection) {
        lock.lock()
        defer { lock.unlock() }
        let reply: ServerMessage
        switch message {
        case .perform(let id, let base, let reason, let proposed):
            reply = perform(id: id, base: base, reason: reason, proposed, as: connection.user)
        case .sync(let after):
            connection.reply((try? frames(after: after, through: published)) ?? [], caughtUp: true)
            return
        case .chainHash(let id, let sequence):
            reply = (try? .chainHash(id: id, hash: store.chainHash(of: sequence))) ?? .chainHash(id: id, hash: nil)
        case .verify(let id, let expecting, let keys):
            do {
                reply = .verified(id: id, report: try store.verify(expecting: expecting, trusting: keys), failure: nil)
            } catch let failure as AuditFailure {
                reply = .verified(id: id, report: nil, failure: failure)
            } catch {
                reply = .refused(id: id, message: "\(error)")
            }
        case .dayEndCheckpoint(let id, let sequence):
            let roles = store.ledger.roster.roles(of: connection.user)
            guard !roles.isDisjoint(with: Self.dayEndRoles) else {
                let message =
                    "\(connection.user) may not export the day-end: it needs one of the roles "
                    + Self.dayEndRoles.sorted().map(\.rawValue).joined(separator: ", ")
                    + " (\(connection.user) has \(roles.sorted().map(\.rawValue).joined(separator: ", ")))"
                log("\(connection.user) refused: \(message)")
                reply = .dayEndCheckpoint(id: id, checkpoints: nil, refusal: message)
                break
            }
            do {
                let checkpoints = try store.dayEndCheckpoint(at: sequence)
                log("\(connection.user) had a day-end checkpoint signed at event \(sequence)")
                reply = .dayEndCheckpoint(id: id, checkpoints: checkpoints, refusal: nil)
            } catch {
                reply = .dayEndCheckpoint(id: id, checkpoints: nil, refusal: "\(error)")
            }
        }
        if let frame = try? WireProtocol.encode(reply) { connection.reply([frame]) }
    }

    /// Who may have the day-end checkpoint signed (it is part of exporting the day-end): everyone
    /// who records events; a viewer only reads.
    static let dayEndRoles: Set<Role> = [.coordinator, .taskForce, .approver, .admin]

    /// Records `proposed` for `user` and pushes the new events to everyone; the caller holds the lock.
    private func perform(id: Int64, base: Int64, reason: String?, _ proposed: [ProposedEvent], as user: String)
        -> ServerMessage
    {
        do {
            let events = try proposed.map { try $0.event() }
            let recorded = try store.perform(as: user, reason: reason) { _ in events }
            publishNew()
            let numbers = recorded.map(\.sequence)
            log("\(user) recorded event \(numbers.map(String.init).joined(separator: ", "))")
            if let signer = (store.log as? SQLiteEventLog)?.checkpointSigner {
                for number in numbers where signer.isDue(at: number) { log("signed a checkpoint at event \(number)") }
            }
            return .performed(id: id, sequences: numbers)
        } catch {
            publishNew()
            let message = Self.refusal(error, since: base, in: (try? store.events(after: base)) ?? [])
            log("\(user) refused: \(message)")
            return .refused(id: id, message: message)
        }
    }

    /// A refusal, preceded by what others recorded since the client's view, in plain words.
    static func refusal(_ error: Error, since base: Int64, in newer: [RecordedEvent]) -> String {
        guard !newer.isEmpty else { return "\(error)" }
        let shown = newer.suffix(5).map { "\($0.actor) \($0.event.summary)" }
        let more = newer.count > shown.count ? " (and \(newer.count - shown.count) more)" : ""
        return "Refused because the ledger changed since your screen showed it: "
            + shown.joined(separator: "; ") + more + ". " + "\(error)"
    }

    // MARK: - Pushing events

    /// Pushes every event recorded since the last push to every client; the caller holds the lock.
    private func publishNew() {
        _ = try? store.refresh()
        guard let frames = try? frames(after: published, through: nil), !frames.isEmpty else { return }
        published = store.ledger.lastSequence
        guard let resync = try? WireProtocol.encode(ServerMessage.resync) else { return }
        for client in clients.values {
            for frame in frames { client.push(frame, resync: resync) }
        }
    }

    /// Events after `after` (through `through`, when given) as `events` frames.
    private func frames(after: Int64, through: Int64?) throws -> [Data] {
        var events = try store.events(after: after)
        if let through { events = events.filter { $0.sequence <= through } }
        var frames: [Data] = []
        var start = 0
        while start < events.count {
            let batch = events[start..<min(start + Self.batchSize, events.count)]
            frames.append(try WireProtocol.encode(ServerMessage.events(try batch.map(WireEvent.init))))
            start += Self.batchSize
        }
        return frames
    }

    /// An admin may change the data directly (`dayclear roster grant --data …` as the service
    /// account); such events are pushed within a second.
    private func pollForOutsideWrites() {
        while true {
            Thread.sleep(forTimeInterval: 1)
            lock.withLock { publishNew() }
        }
    }
}
