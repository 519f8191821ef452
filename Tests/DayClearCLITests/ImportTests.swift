import Foundation
import Testing

private let stockHeader = "批次号,物资名称,规格,数量,单位,每箱数量,捐赠方,定向单位,到货时间,预计到达,有效期,价值(元),估值"

/// Three good lots (rows 2, 4, 6) and two bad ones: row 3 has a negative 数量,
/// row 5 names an unknown 定向单位.
private let mixedStock =
    [
        stockHeader,
        "T-0001,口罩,医用外科,100,只,50,测试捐赠方,,2026-02-10 09:00,,,,",
        "T-0002,口罩,医用外科,-5,只,50,测试捐赠方,,2026-02-10 09:00,,,,",
        "T-0003,手套,医用乳胶M,200,双,100,测试捐赠方,,2026-02-10 09:00,,,,",
        "T-0004,手套,医用乳胶M,200,双,100,测试捐赠方,X99,2026-02-10 09:00,,,,",
        "T-0005,鞋套,一次性,300,双,,测试捐赠方,H01,2026-02-10 09:00,,,,",
    ].joined(separator: "\n") + "\n"

private let goodLots = ["T-0001", "T-0003", "T-0005"]
private let badLots = ["T-0002", "T-0004"]

/// GB18030, as Chinese Excel saves "CSV".
private let gb18030 = String.Encoding(rawValue: 0x8000_0632)

@Suite("imports")
struct ImportTests {
    @Test("a file with bad rows imports nothing and names FILE:ROW:COLUMN for each")
    func atomicImport() throws {
        let sandbox = try Sandbox.withSampleDay()
        let file = sandbox.path("mixed.csv")
        try Data(mixedStock.utf8).write(to: URL(fileURLWithPath: file))
        let historyBefore = try sandbox.history()
        let listsBefore = try sandbox.listsJSON()

        let result = try sandbox.dayclear("import", "stock", file)
        #expect(result.status != 0, result.comment)
        let problems = lines(result.stderr).filter { $0.hasPrefix("\(file):") }
        #expect(problems.count == 2, "exactly the two bad rows: \(result)")
        #expect(problems.contains { $0.hasPrefix("\(file):3:数量: ") }, result.comment)
        #expect(problems.contains { $0.hasPrefix("\(file):5:定向单位: ") && $0.contains("X99") }, result.comment)
        #expect(problems.first?.hasPrefix("\(file):3:") == true, "problems in row order: \(problems)")
        #expect(!result.stdout.contains("Imported"), result.comment)

        let listsAfter = try sandbox.listsJSON()
        for lot in goodLots + badLots { #expect(listsAfter.lot(lot) == nil, "\(lot) must not be imported") }
        #expect(listsAfter.stock.count == listsBefore.stock.count)
        #expect(try sandbox.history() == historyBefore, "a refused import records nothing")
        #expect(!FileManager.default.fileExists(atPath: file + ".rejected.csv"), "no rejects file without --valid-only")
    }

    @Test("--valid-only imports the good rows and writes the bad ones to --rejects")
    func validOnly() throws {
        let sandbox = try Sandbox.withSampleDay()
        let file = sandbox.path("mixed.csv")
        let rejects = sandbox.path("R.csv")
        try Data(mixedStock.utf8).write(to: URL(fileURLWithPath: file))

        let result = try sandbox.dayclear("import", "stock", file, "--valid-only", "--rejects", rejects)
        #expect(result.status == 0, result.comment)
        #expect(result.stdout.contains("Imported 3 stock"), result.comment)
        #expect(result.stderr.contains("\(file):3:数量: "), result.comment)
        #expect(result.stderr.contains("\(file):5:定向单位: "), result.comment)
        #expect(result.stderr.contains(rejects), result.comment)

        let lists = try sandbox.listsJSON()
        for lot in goodLots { #expect(lists.lot(lot) != nil, "\(lot) should be imported") }
        for lot in badLots { #expect(lists.lot(lot) == nil, "\(lot) must not be imported") }
        #expect(lists.lot("T-0005")?.string("directed_to") == "H01")
        #expect(lists.lot("T-0001")?.int("on_hand") == 100)

        let rejected = try CSVFile(path: rejects)
        #expect(rejected.records.count == 2, "\(rejected.records)")
        #expect(rejected.records.compactMap { $0["批次号"] } == badLots)
        for column in stockHeader.split(separator: ",").map(String.init) {
            #expect(rejected.header.contains(column), "the rejects file keeps the column \(column): \(rejected.header)")
        }
        #expect(rejected.records.first?["数量"] == "-5")
        #expect(rejected.records.last?["定向单位"] == "X99")
        // The rejects can be fixed and imported again.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: rejects))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test("re-importing the same file refuses the duplicates and changes nothing")
    func duplicateImport() throws {
        let sandbox = try Sandbox.withSampleDay()
        let before = try sandbox.history()
        let result = try sandbox.dayclear("import", "stock", Package.sample("stock"))
        #expect(result.status != 0, result.comment)
        #expect(result.stderr.contains("\(Package.sample("stock")):2:批次号: "), result.comment)
        #expect(try sandbox.history() == before)
    }

    @Test("a missing column is reported against the header row")
    func missingColumn() throws {
        let sandbox = try Sandbox.withSampleDay()
        let file = sandbox.path("no-quantity.csv")
        try Data("批次号,物资名称,规格,单位,捐赠方\nT-1,口罩,KN95,只,某人\n".utf8).write(to: URL(fileURLWithPath: file))
        let before = try sandbox.history()
        let result = try sandbox.dayclear("import", "stock", file)
        #expect(result.status != 0, result.comment)
        #expect(result.stderr.contains("\(file):1:数量"), result.comment)
        #expect(try sandbox.history() == before)
    }

    @Test("an arrival time in the future is refused")
    func futureArrival() throws {
        let sandbox = try Sandbox.withSampleDay()
        let file = sandbox.path("future.csv")
        let year = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        try Data("\(stockHeader)\nT-9,口罩,KN95,10,只,,某人,,\(year)-01-01 09:00,,,,\n".utf8)
            .write(to: URL(fileURLWithPath: file))
        let result = try sandbox.dayclear("import", "stock", file)
        #expect(result.status != 0, result.comment)
        #expect(result.stderr.contains("\(file):2:到货时间: "), result.comment)
        #expect(try sandbox.listsJSON().lot("T-9") == nil)
    }

    @Test("GB18030 stock and requests import with Chinese intact")
    func gb18030Import() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.dayclear("init", "--time-zone", "Asia/Shanghai").succeeded)
        try #require(try sandbox.dayclear("import", "recipients", Package.sample("recipients")).succeeded)

        // The recipient is named by its full Chinese name, which must survive decoding to match.
        let stock = """
            \(stockHeader)
            G-0001,口罩,医用防护N95,1200,只,20,浙江省温州市龙湾区慈善总会,杭州市西溪医院,2026-02-10 09:00,,2028-12-31,,待评估
            G-0002,防护服,医用一次性L,300,件,10,“爱心”企业（杭州）,,2026-02-10 10:00,,,,

            """
        let requests = """
            申请编号,申请单位,物资名称,规格,数量,单位,需用时间,提交时间,备注
            G-R01,杭州市西溪医院,口罩,医用防护N95,500,只,2026-02-10 12:00,2026-02-10 08:00,重症监护室，急需
            G-R01,杭州市西溪医院,防护服,医用一次性L,100,件,2026-02-10 12:00,2026-02-10 08:00,重症监护室，急需

            """
        for (name, text) in [("stock", stock), ("requests", requests)] {
            let bytes = try #require(text.replacingOccurrences(of: "\n", with: "\r\n").data(using: gb18030))
            #expect(String(data: bytes, encoding: .utf8) == nil, "the test file must not be valid UTF-8")
            let file = sandbox.path("\(name)-gb18030.csv")
            try bytes.write(to: URL(fileURLWithPath: file))
            let result = try sandbox.dayclear("import", name, file)
            #expect(result.status == 0, result.comment)
        }

        let lists = try sandbox.listsJSON()
        let lot = try #require(lists.lot("G-0001"))
        #expect(lot.string("kind") == "口罩")
        #expect(lot.string("spec") == "医用防护N95")
        #expect(lot.string("unit") == "只")
        #expect(lot.string("donor") == "浙江省温州市龙湾区慈善总会")
        #expect(lot.string("directed_to") == "H01")
        #expect(lists.lot("G-0002")?.string("donor") == "“爱心”企业（杭州）")
        let lines = lists.lines(of: "G-R01")
        #expect(lines.count == 2)
        #expect(lines.first?.string("recipient") == "杭州市西溪医院")
        #expect(lines.map { $0.string("kind") ?? "" } == ["口罩", "防护服"])
        let history = try sandbox.history("--request", "G-R01")
        #expect(history.first?.contains("口罩 / 医用防护N95 500") == true, "\(history)")
    }

    /// A large file imports whole. How long it takes is the store benchmark's business
    /// (docs/performance.md), not a timed assertion here.
    @Test("a 20,000-row stock file imports whole")
    func largeImport() throws {
        let rows = 20_000
        let sandbox = try Sandbox("largeImport")
        try #require(try sandbox.dayclear("init", "--time-zone", "Asia/Shanghai").succeeded)
        let file = sandbox.path("big.csv")
        try writeLargeStockFile(rows: rows, to: file)
        let result = try sandbox.dayclear("import", "stock", file)
        #expect(result.status == 0, result.comment)
        let imported = try sandbox.listsJSON().stock.filter { ($0.string("lot") ?? "").hasPrefix("B-") }.count
        #expect(imported == rows)
    }

    @Test("English headers and a UTF-8 BOM are accepted")
    func englishHeadersWithBOM() throws {
        let sandbox = try Sandbox.withSampleDay()
        let file = sandbox.path("english.csv")
        let text =
            "\u{FEFF}lot,kind,spec,quantity,unit,donor,arrived_at\r\nE-1,口罩,KN95,50,只,Someone,2026-02-10 09:00\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let result = try sandbox.dayclear("import", "stock", file)
        #expect(result.status == 0, result.comment)
        #expect(try sandbox.listsJSON().lot("E-1")?.int("on_hand") == 50)
    }
}
