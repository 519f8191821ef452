import SeededRandom
import Testing

@testable import DayClearStore

/// The field-by-field writer the day-end export uses for its large files.
@Suite("CSVOutput")
struct CSVOutputTests {
    /// The bytes after the BOM of one record holding `number` written as an `Int`, and written as its text.
    private static func bodies(_ number: Int) -> (asInt: [UInt8], asText: [UInt8]) {
        var asInt = CSVOutput()
        asInt.field(number)
        asInt.endRecord()
        var asText = CSVOutput()
        asText.field("\(number)")
        asText.endRecord()
        return (Array(asInt.bytes.dropFirst(3)), Array(asText.bytes.dropFirst(3)))
    }

    @Test("a whole number is written exactly as its decimal text", arguments: [0, 1, -1, 9, 10, -10, Int.max, Int.min])
    func numbersAsText(_ number: Int) {
        let (asInt, asText) = Self.bodies(number)
        #expect(asInt == asText)
        #expect(asInt == Array("\(number)\r\n".utf8))
    }

    @Test("random whole numbers of every size are written as their decimal text")
    func randomNumbers() {
        var random = SplitMix64(seed: 0x0C5F_0A7E)
        for _ in 0..<2_000 {
            let bits = Int(random.next() % 64)
            let number = Int(truncatingIfNeeded: random.next() >> UInt64(bits))
            // `~`, not `-`: no overflow at Int.min.
            let (asInt, asText) = Self.bodies(Bool.random(using: &random) ? number : ~number)
            #expect(asInt == asText)
        }
    }

    @Test("fields are separated by commas, records end in CRLF and are counted, text is quoted and neutralised")
    func recordsAndFields() {
        var out = CSVOutput()
        out.record(["名称", "数量"])
        out.field("口罩,医用")
        out.field(-5)
        out.endRecord()
        out.field("=1+1")
        out.field("")
        out.endRecord()
        #expect(out.records == 3)
        #expect(out.bytes == [0xEF, 0xBB, 0xBF] + Array("名称,数量\r\n\"口罩,医用\",-5\r\n'=1+1,\r\n".utf8))
    }
}
