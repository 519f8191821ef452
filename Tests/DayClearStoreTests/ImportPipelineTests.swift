import DayClearCore
import Foundation
import Testing

@testable import DayClearStore

/// An import folds on one thread while the store's thread writes: still all or nothing, with files
/// long enough that many batches were written before the failure.
@Suite("Import pipeline")
struct ImportPipelineTests {
    /// A request file of `count` one-line requests for H04; the last one names `lastRecipient`.
    private static func requests(_ count: Int, lastRecipient: String = "H04") -> String {
        let rows = (1...count).map { number in
            let recipient = number == count ? lastRecipient : "H04"
            return "R-\(100_000 + number),\(recipient),口罩,医用外科,1,只,2026-02-10 20:00,2026-02-10 15:00,"
        }
        return ([Sample.requestHeader] + rows).joined(separator: "\n") + "\n"
    }

    @Test("a refused row at the end of a large file records nothing and leaves the ledger as before")
    func refusedLateRow() throws {
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients, .stock])
            let count = 6_000
            let path = try writeFile(folder, "requests.csv", Self.requests(count, lastRecipient: "H99"))
            let before = store.ledger
            let events = try eventCount(store)
            let result = try runImport(.requests, path, into: store, clock: clock)
            #expect(!result.imported)
            #expect(result.plan.accepted == count - 1)
            #expect(result.plan.issues.map(\.row) == [count + 1])
            #expect(result.plan.issues.first?.column == "申请单位")
            #expect(try eventCount(store) == events)
            let unchanged = store.ledger == before
            #expect(unchanged, "the ledger shows requests that were not recorded")
            let reopened = try openStore(in: folder, clock: clock)
            #expect(reopened.ledger.requests.count == before.requests.count)
            #expect(reopened.ledger.lastSequence == before.lastSequence)
        }
    }

    @Test("a write failing in the middle of a large import records nothing, and the file imports once it works")
    func failedWrite() throws {
        let log = FailingWriteLog()
        let clock = TestClock("2026-02-10 15:45")
        let store = try LedgerStore(log: log, actor: "a", clock: clock.function)
        try store.perform(.calendarConfigured(Sample.settings))
        try importSamples([.recipients, .stock], into: store, clock: clock)
        try withTemporaryDirectory { folder in
            let count = 6_000
            let path = try writeFile(folder, "requests.csv", Self.requests(count))
            let before = store.ledger
            let stored = log.stored.count
            log.failAtWrite = 3_000
            let error = thrownError { _ = try runImport(.requests, path, into: store, clock: clock) }
            #expect(error as? StoreError == .notSaved("disk full"))
            #expect(log.stored.count == stored)
            let unchanged = store.ledger == before
            #expect(unchanged, "the ledger shows requests that were not recorded")
            let result = try runImport(.requests, path, into: store, clock: clock)
            #expect(result.imported && result.plan.accepted == count)
            #expect(log.stored.count == stored + count)
            #expect(log.stored.map(\.sequence) == Array(1...Int64(stored + count)))
        }
    }
}

/// An in-memory log whose `failAtWrite`-th write of the next append throws, as a disk filling up in
/// the middle of an import would.
private final class FailingWriteLog: EventLog {
    var stored: [RecordedEvent] = []
    var failAtWrite: Int?

    func events(after sequence: Int64) throws -> [RecordedEvent] {
        stored.filter { $0.sequence > sequence }
    }

    func append(after sequence: Int64, _ body: ([RecordedEvent]) throws -> [RecordedEvent]) throws {
        try appendEach(after: sequence) { newer, write in
            for event in try body(newer) {
                try write(EncodedEvent(recorded: event, type: "", payload: ""))
            }
        }
    }

    func appendEach(
        after sequence: Int64, _ body: (_ newer: [RecordedEvent], _ write: (EncodedEvent) throws -> Void) throws -> Void
    ) throws {
        let failAt = failAtWrite
        failAtWrite = nil
        var pending: [RecordedEvent] = []
        try body(stored.filter { $0.sequence > sequence }) { encoded in
            if pending.count + 1 == failAt { throw StoreError.notSaved("disk full") }
            pending.append(encoded.recorded)
        }
        stored += pending
    }

    func changeToken() throws -> Int64 { Int64(stored.count) }
}
