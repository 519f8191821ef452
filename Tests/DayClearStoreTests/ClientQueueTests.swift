import Foundation
import Testing

@testable import DayClearStore

#if canImport(Glibc)
    import Glibc
#endif

/// A connected terminal's push queue on the server: bounded, and a terminal
/// that falls behind is told to resynchronise instead of holding the server up.
@Suite("Server push queue")
struct ClientQueueTests {
    @Test("a client that falls a full queue behind gets one resync, then nothing until it has caught up")
    func overflowAsksForResync() throws {
        var pair: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        let serverSide = FramedSocket(descriptor: pair[0])
        let clientSide = FramedSocket(descriptor: pair[1])
        let connection = ClientConnection(socket: serverSide, user: "li", id: 1, after: 0)
        let resync = Data("resync".utf8)

        // Nothing is written yet (the writer has not started): the queue fills and overflows.
        for index in 0...ClientConnection.queueCapacity {
            connection.push(Data("event \(index)".utf8), resync: resync)
        }
        connection.push(Data("while lagging".utf8), resync: resync)
        let writer = Thread { connection.writeLoop() }
        writer.start()
        #expect(try clientSide.receive() == resync)

        // Replies still arrive; pushes resume once the catch-up reply is queued.
        connection.reply([Data("caught up".utf8)], caughtUp: true)
        connection.push(Data("next event".utf8), resync: resync)
        #expect(try clientSide.receive() == Data("caught up".utf8))
        #expect(try clientSide.receive() == Data("next event".utf8))
        connection.close()
        clientSide.close()
    }
}
