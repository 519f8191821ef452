import Foundation
import Testing

@testable import DayClearStore

/// The hand-off between an import's fold and its writes: order kept, and either side's failure stops
/// the other.
@Suite("EventPipe")
struct EventPipeTests {
    private struct Failure: Error, Equatable { var at: Int }

    @Test("every value sent arrives once, in order, and the producer's result is returned")
    func order() throws {
        var received: [Int] = []
        let output = try EventPipe<Int>.run(
            batchSize: 7, capacity: 2,
            produce: { send in
                for value in 0..<10_000 { try send(value) }
                return "done"
            }, consume: { received.append($0) })
        #expect(output == "done")
        #expect(received == Array(0..<10_000))
    }

    @Test("a producer that fails makes run throw its error")
    func producerFails() {
        var received: [Int] = []
        let error = thrownError {
            _ = try EventPipe<Int>.run(
                batchSize: 8, capacity: 2,
                produce: { send in
                    for value in 0..<100 { try send(value) }
                    throw Failure(at: 100)
                }, consume: { received.append($0) })
        }
        #expect(error as? Failure == Failure(at: 100))
        // What was still waiting may be dropped, never reordered.
        #expect(received == Array(0..<received.count))
    }

    @Test("a consumer that fails stops the producer, which has ended when run throws")
    func consumerFails() {
        var sent = 0
        var producerSaw: Error?
        let error = thrownError {
            _ = try EventPipe<Int>.run(
                batchSize: 8, capacity: 2,
                produce: { send in
                    do {
                        for value in 0..<1_000_000 {
                            try send(value)
                            sent += 1
                        }
                    } catch {
                        producerSaw = error
                        throw error
                    }
                },
                consume: { value in
                    if value == 50 { throw Failure(at: 50) }
                })
        }
        #expect(error as? Failure == Failure(at: 50))
        #expect(producerSaw is EventPipe<Int>.Cancelled)
        // Seven batches taken, two waiting and one being filled: the producer runs only that far ahead.
        #expect(sent < 7 * 8 + 3 * 8)
    }
}
