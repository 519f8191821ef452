import Foundation

/// Two halves of one job on two threads: `produce` runs on a thread of its own and sends values,
/// which `consume` takes in order on the calling thread (where an open SQLite transaction must stay).
///
/// At most `capacity` batches of `batchSize` values wait between them, so the producer runs ahead
/// by a bounded amount and a million values are never held at once. Whichever side fails first
/// stops the other: a producer's error ends the consumer's loop at once (what is still waiting is
/// dropped); a consumer's error makes the producer's next `send` throw ``Cancelled``. Either way
/// the producer's thread has ended when `run` returns or throws, and the first error is thrown.
final class EventPipe<Element>: @unchecked Sendable {
    /// Thrown by `send` once the consumer has stopped.
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private let batchSize: Int
    private let capacity: Int
    // Guarded by `condition`.
    private var waiting: [[Element]] = []
    private var cancelled = false
    private var ended = false
    private var failure: Error?
    // The producer's own batch, not yet handed over.
    private var filling: [Element] = []

    private init(batchSize: Int, capacity: Int) {
        self.batchSize = batchSize
        self.capacity = capacity
        filling.reserveCapacity(batchSize)
    }

    /// Runs `produce` beside `consume` (see the type) and returns what `produce` returned.
    static func run<Output>(
        batchSize: Int = 512, capacity: Int = 8, produce: (_ send: @escaping (Element) throws -> Void) throws -> Output,
        consume: (Element) throws -> Void
    ) throws -> Output {
        let pipe = EventPipe(batchSize: batchSize, capacity: capacity)
        var output: Output?
        try withoutActuallyEscaping(produce) { produce in
            let producer = try ProducerThread {
                do {
                    output = try produce(pipe.send)
                    try pipe.flush()
                    pipe.end(failure: nil)
                } catch {
                    pipe.end(failure: error)
                }
            }
            defer { producer.join() }
            do {
                while let batch = try pipe.receive() {
                    for element in batch { try consume(element) }
                }
            } catch let error where !pipe.producerFailed {
                pipe.cancelAndWait()
                throw error
            }
        }
        // Set by the producer before it ended without failure, which `receive` returning nil means.
        return output!
    }

    /// Producer: hands `element` over, waiting while `capacity` batches are waiting.
    private func send(_ element: Element) throws {
        filling.append(element)
        if filling.count >= batchSize { try flush() }
    }

    private func flush() throws {
        guard !filling.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        waiting.append(filling)
        condition.broadcast()
        filling = []
        filling.reserveCapacity(batchSize)
    }

    /// Producer: its last call.
    private func end(failure: Error?) {
        condition.lock()
        defer { condition.unlock() }
        ended = true
        self.failure = failure
        condition.broadcast()
    }

    /// Consumer: the next batch; nil once the producer ended and everything was taken. Throws the
    /// producer's error as soon as it has one.
    private func receive() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let failure { throw failure }
            if !waiting.isEmpty {
                condition.broadcast()
                return waiting.removeFirst()
            }
            if ended { return nil }
            condition.wait()
        }
    }

    private var producerFailed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return failure != nil
    }

    /// Consumer: stops the producer and waits until it has ended.
    private func cancelAndWait() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
        while !ended { condition.wait() }
    }
}

/// A POSIX thread running one closure, joined by its creator: unlike `Thread`, `join` returns only
/// once the thread has let go of the closure, which `withoutActuallyEscaping` checks.
private final class ProducerThread {
    private var thread = pthread_t()

    init(_ body: @escaping () -> Void) throws {
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        let status = pthread_create(
            &thread, nil,
            { raw in
                let body = Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue()
                body.run()
                return nil
            }, box)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            throw StoreError.notSaved("cannot start a second thread (error \(status))")
        }
    }

    func join() {
        pthread_join(thread, nil)
    }

    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
}
