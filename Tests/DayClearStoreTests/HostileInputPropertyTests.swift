import DayClearCore
import Foundation
import PropertyBased
import Testing

@testable import DayClearStore

/// Bytes that matter to a CSV reader and a text decoder, over-represented among random ones:
/// separators, quotes, line ends, NUL, UTF-8 and GB18030 lead and trail bytes, and bytes valid in neither.
private let awkwardByte = Gen<UInt8?>.element(
    of: [UInt8](
        arrayLiteral:
            0x2C, 0x2C, 0x22, 0x22, 0x0A, 0x0D, 0x00, 0x20, 0x61, 0x31, 0xEF, 0xBB, 0xBF, 0xE4, 0xB8, 0xAD,
        0x81, 0x30, 0x84, 0xD6, 0xD0, 0xFE, 0xFF, 0xC0, 0x80
    )
)
.compactMap { $0 }
private let anyByte = Gen<UInt8>.value(in: 0...255)
private let fuzzBytes = zip(Gen.bool(0.7), awkwardByte, anyByte).map {
    (useAwkward: Bool, awkward: UInt8, any: UInt8) -> UInt8 in
    useAwkward ? awkward : any
}
.array(of: 0...400)

@Suite("hostile input: random bytes and broken payloads")
struct HostileInputPropertyTests {
    @Test("random bytes either read as a table within the limits or are refused with a CSV error")
    func csvReaderNeverCrashes() async {
        await propertyCheck(count: 1_500, input: fuzzBytes) { bytes in
            do {
                let table = try CSVReader.read(Data(bytes))
                #expect(table.header.count <= CSVReader.maxColumns)
                var lastRow = 1
                for record in table.records {
                    #expect(record.row > lastRow, "rows count up: \(table.records.map(\.row))")
                    #expect(record.fields.count <= CSVReader.maxColumns)
                    lastRow = record.row
                }
            } catch {
                #expect(error is CSVReadError, "unexpected \(type(of: error)): \(error)")
                #expect(!String(describing: error).isEmpty)
            }
        }
    }

    @Test("a million columns on one line is refused by its row, not read")
    func millionColumns() throws {
        let line = String(repeating: ",", count: 1_000_000)
        #expect(throws: CSVReadError.tooManyColumns(row: 2, limit: CSVReader.maxColumns)) {
            try CSVReader.read(Data("a,b\n\(line)\n".utf8))
        }
    }

    @Test("a huge quoted field full of quotes and line ends is refused by its row and column")
    func hugeQuotedField() throws {
        let field = "\"" + String(repeating: "\"\"\r\n中", count: 200_000) + "\""
        #expect(throws: CSVReadError.fieldTooLong(row: 2, column: 2, limit: CSVReader.maxFieldBytes)) {
            try CSVReader.read(Data("a,b\nx,\(field)\n".utf8))
        }
    }

    @Test("random payloads, and valid ones with bytes changed, decode to an event or are refused as damaged")
    func eventDecoderNeverCrashes() async throws {
        let valid = try EventCodec.encode(
            .allocationProposed(AllocationProposal(request: "R-0001", line: 1, lot: "L-0001", quantity: 5)))
        let types = ["allocationProposed", "requestApproved", "lotRegistered", "requestSubmitted", "nonsense", ""]
        let mutation = zip(Gen.int(in: 0...400), anyByte, Gen.int(in: 0...3))
        await propertyCheck(
            count: 500, input: Gen.int(in: 0...(types.count - 1)).map { types[$0] }, fuzzBytes,
            mutation.array(of: 0...4)
        ) { kind, noise, changes in
            var payload = Array(valid.payload.utf8)
            for (at, byte, how) in changes {
                let index = at % (payload.count + 1)
                switch how {
                case 0 where index < payload.count: payload[index] = byte
                case 1: payload.insert(byte, at: index)
                case 2 where index < payload.count: payload.remove(at: index)
                default: payload = Array(payload.prefix(index))
                }
            }
            for candidate in [payload, noise] {
                do {
                    let event = try EventCodec.decode(type: kind, payload: String(decoding: candidate, as: UTF8.self))
                    // Whatever decodes must encode and decode to itself.
                    let again = try EventCodec.encode(event)
                    #expect(try EventCodec.decode(type: again.type, payload: again.payload) == event)
                } catch {
                    #expect(error is DecodingError || error is StoreError, "unexpected \(type(of: error)): \(error)")
                }
            }
        }
    }

    @Test("deeply nested JSON in a payload is refused, not a crash")
    func deeplyNestedPayload() {
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: (any Error).self) { try EventCodec.decode(type: "requestApproved", payload: nested) }
    }

    @Test("a NUL character in a reason is kept through a replay, or refused before anything is recorded")
    func nulInReason() throws {
        try withTemporaryDirectory { folder in
            let (store, _) = try sampleStore(in: folder)
            let count = try eventCount(store)
            let reason = "重复\u{0}申请"
            let refusal = thrownError { try store.reject("R-0004", reason: reason) }
            let recorded = refusal == nil
            let live = store.ledger
            let replayed = try openStore(in: folder, clock: TestClock("2026-02-10 15:50")).ledger
            if recorded {
                #expect(replayed.requests["R-0004"]?.reason == reason, "the reason read back is cut at the NUL")
                let same = replayed == live
                #expect(same, "the replayed ledger differs from the live one")
            } else {
                #expect(String(describing: refusal).contains("NUL"), "\(String(describing: refusal))")
                #expect(try eventCount(store) == count)
                #expect(replayed.requests["R-0004"]?.state == .submitted)
            }
        }
    }

    @Test("a NUL character in imported text is escaped in the payload and read back whole")
    func nulInPayload() throws {
        let recipient = Recipient(
            id: "H01", name: "西溪\u{0}医院", tier: .frontLineHospital, latitude: 30, longitude: 120, contact: "\u{0}")
        let (type, payload) = try EventCodec.encode(.recipientRegistered(recipient))
        #expect(!payload.unicodeScalars.contains("\u{0}"), "\(payload)")
        #expect(try EventCodec.decode(type: type, payload: payload) == .recipientRegistered(recipient))
    }
}
