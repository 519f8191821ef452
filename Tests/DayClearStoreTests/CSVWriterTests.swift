import Foundation
import SeededRandom
import Testing

@testable import DayClearStore

@Suite("CSVWriter")
struct CSVWriterTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The written bytes after the BOM, as text.
    static func body(_ data: Data) -> String {
        String(decoding: data.dropFirst(bom.count), as: UTF8.self)
    }

    // MARK: - Format

    @Test func bomAndCRLF() {
        let data = CSVWriter.encode(header: ["名称", "数量"], rows: [["口罩", "100"], ["手套", "20"]])
        #expect(Array(data.prefix(3)) == Self.bom)
        #expect(Array(data) == Self.bom + Array("名称,数量\r\n口罩,100\r\n手套,20\r\n".utf8))
    }

    @Test func headerOnlyAndEmptyCells() {
        #expect(Self.body(CSVWriter.encode(header: ["a", "b"], rows: [])) == "a,b\r\n")
        #expect(
            Self.body(CSVWriter.encode(header: ["a", "b"], rows: [["", ""], ["x"]]))
                == "a,b\r\n,\r\nx\r\n")
    }

    @Test(arguments: [
        ("a,b", "\"a,b\""),
        ("他说\"好\"", "\"他说\"\"好\"\"\""),
        ("两\n行", "\"两\n行\""),
        ("两\r行", "\"两\r行\""),
        ("两\r\n行", "\"两\r\n行\""),
        ("\"", "\"\"\"\""),
        ("plain 文字 ", "plain 文字 "),
        ("", ""),
        ("it's", "it's"),
    ])
    func quoting(_ field: String, _ written: String) {
        #expect(Self.body(CSVWriter.encode(header: [field], rows: [])) == written + "\r\n")
    }

    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("=1", "'=1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("-1e5", "'-1e5"),
        ("-", "'-"),
        ("+", "'+"),
        ("-.", "'-."),
        ("-1.2.3", "'-1.2.3"),
        ("- 5", "'- 5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("=HYPERLINK(\"http://x\",\"点\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\""),
        ("=a,b", "\"'=a,b\""),
    ])
    func formulasAreNeutralised(_ field: String, _ written: String) throws {
        let data = CSVWriter.encode(header: ["h"], rows: [[field]])
        #expect(Self.body(data) == "h\r\n" + written + "\r\n")
        // Read back, the cell is the original text behind a single quote.
        #expect(try CSVReader.read(data).records == [CSVRecord(row: 2, fields: ["'" + field])])
    }

    @Test(arguments: ["-5", "+3.5", "-0.25", "-.5", "+7.", "12", "0", "-100000000000000000000"])
    func plainNumbersStayNumeric(_ number: String) throws {
        let data = CSVWriter.encode(header: ["数量"], rows: [[number]])
        #expect(Self.body(data) == "数量\r\n" + number + "\r\n")
        #expect(try CSVReader.read(data).records == [CSVRecord(row: 2, fields: [number])])
    }

    @Test func neutralisationAppliesToHeaderCellsToo() {
        #expect(Self.body(CSVWriter.encode(header: ["=x", "-3"], rows: [])) == "'=x,-3\r\n")
    }

    // MARK: - Round trips

    @Test func awkwardStringsRoundTrip() throws {
        let header = ["名称", "备注, 说明", "\"引号\"", "多\r\n行"]
        let rows = [
            ["口罩 N95", "a,b,,c", "他说\"好\"", "一\n二\r三\r\n四"],
            [" 前后空格 ", "\"", "\"\"", ","],
            ["it's", "'=already quoted", "中文，全角逗号", "\u{0}"],
            ["-5", "+3.5", "x=1", "a@b"],
            ["only one field"],
            ["", "", "", "", "five"],
        ]
        let table = try CSVReader.read(CSVWriter.encode(header: header, rows: rows))
        #expect(table.header == header)
        #expect(
            table.records == rows.enumerated().map { CSVRecord(row: $0.offset + 2, fields: $0.element) })
    }

    @Test func leadingFormulaCharactersComeBackPrefixed() throws {
        let rows = [["=1+1", "+a", "-b", "@c", "\td", "\re"]]
        let table = try CSVReader.read(CSVWriter.encode(header: ["h"], rows: rows))
        #expect(table.records[0].fields == rows[0].map { "'" + $0 })
    }

    /// 200 random tables, ragged rows and blank rows included, from a fixed seed.
    @Test func randomTablesRoundTrip() throws {
        var random = SplitMix64(seed: 0x00DA_7C1E_A4)
        // No formula characters (= + - @ tab) here; CR only ever appears after the first character.
        let alphabet: [String] = [
            "a", "Z", "0", "9", ".", "'", " ", ",", "\"", "\n", "\r", "\r\n", "口", "罩", "数", "量",
            "\u{3000}", "，", "é", "😷", "\u{0}", ";", "\\",
        ]
        func randomString(maxLength: Int) -> String {
            let length = Int(random.next() % UInt64(maxLength + 1))
            var s = ""
            for index in 0..<length {
                var piece = alphabet[Int(random.next() % UInt64(alphabet.count))]
                // Compare bytes: "\r\n" is one Character, so hasPrefix("\r") would miss it.
                if index == 0, piece.utf8.first == UInt8(ascii: "\r") { piece = "b" }
                s += piece
            }
            return s
        }

        for _ in 0..<200 {
            let columns = 1 + Int(random.next() % 6)
            let header = (0..<columns).map { _ in "h" + randomString(maxLength: 5) }
            let rows = (0..<Int(random.next() % 20)).map { _ in
                (0..<(1 + Int(random.next() % 7))).map { _ in
                    random.next() % 4 == 0 ? "" : randomString(maxLength: 8)
                }
            }

            let table = try CSVReader.read(CSVWriter.encode(header: header, rows: rows))

            let expectedHeader = header.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            let expectedRecords = rows.enumerated()
                .filter { $0.element.contains { !$0.isEmpty } }
                .map { CSVRecord(row: $0.offset + 2, fields: $0.element) }
            #expect(table == CSVTable(header: expectedHeader, records: expectedRecords))
        }
    }
}
