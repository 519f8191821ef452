import DayClearCore
import Foundation
import SeededRandom
import Testing

@testable import DayClearStore

/// The pieces the streaming import rests on agree with what they replace: the UTF-8 check with the
/// standard library's, the chain hash fed piece by piece with the one over a stored row, an event
/// encoded once with the encode/decode round trip.
@Suite("Streaming import")
struct StreamingImportTests {
    @Test("the UTF-8 check agrees with String(validating:) on random bytes", arguments: [1, 2, 3])
    func utf8Check(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Mostly pieces of real UTF-8 (ASCII runs, CJK, emoji), cut and spliced at random places.
        let pieces: [[UInt8]] = [
            Array("abcdefgh,12\r\n".utf8), Array("口罩医用外科".utf8), Array("😀".utf8), Array("é".utf8),
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x80],
        ]
        var valid = 0
        var invalid = 0
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 8) {
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                let cut = random.next() % 6 == 0 ? Int(random.next() % UInt64(piece.count + 1)) : piece.count
                bytes += piece.prefix(cut)
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let checked = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
            #expect(checked == expected, "\(bytes)")
            if expected { valid += 1 } else { invalid += 1 }
        }
        #expect(valid > 500 && invalid > 500, "valid \(valid), invalid \(invalid)")
    }

    @Test("the chain hash of a row being appended equals the hash of the row as stored", arguments: [1, 2])
    func chainHash(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var previous = HashChain.genesis
        for sequence in Int64(1)...300 {
            let event = randomEvent(&random)
            let payload = String(describing: event)
            let reason: String? = random.next() % 3 == 0 ? nil : String(payload.prefix(Int(random.next() % 9)))
            let actor = random.next() % 2 == 0 ? "王" : "li"
            let recordedAt = Int64(bitPattern: random.next()) >> 20
            let stored = StoredEvent(
                sequence: sequence, recordedAt: recordedAt, actor: Data(actor.utf8),
                reason: reason.map { Data($0.utf8) },
                type: Data("requestSubmitted".utf8), payload: Data(payload.utf8), hash: Data())
            let streamed = HashChain.hash(
                sequence: sequence, recordedAt: recordedAt, actor: actor, reason: reason, type: "requestSubmitted",
                payload: payload, after: previous)
            #expect(streamed == HashChain.hash(of: stored, after: previous))
            previous = streamed
        }
    }

    @Test("an event encoded once is the event the round trip through its payload gives", arguments: [1, 2, 3])
    func canonicalWithoutRoundTrip(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for index in 0..<2_000 {
            var event = randomEvent(&random)
            if index.isMultiple(of: 3), case .requestSubmitted(var submission) = event {
                // A time between two milliseconds must come back rounded.
                submission.neededBy = submission.neededBy.addingTimeInterval(0.000_4)
                event = .requestSubmitted(submission)
            }
            let (type, payload) = try EventCodec.encode(event)
            let roundTrip = try EventCodec.decode(type: type, payload: payload)
            let once = try EventCodec.canonicalEncoding(event)
            #expect(once.event == roundTrip)
            #expect(once.type == type)
            #expect(once.payload == payload)
        }
    }
}
