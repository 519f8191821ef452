import Foundation

/// One connected terminal as the server sees it: the user the kernel named,
/// and a bounded queue of frames that its own thread writes out, so a slow or
/// stuck terminal only ever delays itself.
final class ClientConnection: @unchecked Sendable {
    /// Pushed frames a client may lag behind by before it must resynchronise.
    static let queueCapacity = 512

    let socket: FramedSocket
    let user: String
    let id: Int
    /// The last event the client said it holds when it connected.
    let helloAfter: Int64
    private let condition = NSCondition()
    private var queue: [Data] = []
    private var lagging = false
    private var closed = false

    init(socket: FramedSocket, user: String, id: Int, after: Int64) {
        self.socket = socket
        self.user = user
        self.id = id
        helloAfter = after
    }

    /// Queues a pushed frame; when the queue is full, drops it all and tells the client to resynchronise.
    func push(_ frame: Data, resync: Data) {
        condition.lock()
        defer { condition.unlock() }
        guard !closed, !lagging else { return }
        if queue.count >= Self.queueCapacity {
            queue = [resync]
            lagging = true
        } else {
            queue.append(frame)
        }
        condition.signal()
    }

    /// Queues a reply, which is never dropped; `caughtUp` ends a resynchronisation.
    func reply(_ frames: [Data], caughtUp: Bool = false) {
        condition.lock()
        defer { condition.unlock() }
        guard !closed else { return }
        queue.append(contentsOf: frames)
        if caughtUp { lagging = false }
        condition.signal()
    }

    /// Writes queued frames until the connection closes.
    func writeLoop() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if closed {
                condition.unlock()
                return
            }
            let frames = queue
            queue.removeAll()
            condition.unlock()
            do {
                for frame in frames { try socket.send(frame) }
            } catch {
                close()
                return
            }
        }
    }

    func close() {
        condition.lock()
        closed = true
        queue.removeAll()
        condition.signal()
        condition.unlock()
        socket.shutdown()
    }
}
