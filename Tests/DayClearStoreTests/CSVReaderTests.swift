import Foundation
import Testing

@testable import DayClearStore

@Suite("CSVReader")
struct CSVReaderTests {
    // MARK: - Structure

    @Test func simpleFile() throws {
        let table = try CSVReader.parse("名称,数量,单位\r\n口罩,100,盒\r\n手套,20,双\r\n")
        #expect(table.header == ["名称", "数量", "单位"])
        #expect(
            table.records == [
                CSVRecord(row: 2, fields: ["口罩", "100", "盒"]),
                CSVRecord(row: 3, fields: ["手套", "20", "双"]),
            ])
    }

    @Test func bomIsStripped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("名称,数量\r\n口罩,1\r\n".utf8)
        let table = try CSVReader.read(Data(bytes))
        #expect(table.header == ["名称", "数量"])
        #expect(table.records == [CSVRecord(row: 2, fields: ["口罩", "1"])])
        // A BOM left in a String (e.g. decoded by someone else) is not part of the first cell either.
        #expect(try CSVReader.parse("\u{FEFF}a,b\n1,2").header == ["a", "b"])
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func lineEnds(_ eol: String) throws {
        let text = ["h1,h2", "a,b", "c,d"].joined(separator: eol) + eol
        let table = try CSVReader.parse(text)
        #expect(table.header == ["h1", "h2"])
        #expect(
            table.records == [
                CSVRecord(row: 2, fields: ["a", "b"]),
                CSVRecord(row: 3, fields: ["c", "d"]),
            ])
    }

    @Test func mixedLineEnds() throws {
        let table = try CSVReader.parse("h\r\na\nb\rc\r\n")
        #expect(table.records.map(\.fields) == [["a"], ["b"], ["c"]])
        #expect(table.records.map(\.row) == [2, 3, 4])
    }

    @Test func lastRecordWithoutLineEnd() throws {
        let table = try CSVReader.parse("h1,h2\na,b")
        #expect(table.records == [CSVRecord(row: 2, fields: ["a", "b"])])
    }

    @Test func trailingCommaMakesAnEmptyLastField() throws {
        #expect(try CSVReader.parse("h1,h2\na,").records == [CSVRecord(row: 2, fields: ["a", ""])])
        #expect(try CSVReader.parse("h1,h2\na,\n").records == [CSVRecord(row: 2, fields: ["a", ""])])
        #expect(try CSVReader.parse("h1,h2\n,a\n").records == [CSVRecord(row: 2, fields: ["", "a"])])
    }

    @Test func quotedFields() throws {
        let text = "名称,备注\r\n\"口罩, N95\",\"他说\"\"好\"\"\"\r\n\"多\r\n行\nLF\rCR\",x\r\n最后,\"\"\r\n"
        let table = try CSVReader.parse(text)
        #expect(
            table.records == [
                CSVRecord(row: 2, fields: ["口罩, N95", "他说\"好\""]),
                CSVRecord(row: 3, fields: ["多\r\n行\nLF\rCR", "x"]),
                // Row 4 although the file's fifth physical line: records are counted, not lines.
                CSVRecord(row: 4, fields: ["最后", ""]),
            ])
    }

    @Test func quotedHeaderIsTrimmed() throws {
        let table = try CSVReader.parse(" 名称 ,\"\t数量\u{3000}\",\" 单位\n\"\n1,2,3\n")
        #expect(table.header == ["名称", "数量", "单位"])
    }

    @Test func dataFieldsAreNotTrimmedOrPadded() throws {
        let table = try CSVReader.parse("a,b,c\n x ,y\n1,2,3,4\n")
        #expect(
            table.records == [
                CSVRecord(row: 2, fields: [" x ", "y"]),
                CSVRecord(row: 3, fields: ["1", "2", "3", "4"]),
            ])
    }

    @Test func blankRecordsAreSkippedButCounted() throws {
        // An empty line and Excel's ",," for an empty row both count as a spreadsheet row.
        let table = try CSVReader.parse("h1,h2,h3\r\n\r\na,b,c\r\n,,\r\n\"\",\r\nd,,\r\n\r\n")
        #expect(
            table.records == [
                CSVRecord(row: 3, fields: ["a", "b", "c"]),
                CSVRecord(row: 6, fields: ["d", "", ""]),
            ])
    }

    @Test func blankLinesBeforeTheHeaderKeepSpreadsheetRows() throws {
        let table = try CSVReader.parse("\n,\nh\na\n")
        #expect(table.header == ["h"])
        #expect(table.records == [CSVRecord(row: 4, fields: ["a"])])
    }

    @Test func emptyInput() throws {
        for text in ["", "\u{FEFF}", "\r\n", "\n\n\n", ",,,\r\n,\r\n"] {
            #expect(throws: CSVReadError.empty) { try CSVReader.parse(text) }
        }
        #expect(throws: CSVReadError.empty) { try CSVReader.read(Data()) }
        #expect(throws: CSVReadError.empty) { try CSVReader.read(Data([0xEF, 0xBB, 0xBF])) }
    }

    @Test func headerOnly() throws {
        for text in ["a,b", "a,b\r\n", "a,b\n\n"] {
            let table = try CSVReader.parse(text)
            #expect(table == CSVTable(header: ["a", "b"], records: []))
        }
    }

    @Test func nulBytesAreKept() throws {
        let bytes = Array("h1,h2\na\u{0}b,\u{0}\n\"\u{0}\",c\n".utf8)
        let table = try CSVReader.read(Data(bytes))
        #expect(
            table.records == [
                CSVRecord(row: 2, fields: ["a\u{0}b", "\u{0}"]),
                CSVRecord(row: 3, fields: ["\u{0}", "c"]),
            ])
        #expect(table.records[0].fields[0].utf8.count == 3)
    }

    // MARK: - Errors

    @Test func unterminatedQuoteNamesTheRow() throws {
        let error = #expect(throws: CSVReadError.self) {
            try CSVReader.parse("h1,h2\na,b\r\nc,\"d\nmore\nlines")
        }
        #expect(error == .unterminatedQuote(row: 3))
        #expect(error?.description == "row 3: unterminated quoted field")
        #expect(throws: CSVReadError.unterminatedQuote(row: 1)) { try CSVReader.parse("\"") }
        #expect(throws: CSVReadError.unterminatedQuote(row: 2)) { try CSVReader.parse("h\n\"a\"\"") }
    }

    @Test func strayQuotes() throws {
        // A quote inside an unquoted field.
        #expect(throws: CSVReadError.unexpectedQuote(row: 2, column: 2)) {
            try CSVReader.parse("h1,h2\na,b\"c\n")
        }
        // Text after a closing quote.
        #expect(throws: CSVReadError.unexpectedQuote(row: 3, column: 1)) {
            try CSVReader.parse("h1,h2\na,b\n\"c\"d,e\n")
        }
        // Whitespace before an opening quote or after a closing one.
        #expect(throws: CSVReadError.unexpectedQuote(row: 2, column: 2)) {
            try CSVReader.parse("h1,h2\na, \"b\"\n")
        }
        #expect(throws: CSVReadError.unexpectedQuote(row: 2, column: 1)) {
            try CSVReader.parse("h1,h2\n\"a\" ,b\n")
        }
        // Row numbers count records: the quoted newline on row 2 does not shift row 3.
        let error = #expect(throws: CSVReadError.self) {
            try CSVReader.parse("h1,h2\n\"x\ny\",z\nok,a\"b\n")
        }
        #expect(error == .unexpectedQuote(row: 3, column: 2))
        #expect(error?.description.hasPrefix("row 3, column 2: ") == true)
    }

    @Test func fieldTooLong() throws {
        let big = String(repeating: "数", count: (2 << 20) / 3)  // about 2 MiB of UTF-8
        let error = #expect(throws: CSVReadError.self) { try CSVReader.parse("h1,h2\na,\(big)\n") }
        #expect(error == .fieldTooLong(row: 2, column: 2, limit: CSVReader.maxFieldBytes))
        #expect(error?.description == "row 2, column 2: field longer than 1048576 bytes")
        #expect(throws: CSVReadError.fieldTooLong(row: 2, column: 1, limit: CSVReader.maxFieldBytes)) {
            try CSVReader.parse("h\n\"\(big)\"\n")
        }
    }

    @Test func fieldLimitCountsBytesAfterUnescaping() throws {
        let limit = CSVReader.maxFieldBytes
        // Exactly at the limit: accepted, both plain and quoted with doubled quotes.
        let plain = String(repeating: "x", count: limit)
        #expect(try CSVReader.parse("h\n\(plain)\n").records[0].fields[0].utf8.count == limit)
        let quotes = String(repeating: "\"", count: limit)
        let escaped = String(repeating: "\"\"", count: limit)
        #expect(try CSVReader.parse("h\n\"\(escaped)\"\n").records[0].fields[0] == quotes)
        // One byte over: refused.
        #expect(throws: CSVReadError.fieldTooLong(row: 2, column: 1, limit: limit)) {
            try CSVReader.parse("h\n\(plain)x\n")
        }
    }

    @Test func tooManyColumns() throws {
        let wide = Array(repeating: "c", count: 5_000).joined(separator: ",")
        let error = #expect(throws: CSVReadError.self) { try CSVReader.parse(wide + "\n1\n") }
        #expect(error == .tooManyColumns(row: 1, limit: CSVReader.maxColumns))
        #expect(error?.description == "row 1: more than 1000 columns")
        // Exactly the limit is fine, and an empty field past it counts too.
        let atLimit = Array(repeating: "c", count: CSVReader.maxColumns).joined(separator: ",")
        #expect(try CSVReader.parse(atLimit).header.count == CSVReader.maxColumns)
        #expect(throws: CSVReadError.tooManyColumns(row: 2, limit: CSVReader.maxColumns)) {
            try CSVReader.parse("h\n" + atLimit + ",")
        }
    }

    @Test func errorDescriptions() {
        #expect(CSVReadError.empty.description == "the file is empty: no header row")
        #expect(CSVReadError.undecodable.description == "the file is neither UTF-8 nor GB18030 text")
    }

    // MARK: - Encodings

    /// "口罩,数量\r\nN95,100\r\n" as Excel saves it on Chinese Windows (checked with iconv).
    static let gb18030Sample: [UInt8] = [
        0xBF, 0xDA, 0xD5, 0xD6, 0x2C, 0xCA, 0xFD, 0xC1, 0xBF, 0x0D, 0x0A,  // 口罩,数量
        0x4E, 0x39, 0x35, 0x2C, 0x31, 0x30, 0x30, 0x0D, 0x0A,  // N95,100
    ]

    @Test func gb18030Decodes() throws {
        let data = Data(Self.gb18030Sample)
        #expect(try CSVReader.decodeText(data) == "口罩,数量\r\nN95,100\r\n")
        let table = try CSVReader.read(data)
        #expect(
            table
                == CSVTable(header: ["口罩", "数量"], records: [CSVRecord(row: 2, fields: ["N95", "100"])]))
    }

    @Test func gb18030FourByteSequencesAndBOM() throws {
        // GB18030's own BOM (84 31 95 33), then 㐀 (81 39 EE 39) and 𠀀 (95 32 82 36), which GBK lacks.
        let bytes: [UInt8] = [
            0x84, 0x31, 0x95, 0x33, 0x81, 0x39, 0xEE, 0x39, 0x0A, 0x95, 0x32, 0x82, 0x36, 0x0A,
        ]
        let table = try CSVReader.read(Data(bytes))
        #expect(table == CSVTable(header: ["㐀"], records: [CSVRecord(row: 2, fields: ["𠀀"])]))
    }

    @Test func utf8IsPreferredAndKept() throws {
        let text = "名称,数量\n口罩,1\n"
        #expect(try CSVReader.decodeText(Data(text.utf8)) == text)
    }

    @Test(
        arguments: [
            [0xFF, 0xFE, 0x41],  // 0xFF is never a byte of UTF-8 or a GB18030 lead byte (UTF-16 LE BOM)
            [0x41, 0x2C, 0x81],  // GB18030 lead byte cut off at the end
            [0x81, 0x7F],  // GB18030 lead byte with an invalid trail byte
            [0xEF, 0xBB, 0xBF, 0xBF, 0xDA],  // UTF-8 BOM, then not UTF-8: not retried as GB18030
        ] as [[UInt8]])
    func undecodable(_ bytes: [UInt8]) {
        #expect(throws: CSVReadError.undecodable) { try CSVReader.decodeText(Data(bytes)) }
        #expect(throws: CSVReadError.undecodable) { try CSVReader.read(Data(bytes)) }
    }
}
