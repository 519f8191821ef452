import Foundation
import SeededRandom
import Testing

@testable import DayClearCore

@Suite("Open lines deferred while folding many events")
struct DeferredOpenLinesTests {
    @Test(
        "a ledger whose open lines are deferred over random stretches of events equals one that kept them",
        arguments: [UInt64(3), 41, 20_261_130])
    func deferredThenResumed(seed: UInt64) throws {
        var driver = try RandomDriver(seed: seed)
        for _ in 0..<1_500 { _ = driver.step() }
        let log = driver.fixture.log
        var rng = SplitMix64(seed: seed)
        var deferred = Ledger()
        var kept = Ledger()
        var position = 0
        var stretches = 0
        while position < log.count {
            let end = min(log.count, position + rng.int(1...40))
            let deferring = rng.chance(50)
            if deferring {
                deferred.deferOpenLines()
                stretches += 1
            }
            for event in log[position..<end] {
                try deferred.apply(event)
                try kept.apply(event)
            }
            position = end
            if deferring { deferred.resumeOpenLines() }
            #expect(deferred == kept, "seed \(seed), after event \(end)")
            #expect(deferred.openLines.ordered().all == kept.openLines.ordered().all)
        }
        #expect(stretches > 2)
        #expect(!kept.openLines.ordered().all.isEmpty)
    }

    @Test("while deferred, a submission leaves the open lines as they were; resuming adds its lines")
    func deferredLeavesOpenLinesAlone() throws {
        var driver = try RandomDriver(seed: 5)
        for _ in 0..<300 { _ = driver.step() }
        var ledger = driver.ledger
        let before = ledger.openLines.ordered().all
        ledger.deferOpenLines()
        let recipient = try #require(ledger.recipients.keys.sorted().first)
        let item = try #require(ledger.itemUnits.keys.sorted().first)
        try ledger.apply(
            RecordedEvent(
                sequence: ledger.lastSequence + 1, time: Clock.morning, actor: "clerk", reason: nil,
                event: .requestSubmitted(
                    RequestSubmission(
                        id: "R-DEFERRED", recipient: recipient, neededBy: Clock.morning,
                        lines: [RequestLine(number: 1, item: item, unit: ledger.itemUnits[item]!, quantity: 5)]))))
        #expect(ledger.openLines.ordered().all == before)
        ledger.resumeOpenLines()
        #expect(ledger.openLines.ordered().all.contains { $0.request == "R-DEFERRED" })
        #expect(ledger.openLines.ordered().all == ledger.walkOpenLines().ordered().all)
    }
}
