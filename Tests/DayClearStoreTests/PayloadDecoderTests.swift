import DayClearCore
import Foundation
import SeededRandom
import Testing

@testable import DayClearStore

/// The hand-written payload decoder reads every event exactly as Foundation's `JSONDecoder` does.
@Suite("Payload decoder")
struct PayloadDecoderTests {
    @Test("every generated event decodes identically on the fast path and through JSONDecoder", arguments: [1, 2, 3])
    func sameAsFoundation(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var seen: Set<String> = []
        for _ in 0..<1_500 {
            let event = randomEvent(&random)
            let (type, payload) = try EventCodec.encode(event)
            seen.insert(type)
            let reference = try EventCodec.decodeWithFoundation(type: type, payload: payload)
            var bytes = payload
            let fast = try bytes.withUTF8 { try PayloadDecoder.decode(type: type, payload: $0) }
            #expect(fast == reference, "\(type) \(payload)")
        }
        #expect(seen.count == 21, "every event case was generated: \(seen.sorted())")
    }

    @Test("a payload the fast path does not expect is still read, by JSONDecoder")
    func fallback() throws {
        let payload = #"{ "request" : "R-1", "comment": "added by hand" }"#
        var bytes = payload
        #expect(throws: PayloadScanner.Unexpected.self) {
            try bytes.withUTF8 { try PayloadDecoder.decode(type: "requestDispatched", payload: $0) }
        }
        #expect(
            try EventCodec.decode(type: "requestDispatched", payload: payload)
                == .requestDispatched(RequestReference(request: "R-1")))
    }

    @Test("escapes, surrogate pairs and null optionals read as JSONDecoder reads them")
    func escapes() throws {
        let payload =
            #"{"id":"R-\"1\"\\\/\u00e9\ud83d\ude00\n","lines":[],"neededBy":-5,"note":null,"recipient":"H\t1","submittedAt":null}"#
        let fast = try EventCodec.decode(type: "requestSubmitted", payload: Data(payload.utf8))
        #expect(fast == (try EventCodec.decodeWithFoundation(type: "requestSubmitted", payload: payload)))
        guard case .requestSubmitted(let submission) = fast else {
            Issue.record("not a submission")
            return
        }
        #expect(submission.id.rawValue == "R-\"1\"\\/é😀\n")
    }

    @Test("damaged payloads are refused by both paths")
    func damaged() {
        for payload in [#"{"request":"R-1""#, #"{"request":1}"#, "", #"{"lot":"L","quantity":1.5}"#] {
            #expect(throws: (any Error).self) { try EventCodec.decode(type: "requestDispatched", payload: payload) }
        }
    }
}

// MARK: - Generated events (also used by PayloadEncoderTests)

func randomEvent(_ random: inout SplitMix64) -> DomainEvent {
    switch random.next() % 21 {
    case 0:
        return .calendarConfigured(
            CalendarSettings(timeZoneIdentifier: text(&random), cutoffMinutes: number(&random)))
    case 1:
        return .recipientRegistered(
            Recipient(
                id: RecipientID(text(&random)), name: text(&random),
                tier: Tier.allCases[Int(random.next() % 4)], latitude: coordinate(&random),
                longitude: coordinate(&random), contact: text(&random)))
    case 2:
        return .lotRegistered(
            LotRegistration(
                id: LotID(text(&random)), item: item(&random), unit: text(&random), quantity: number(&random),
                packSize: number(&random), donor: text(&random),
                status: random.next() % 2 == 0 ? .arrived(at: date(&random)) : .expected(eta: date(&random)),
                expiry: random.next() % 2 == 0 ? nil : date(&random),
                designatedRecipient: random.next() % 2 == 0 ? nil : RecipientID(text(&random)),
                valuation: valuation(&random)))
    case 3: return .lotReceived(LotReceipt(lot: LotID(text(&random)), quantity: number(&random)))
    case 4: return .lotValued(LotValuation(lot: LotID(text(&random)), valuation: valuation(&random)))
    case 5: return .requestSubmitted(submission(&random))
    case 6: return .requestResubmitted(submission(&random))
    case 7:
        return .allocationProposed(
            AllocationProposal(
                request: RequestID(text(&random)), line: number(&random), lot: LotID(text(&random)),
                quantity: number(&random)))
    case 8: return .requestApproved(quantities(&random))
    case 9: return .requestDelivered(quantities(&random))
    case 10: return .requestReturned(RequestReference(request: RequestID(text(&random))))
    case 11: return .requestRejected(RequestReference(request: RequestID(text(&random))))
    case 12: return .requestCancelled(RequestReference(request: RequestID(text(&random))))
    case 13: return .requestDispatched(RequestReference(request: RequestID(text(&random))))
    case 15:
        return .roleGranted(
            RoleChange(user: text(&random), role: Role.allCases[Int(random.next() % UInt64(Role.allCases.count))]))
    case 16:
        return .roleRevoked(
            RoleChange(user: text(&random), role: Role.allCases[Int(random.next() % UInt64(Role.allCases.count))]))
    case 14:
        let runs = (0..<Int(random.next() % 3)).map { _ in
            ShuttleRunsPlanned.Run(
                vehicle: text(&random), trip: number(&random),
                stops: (0..<Int(random.next() % 4)).map { _ in RecipientID(text(&random)) },
                millilitres: number(&random), metres: number(&random))
        }
        return .shuttleRunsPlanned(
            ShuttleRunsPlanned(
                day: CivilDate(
                    year: 1990 + Int(random.next() % 60), month: 1 + Int(random.next() % 12),
                    day: 1 + Int(random.next() % 28)),
                runs: runs, dayUnits: number(&random), clearedUnits: number(&random)))
    case 19: return .serverGroupNamed(ServerGroup(name: text(&random)))
    case 17:
        return .substitutionAllowed(
            SubstitutionAllowance(request: RequestID(text(&random)), line: number(&random), spec: text(&random)))
    case 18:
        return .substitutionRevoked(
            SubstitutionAllowance(request: RequestID(text(&random)), line: number(&random), spec: text(&random)))
    default: return .paperworkCompleted(RequestReference(request: RequestID(text(&random))))
    }
}

/// Text mixing ASCII, characters JSON must escape, CJK, emoji and line separators.
private func text(_ random: inout SplitMix64) -> String {
    let pool: [Character] = [
        "a", "Z", "0", "9", "-", " ", "\"", "\\", "/", "\n", "\t", "\r", "\u{01}", "\u{1F}", "\u{7F}", "é", "口", "罩",
        "医", "😀", "\u{2028}", "%", "{", "}", ",", ":",
    ]
    let length = Int(random.next() % 12)
    return String((0..<length).map { _ in pool[Int(random.next() % UInt64(pool.count))] })
}

private func number(_ random: inout SplitMix64) -> Int {
    switch random.next() % 5 {
    case 0: return Int.max
    case 1: return Int.min
    case 2: return -Int(random.next() % 1_000)
    default: return Int(random.next() % 1_000_000)
    }
}

private func coordinate(_ random: inout SplitMix64) -> Double {
    switch random.next() % 4 {
    case 0: return Double(Int(random.next() % 360_000_000) - 180_000_000) / 1_000_000
    case 1: return Double(random.next() % 1_000) * 1e-9
    case 2: return -0.0
    default: return Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)
    }
}

/// Dates within a few centuries of 1970, some off the millisecond grid.
private func date(_ random: inout SplitMix64) -> Date {
    let milliseconds = Int64(random.next() % 20_000_000_000_000) - 10_000_000_000_000
    let fraction = random.next() % 3 == 0 ? Double(random.next() % 1_000) / 1e6 : 0
    return Date(timeIntervalSince1970: Double(milliseconds) / 1_000 + fraction)
}

private func item(_ random: inout SplitMix64) -> ItemKey { ItemKey(kind: text(&random), spec: text(&random)) }

private func valuation(_ random: inout SplitMix64) -> Valuation {
    switch random.next() % 4 {
    case 0: return .pending
    case 1: return .invoiced(fen: number(&random))
    case 2: return .appraised(fen: number(&random), by: text(&random))
    default: return .unvaluable
    }
}

private func submission(_ random: inout SplitMix64) -> RequestSubmission {
    let lines = (0..<Int(random.next() % 4)).map { _ in
        RequestLine(number: number(&random), item: item(&random), unit: text(&random), quantity: number(&random))
    }
    return RequestSubmission(
        id: RequestID(text(&random)), recipient: RecipientID(text(&random)), neededBy: date(&random),
        submittedAt: random.next() % 2 == 0 ? nil : date(&random), lines: lines,
        note: random.next() % 2 == 0 ? nil : text(&random))
}

private func quantities(_ random: inout SplitMix64) -> LineQuantities {
    var quantities: [Int: Int] = [:]
    for _ in 0..<Int(random.next() % 4) { quantities[number(&random)] = number(&random) }
    return LineQuantities(request: RequestID(text(&random)), quantities: quantities)
}
