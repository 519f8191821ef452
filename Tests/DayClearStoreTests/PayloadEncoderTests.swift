import DayClearCore
import Foundation
import SeededRandom
import Testing

@testable import DayClearStore

/// The hand-written payload encoder writes exactly what Foundation's `JSONEncoder` writes.
@Suite("Payload encoder")
struct PayloadEncoderTests {
    @Test("every generated event is written byte for byte as JSONEncoder writes it", arguments: [1, 2, 3, 4])
    func sameAsFoundation(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var written = 0
        var leftToFoundation = 0
        for _ in 0..<2_000 {
            let event = randomEvent(&random)
            let reference = try EventCodec.encodeWithFoundation(event)
            let used = try EventCodec.encode(event)
            #expect(used == reference, "\(reference.payload)")
            switch event {
            case .requestSubmitted, .requestResubmitted, .requestReturned, .requestRejected, .requestCancelled,
                .requestDispatched, .paperworkCompleted:
                if let fast = PayloadEncoder.encode(event) {
                    #expect(fast == reference.payload)
                    written += 1
                } else {
                    leftToFoundation += 1
                }
            default:
                #expect(PayloadEncoder.encode(event) == nil)
            }
        }
        // The generated text often holds control characters; both outcomes must have been exercised.
        #expect(written > 50, "the fast path wrote \(written) payloads")
        #expect(leftToFoundation > 50, "JSONEncoder wrote \(leftToFoundation) payloads")
    }

    @Test("an imported request: Chinese text, quotes, backslashes, no optional fields")
    func importedRequest() throws {
        let lines = [
            RequestLine(number: 1, item: ItemKey(kind: "口罩", spec: #"N95 "3M" 1860\B"#), unit: "只", quantity: 1_200),
            RequestLine(number: 2, item: ItemKey(kind: "消毒液", spec: ""), unit: "瓶/箱", quantity: 7),
        ]
        for (submittedAt, note) in [(nil, nil), (Date(milliseconds: 1_768_557_600_123), "方舱, 二期 😀")] {
            let event = DomainEvent.requestSubmitted(
                RequestSubmission(
                    id: "Q-0000001", recipient: "H1069", neededBy: Date(milliseconds: -5_000), submittedAt: submittedAt,
                    lines: lines, note: note))
            let fast = try #require(PayloadEncoder.encode(event))
            #expect(fast == (try EventCodec.encodeWithFoundation(event)).payload)
            #expect(try EventCodec.decode(type: "requestSubmitted", payload: fast) == event)
        }
    }
}
