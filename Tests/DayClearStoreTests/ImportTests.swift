import DayClearCore
import Foundation
import Testing

@testable import DayClearStore

/// Importing recipients, stock and requests: the sample files, the encodings and
/// header spellings spreadsheets write, every malformed case, and `--valid-only`.
@Suite("Import")
struct ImportTests {
    // MARK: - Helpers

    /// A stock row in the sample's column order.
    private static func stockRow(
        lot: String = "L-9001", kind: String = "口罩", spec: String = "医用外科", quantity: String = "100",
        unit: String = "只",
        pack: String = "50", donor: String = "测试捐赠方", designated: String = "", arrived: String = "2026-02-10 09:00",
        eta: String = "", expiry: String = "", value: String = "", valuation: String = ""
    ) -> String {
        [lot, kind, spec, quantity, unit, pack, donor, designated, arrived, eta, expiry, value, valuation]
            .joined(separator: ",")
    }

    /// A request line in the sample's column order.
    private static func requestRow(
        id: String = "R-9001", recipient: String = "H04", kind: String = "口罩", spec: String = "医用外科",
        quantity: String = "100", unit: String = "只", neededBy: String = "2026-02-10 20:00",
        submitted: String = "2026-02-10 15:00", note: String = ""
    ) -> String {
        [id, recipient, kind, spec, quantity, unit, neededBy, submitted, note].joined(separator: ",")
    }

    private static func stockFile(_ rows: String...) -> String {
        ([Sample.stockHeader] + rows).joined(separator: "\n") + "\n"
    }

    private static func requestFile(_ rows: String...) -> String {
        ([Sample.requestHeader] + rows).joined(separator: "\n") + "\n"
    }

    /// Imports `text` into a sample store holding the files of `setup`, checks that
    /// nothing was recorded, and returns the issues with the file's path.
    private func refusedImport(
        _ kind: ImportKind, _ text: String, after setup: [ImportKind],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (issues: [ImportIssue], path: String) {
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, setup)
            let path = try writeFile(folder, "bad-\(kind.rawValue).csv", text)
            let before = store.ledger
            let count = try eventCount(store)
            let result = try runImport(kind, path, into: store, clock: clock)
            #expect(!result.imported, sourceLocation: sourceLocation)
            #expect(result.rejectsFile == nil, sourceLocation: sourceLocation)
            #expect(try eventCount(store) == count, sourceLocation: sourceLocation)
            #expect(store.ledger == before, sourceLocation: sourceLocation)
            return (result.plan.issues, path)
        }
    }

    /// The one issue of a refused import, checked for row and column; returns its reason.
    private func singleIssue(
        _ kind: ImportKind, _ text: String, after setup: [ImportKind], row: Int, column: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let (issues, path) = try refusedImport(kind, text, after: setup, sourceLocation: sourceLocation)
        #expect(issues.count == 1, "\(issues)", sourceLocation: sourceLocation)
        guard let issue = issues.first else { return "" }
        #expect(issue.file == path, sourceLocation: sourceLocation)
        #expect(issue.row == row, "\(issue)", sourceLocation: sourceLocation)
        #expect(issue.column == column, "\(issue)", sourceLocation: sourceLocation)
        #expect(issue.description == "\(path):\(row):\(column): \(issue.reason)", sourceLocation: sourceLocation)
        return issue.reason
    }

    /// The ImportIssue a file that cannot be read as CSV throws.
    private func unreadable(_ data: Data) throws -> ImportIssue? {
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients])
            let count = try eventCount(store)
            let path = try writeFile(folder, "unreadable.csv", data)
            let error = thrownError { _ = try runImport(.stock, path, into: store, clock: clock) }
            #expect(try eventCount(store) == count)
            let issue = error as? ImportIssue
            #expect(issue != nil, "expected an ImportIssue, got \(String(describing: error))")
            #expect(issue?.file == path)
            return issue
        }
    }

    // MARK: - The sample files

    @Test("the three sample files import cleanly, in order, with the expected counts")
    func sampleFilesImport() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            let store = try makeStore(in: folder, clock: clock)
            var events = setUpEventCount
            for kind in [ImportKind.recipients, .stock, .requests] {
                let result = try runImport(kind, Sample.path(kind), into: store, clock: clock)
                #expect(result.imported)
                #expect(result.plan.issues == [])
                #expect(result.plan.rejected == [])
                #expect(result.plan.accepted == Sample.counts[kind])
                events += Sample.counts[kind] ?? 0
                #expect(try eventCount(store) == events)
            }
            // The events were folded in as they were written, not read back: the log must give the same model.
            let replayed = try LedgerStore(log: SQLiteEventLog(path: databasePath(folder), create: false), actor: "x")
            #expect(replayed.ledger == store.ledger)
            let ledger = store.ledger
            #expect(ledger.recipients.count == 15)
            #expect(ledger.lots.count == 40)
            #expect(ledger.lots.values.filter(\.isArrived).count == 30)
            #expect(ledger.requests.count == 31)
            #expect(ledger.requests.values.reduce(0) { $0 + $1.lines.count } == 45)
            #expect(ledger.itemUnits.count == 12)

            #expect(ledger.recipients["H01"]?.name == "杭州市西溪医院")
            #expect(ledger.recipients["H01"]?.tier == .frontLineHospital)
            #expect(ledger.recipients["C04"]?.tier == .community)
            let first = try #require(ledger.lots["L-0001"])
            #expect(first.item == ItemKey(kind: "口罩", spec: "医用防护N95"))
            #expect(first.designatedRecipient == "H01")
            #expect(first.arrivedAt == Sample.time("2026-02-09 16:40"))
            #expect(first.expiry == Sample.time("2028-12-31 23:59"))
            #expect(first.valuation == .pending)
            #expect(ledger.lots["L-0002"]?.valuation == .invoiced(fen: 4_000_000))
            #expect(ledger.lots["L-0024"]?.valuation == .unvaluable)
            #expect(ledger.lots["L-0031"]?.eta == Sample.time("2026-02-10 18:00"))
            #expect(ledger.lots["L-0006"]?.packSize == 10)
            #expect(ledger.requests["R-0002"]?.note == "隔离点消杀,流调队伍补给")
            #expect(ledger.requests["R-0016"]?.note == "按\"应检尽检\"要求配置")
            #expect(ledger.requests["R-0001"]?.lines.map(\.quantity) == [3000, 600, 200])
            #expect(ledger.requests["R-0001"]?.submittedAt == Sample.time("2026-02-10 07:35"))
            #expect(ledger.requests["R-0031"]?.neededBy == Sample.time("2026-02-11 08:00"))
        }
    }

    @Test("requests before stock are refused: their items are unknown")
    func requestsNeedStockFirst() throws {
        let (issues, _) = try refusedImport(
            .requests, try String(contentsOfFile: Sample.path(.requests), encoding: .utf8), after: [.recipients])
        #expect(issues.count == 31)
        #expect(issues.allSatisfy { $0.column == "物资名称" && $0.reason.contains("unknown item") })
    }

    // MARK: - Atomicity

    @Test("one bad row among good ones: nothing is imported and the plan names that row")
    func atomicStockImport() throws {
        let text = Self.stockFile(
            Self.stockRow(lot: "L-9001"), Self.stockRow(lot: "L-9002"), Self.stockRow(lot: "L-9003", quantity: "-5"),
            Self.stockRow(lot: "L-9004"))
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients])
            let path = try writeFile(folder, "stock.csv", text)
            let count = try eventCount(store)
            let result = try runImport(.stock, path, into: store, clock: clock)
            #expect(!result.imported)
            #expect(
                result.plan.issues == [ImportIssue(file: path, row: 4, column: "数量", reason: "negative quantity -5")])
            #expect(result.plan.rejected.map(\.row) == [4])
            #expect(result.plan.accepted == 3)
            #expect(try eventCount(store) == count)
            #expect(store.ledger.lots.isEmpty)
            #expect(result.plan.issues.first?.description == "\(path):4:数量: negative quantity -5")
        }
    }

    // MARK: - Malformed files, one case each

    @Test("a missing required column is reported on row 1 and nothing is read")
    func missingColumn() throws {
        let text = "批次号,物资名称,规格,单位,捐赠方,到货时间\nL-9001,口罩,医用外科,只,测试,2026-02-10 09:00\n"
        let reason = try singleIssue(.stock, text, after: [.recipients], row: 1, column: "数量 (quantity)")
        #expect(reason == "missing column")
    }

    @Test("quantities that are not whole positive numbers are refused with a reason")
    func badQuantities() throws {
        let cases: [(String, String)] = [
            ("一百", "not a whole number"),
            ("12.5", "not a whole number"),
            ("-5", "negative quantity -5"),
            ("0", "quantity must be positive, got 0"),
            ("99999999999999999999", "too large"),
            ("", "empty"),
        ]
        for (quantity, expected) in cases {
            let reason = try singleIssue(
                .stock, Self.stockFile(Self.stockRow(quantity: quantity)), after: [.recipients], row: 2, column: "数量")
            #expect(reason.contains(expected), "\(quantity): \(reason)")
        }
    }

    @Test("an unknown designated recipient names the 定向单位 column")
    func unknownDesignatedRecipient() throws {
        let reason = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(), Self.stockRow(lot: "L-9002", designated: "H99")),
            after: [.recipients],
            row: 3, column: "定向单位")
        #expect(reason.contains("unknown recipient H99"))
    }

    @Test("a designated recipient may be named by id or by full name")
    func designatedRecipientByName() throws {
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients])
            let path = try writeFile(
                folder, "stock.csv",
                Self.stockFile(
                    Self.stockRow(lot: "L-9001", designated: "H02"), Self.stockRow(lot: "L-9002", designated: "杭州市西溪医院")
                ))
            let result = try runImport(.stock, path, into: store, clock: clock)
            #expect(result.imported)
            #expect(store.ledger.lots["L-9001"]?.designatedRecipient == "H02")
            #expect(store.ledger.lots["L-9002"]?.designatedRecipient == "H01")
        }
    }

    @Test("a name two recipients share is refused with both ids, and nothing is recorded")
    func sharedRecipientName() throws {
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients])
            let namesake = try writeFile(
                folder, "namesake.csv", "单位编号,单位名称,优先级,纬度,经度,联系人\nH90,杭州市西溪医院,其他医院,30.3,120.2,\n")
            #expect(try runImport(.recipients, namesake, into: store, clock: clock).imported)
            let stock = try writeFile(
                folder, "stock.csv", Self.stockFile(Self.stockRow(lot: "L-9001", designated: "杭州市西溪医院")))
            let count = try eventCount(store)
            let result = try runImport(.stock, stock, into: store, clock: clock)
            #expect(!result.imported)
            #expect(try eventCount(store) == count)
            let issue = try #require(result.plan.issues.first)
            #expect(result.plan.issues.count == 1)
            #expect(issue.row == 2 && issue.column == "定向单位", "\(issue)")
            #expect(issue.reason == "recipient name 杭州市西溪医院 is shared by H01, H90; write the id")
        }
    }

    @Test("an unknown request recipient names the 申请单位 column")
    func unknownRequestRecipient() throws {
        let reason = try singleIssue(
            .requests, Self.requestFile(Self.requestRow(recipient: "X01")), after: [.recipients, .stock], row: 2,
            column: "申请单位")
        #expect(reason.contains("unknown recipient X01"))
    }

    @Test("an unknown kind+spec names the line's row and the 物资名称 column, with the known specs")
    func unknownItemInRequest() throws {
        let text = Self.requestFile(
            Self.requestRow(), Self.requestRow(spec: "医用防护N100"),
            Self.requestRow(kind: "防护服", spec: "医用一次性L", unit: "件"))
        let reason = try singleIssue(.requests, text, after: [.recipients, .stock], row: 3, column: "物资名称")
        #expect(reason.contains("unknown item 口罩 / 医用防护N100"))
        #expect(reason.contains("医用防护N95"))
    }

    @Test("a unit that differs from the item's unit names the 单位 column, in stock and in requests")
    func unitMismatch() throws {
        let stockReason = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(lot: "L-9001", spec: "医用防护N95", unit: "盒")),
            after: [.recipients, .stock],
            row: 2, column: "单位")
        #expect(stockReason == "口罩 / 医用防护N95 is counted in 只, not 盒")

        // Within one file: the first row teaches the unit, the second contradicts it.
        let withinFile = try singleIssue(
            .stock,
            Self.stockFile(
                Self.stockRow(lot: "L-9001", kind: "新物资", unit: "箱"),
                Self.stockRow(lot: "L-9002", kind: "新物资", unit: "个")),
            after: [.recipients], row: 3, column: "单位")
        #expect(withinFile.contains("counted in 箱, not 个"))

        let requestReason = try singleIssue(
            .requests,
            Self.requestFile(
                Self.requestRow(), Self.requestRow(kind: "防护服", spec: "医用一次性L", quantity: "10", unit: "套")),
            after: [.recipients, .stock], row: 3, column: "单位")
        #expect(requestReason.contains("counted in 件, not 套"))
    }

    @Test("a lot id used twice in the file, or already in the store, is a duplicate")
    func duplicateLots() throws {
        let withinFile = try singleIssue(
            .stock,
            Self.stockFile(Self.stockRow(lot: "L-9001"), Self.stockRow(lot: "L-9002"), Self.stockRow(lot: "L-9001")),
            after: [.recipients], row: 4, column: "批次号")
        #expect(withinFile.contains("duplicate"))
        #expect(withinFile.contains("L-9001"))

        let againstStore = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(lot: "L-9001"), Self.stockRow(lot: "L-0007")),
            after: [.recipients, .stock],
            row: 3, column: "批次号")
        #expect(againstStore.contains("duplicate"))
        #expect(againstStore.contains("L-0007"))

        // The whole sample again: every row is a duplicate.
        let (issues, _) = try refusedImport(
            .stock, try String(contentsOfFile: Sample.path(.stock), encoding: .utf8), after: [.recipients, .stock])
        #expect(issues.count == 40)
        #expect(issues.map(\.row) == Array(2...41))
        #expect(issues.allSatisfy { $0.column == "批次号" && $0.reason.contains("duplicate") })
    }

    @Test("a request id already in the store, or reused later in the file, is a duplicate")
    func duplicateRequests() throws {
        let againstStore = try singleIssue(
            .requests, Self.requestFile(Self.requestRow(id: "R-0001", recipient: "H01")),
            after: [.recipients, .stock, .requests],
            row: 2, column: "申请编号")
        #expect(againstStore.contains("duplicate"))
        #expect(againstStore.contains("R-0001"))

        // Consecutive rows of one id are lines of one request; a later row with the same id is a duplicate.
        let withinFile = try singleIssue(
            .requests,
            Self.requestFile(
                Self.requestRow(id: "R-9001"), Self.requestRow(id: "R-9001", kind: "手套", spec: "医用乳胶M", unit: "双"),
                Self.requestRow(id: "R-9002"), Self.requestRow(id: "R-9001", kind: "鞋套", spec: "一次性", unit: "双")),
            after: [.recipients, .stock], row: 5, column: "申请编号")
        #expect(withinFile.contains("duplicate"))
    }

    @Test("later lines of a request may leave recipient and times empty, but may not contradict the first")
    func multiLineRequests() throws {
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients, .stock])
            let path = try writeFile(
                folder, "requests.csv",
                Self.requestFile(
                    Self.requestRow(id: "R-9001", recipient: "H04"),
                    Self.requestRow(
                        id: "R-9001", recipient: "", kind: "手套", spec: "医用乳胶M", quantity: "200", unit: "双",
                        neededBy: "",
                        submitted: ""),
                    Self.requestRow(id: "R-9001", recipient: "上城区第一人民医院", kind: "鞋套", spec: "一次性", unit: "双")))
            let result = try runImport(.requests, path, into: store, clock: clock)
            #expect(result.plan.issues == [])
            let request = try #require(store.ledger.requests["R-9001"])
            #expect(request.recipient == "H04")
            #expect(request.lines.map(\.number) == [1, 2, 3])
            #expect(request.lines.map(\.quantity) == [100, 200, 100])
            #expect(request.submittedAt == Sample.time("2026-02-10 15:00"))
        }
        let differentTime = try singleIssue(
            .requests,
            Self.requestFile(
                Self.requestRow(id: "R-9001"),
                Self.requestRow(id: "R-9001", kind: "手套", spec: "医用乳胶M", unit: "双", neededBy: "2026-02-11 08:00")),
            after: [.recipients, .stock], row: 3, column: "需用时间")
        #expect(differentTime.contains("differs"))
        let differentRecipient = try singleIssue(
            .requests,
            Self.requestFile(
                Self.requestRow(id: "R-9001"),
                Self.requestRow(id: "R-9001", recipient: "H05", kind: "手套", spec: "医用乳胶M", unit: "双")),
            after: [.recipients, .stock], row: 3, column: "申请单位")
        #expect(differentRecipient.contains("H04"))
    }

    @Test("both an arrival time and an ETA are refused on the 预计到达 column")
    func arrivalAndEta() throws {
        let reason = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(arrived: "2026-02-10 09:00", eta: "2026-02-11 09:00")),
            after: [.recipients],
            row: 2, column: "预计到达")
        #expect(reason.contains("not both"))
    }

    @Test("dates that do not parse name their column")
    func badDates() throws {
        for (arrived, expected) in [
            ("2026-02-30 10:00", "not a date"), ("2026-13-01 10:00", "not a date"), ("10:00", "not a date"),
            ("2026-02-10 25:00", "not a time of day"), ("明天", "not a date"),
        ] {
            let reason = try singleIssue(
                .stock, Self.stockFile(Self.stockRow(arrived: arrived)), after: [.recipients], row: 2, column: "到货时间")
            #expect(reason.contains(expected), "\(arrived): \(reason)")
        }
        let expiry = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(expiry: "2027/02/29")), after: [.recipients], row: 2, column: "有效期")
        #expect(expiry.contains("not a date"))
        let neededBy = try singleIssue(
            .requests, Self.requestFile(Self.requestRow(neededBy: "soon")), after: [.recipients, .stock], row: 2,
            column: "需用时间")
        #expect(neededBy.contains("not a date"))
    }

    @Test("an arrival or submission in the future is refused")
    func futureTimes() throws {
        // The import runs at 15:45.
        let arrival = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(arrived: "2026-02-10 17:00")), after: [.recipients], row: 2,
            column: "到货时间")
        #expect(arrival.contains("in the future"))
        #expect(arrival.contains("预计到达"))
        let submission = try singleIssue(
            .requests, Self.requestFile(Self.requestRow(submitted: "2026-02-10 16:10")), after: [.recipients, .stock],
            row: 2,
            column: "提交时间")
        #expect(submission.contains("in the future"))
    }

    @Test("a row with more non-empty fields than the header is refused as a whole row")
    func extraFields() throws {
        let reason = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(lot: "L-9001"), Self.stockRow(lot: "L-9002") + ",多余"),
            after: [.recipients],
            row: 3, column: "")
        #expect(reason == "14 fields but the header has 13")
    }

    @Test("trailing empty fields, as Excel writes them, are not extra fields")
    func trailingEmptyFields() throws {
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients])
            let path = try writeFile(folder, "stock.csv", Self.stockFile(Self.stockRow() + ",,,"))
            #expect(try runImport(.stock, path, into: store, clock: clock).imported)
            #expect(store.ledger.lots["L-9001"]?.quantity == 100)
        }
    }

    @Test("an invalid valuation is refused on the right column")
    func badValuations() throws {
        let appraised = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(value: "", valuation: "评估")), after: [.recipients], row: 2,
            column: "价值(元)")
        #expect(appraised.contains("needs its value"))
        let money = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(value: "12.345")), after: [.recipients], row: 2, column: "价值(元)")
        #expect(money.contains("two decimals"))
        // At the very edge of Int: the parser must still report it on the value column.
        let edge = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(value: "92233720368547758.08")), after: [.recipients], row: 2,
            column: "价值(元)")
        #expect(edge.contains("too large"))
        let awaiting = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(value: "100.00", valuation: "待评估")), after: [.recipients], row: 2,
            column: "价值(元)")
        #expect(awaiting.contains("awaiting valuation"))
        let method = try singleIssue(
            .stock, Self.stockFile(Self.stockRow(valuation: "随便")), after: [.recipients], row: 2, column: "估值")
        #expect(method.contains("unknown valuation"))
    }

    @Test("bytes that are neither UTF-8 nor GB18030 make the file unreadable")
    func undecodableFile() throws {
        let header = Data(Sample.stockHeader.utf8) + Data("\n".utf8)
        // A UTF-8 BOM followed by bytes that are not UTF-8.
        let withBOM = Data([0xEF, 0xBB, 0xBF]) + header + Data([0x4C, 0xFF, 0xFE, 0x80, 0x0A])
        let issue = try #require(try unreadable(withBOM))
        #expect(issue.row == 0)
        #expect(issue.reason == CSVReadError.undecodable.description)
        #expect(issue.description == "\(issue.file): \(CSVReadError.undecodable.description)")
        // No BOM: 0xFF is not a GB18030 byte, and 0x80 cannot start a character.
        let noBOM = header + Data([0x4C, 0xFF, 0xFF, 0x80, 0x0A])
        let second = try #require(try unreadable(noBOM))
        #expect(second.reason == CSVReadError.undecodable.description)
    }

    @Test("an unterminated quote is reported on the row where it opens")
    func unterminatedQuote() throws {
        let text = Self.stockFile(Self.stockRow(lot: "L-9001")) + "L-9002,口罩,\"医用外科,100,只\n"
        let issue = try #require(try unreadable(Data(text.utf8)))
        #expect(issue.row == 3)
        #expect(issue.reason.contains("unterminated"))
    }

    // MARK: - Encodings and header spellings

    @Test("a GB18030 stock file with Chinese headers imports correctly")
    func gb18030Stock() throws {
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        let text = Self.stockFile(
            Self.stockRow(
                lot: "L-9001", kind: "口罩", spec: "医用防护N95", quantity: "\"1,200\"", donor: "浙江钱塘纺织集团有限公司",
                designated: "H01"),
            Self.stockRow(
                lot: "L-9002", kind: "防护服", spec: "医用一次性L", unit: "件", donor: "旅意华侨华人联合会", arrived: "",
                eta: "2026-02-11 09:30", value: "\"¥1,234.50\""))
        let data = try #require(text.data(using: gb18030))
        #expect(String(data: data, encoding: .utf8) == nil, "the test file should not also be valid UTF-8")
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients])
            let path = try writeFile(folder, "stock-gb18030.csv", data)
            let result = try runImport(.stock, path, into: store, clock: clock)
            #expect(result.plan.issues == [])
            #expect(result.imported)
            let mask = try #require(store.ledger.lots["L-9001"])
            #expect(mask.item == ItemKey(kind: "口罩", spec: "医用防护N95"))
            #expect(mask.quantity == 1200)
            #expect(mask.unit == "只")
            #expect(mask.donor == "浙江钱塘纺织集团有限公司")
            #expect(mask.designatedRecipient == "H01")
            let gowns = try #require(store.ledger.lots["L-9002"])
            #expect(gowns.item == ItemKey(kind: "防护服", spec: "医用一次性L"))
            #expect(gowns.donor == "旅意华侨华人联合会")
            #expect(gowns.eta == Sample.time("2026-02-11 09:30"))
            #expect(gowns.valuation == .invoiced(fen: 123_450))
        }
    }

    @Test("English headers import too")
    func englishHeaders() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            let store = try makeStore(in: folder, clock: clock)
            let recipients = try writeFile(
                folder, "recipients.csv",
                "id,name,tier,latitude,longitude,contact\nH01,West Lake Hospital,front-line hospital,30.27,120.11,Dr Wang\nC01,Station checkpoint,4,30.29,120.21,\n"
            )
            let stock = try writeFile(
                folder, "stock.csv",
                """
                lot,kind,spec,quantity,unit,donor,pack_size,directed_to,arrived_at,eta,expiry,value_yuan,valuation
                L-1,mask,N95,2000,piece,Acme,20,H01,2026-02-10 09:00,,2028-12-31,,pending
                L-2,mask,N95,500,piece,Beta,,,,2026-02-11 10:00,,"1,000.00",invoiced
                """)
            let requests = try writeFile(
                folder, "requests.csv",
                """
                request_id,recipient,kind,spec,quantity,unit,needed_by,submitted_at,note
                R-1,H01,mask,N95,300,piece,2026-02-10 20:00,2026-02-10 15:00,night shift
                R-1,H01,mask,N95,1,piece,2026-02-10 20:00,2026-02-10 15:00,night shift
                """)
            #expect(try runImport(.recipients, recipients, into: store, clock: clock).imported)
            #expect(try runImport(.stock, stock, into: store, clock: clock).imported)
            let refused = try runImport(.requests, requests, into: store, clock: clock)
            // The second line repeats the first line's item: the refusal names that row and its kind.
            #expect(!refused.imported)
            #expect(refused.plan.issues.count == 1)
            #expect(refused.plan.issues.first?.row == 3)
            #expect(refused.plan.issues.first?.column == "kind")

            let fixed = try writeFile(
                folder, "requests2.csv",
                """
                request_id,recipient,kind,spec,quantity,unit,needed_by,submitted_at,note
                R-1,West Lake Hospital,mask,N95,300,piece,2026-02-10 20:00,2026-02-10 15:00,night shift
                """)
            #expect(try runImport(.requests, fixed, into: store, clock: clock).imported)

            let ledger = store.ledger
            #expect(ledger.recipients["H01"]?.tier == .frontLineHospital)
            #expect(ledger.recipients["C01"]?.tier == .community)
            #expect(ledger.lots["L-1"]?.packSize == 20)
            #expect(ledger.lots["L-1"]?.designatedRecipient == "H01")
            #expect(ledger.lots["L-1"]?.arrivedAt == Sample.time("2026-02-10 09:00"))
            #expect(ledger.lots["L-2"]?.packSize == 1)
            #expect(ledger.lots["L-2"]?.eta == Sample.time("2026-02-11 10:00"))
            #expect(ledger.lots["L-2"]?.valuation == .invoiced(fen: 100_000))
            #expect(ledger.requests["R-1"]?.recipient == "H01")
            #expect(ledger.requests["R-1"]?.note == "night shift")
            #expect(ledger.requests["R-1"]?.lines.first?.quantity == 300)
        }
    }

    @Test("UTF-8 with a BOM and CRLF line ends imports cleanly")
    func bomAndCRLF() throws {
        let text =
            [Sample.recipientHeader, "H01,杭州市西溪医院,定点医院,30.271842,120.117630,王医生", "D01,西湖区疾控,区疾控,30.25,120.13,"]
            .joined(separator: "\r\n") + "\r\n"
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            let store = try makeStore(in: folder, clock: clock)
            let path = try writeFile(folder, "recipients.csv", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
            let result = try runImport(.recipients, path, into: store, clock: clock)
            #expect(result.plan.issues == [])
            #expect(result.imported)
            let hospital = try #require(store.ledger.recipients["H01"])
            #expect(hospital.name == "杭州市西溪医院")
            #expect(hospital.contact == "王医生")
            #expect(store.ledger.recipients["D01"]?.contact == "")
            #expect(store.ledger.recipients["D01"]?.tier == .districtOffice)
            #expect(
                store.ledger.recipients.keys.allSatisfy {
                    !$0.rawValue.contains("\u{FEFF}") && !$0.rawValue.contains("\r")
                })
        }
    }

    // MARK: - --valid-only

    @Test("valid-only imports the good rows and writes the bad ones, as they were, to a rejects file")
    func validOnlyStock() throws {
        let bad1 = Self.stockRow(lot: "L-9002", quantity: "abc")
        let bad2 = Self.stockRow(lot: "L-9004", donor: "\"陈先生, 个人\"", arrived: "2026-02-31 09:00")
        let text = Self.stockFile(Self.stockRow(lot: "L-9001"), bad1, Self.stockRow(lot: "L-9003"), bad2)
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients])
            let path = try writeFile(folder, "stock.csv", text)
            let rejects = folder.appendingPathComponent("rejects.csv").path
            let count = try eventCount(store)
            let result = try runImport(.stock, path, into: store, clock: clock, validOnly: true, rejectsPath: rejects)
            #expect(result.imported)
            #expect(result.rejectsFile == rejects)
            #expect(result.plan.accepted == 2)
            #expect(result.plan.issues.map(\.row) == [3, 5])
            #expect(try eventCount(store) == count + 2)
            #expect(Set(store.ledger.lots.keys) == ["L-9001", "L-9003"])

            let table = try CSVReader.read(try Data(contentsOf: URL(fileURLWithPath: rejects)))
            #expect(table.header == ["原行号", "错误"] + Sample.stockHeader.split(separator: ",").map(String.init))
            #expect(table.records.count == 2)
            let first = try #require(table.records.first)
            #expect(first.fields[0] == "3")
            #expect(first.fields[1].hasPrefix("数量: not a whole number"))
            #expect(
                Array(first.fields.dropFirst(2))
                    == bad1.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
            let second = try #require(table.records.last)
            #expect(second.fields[0] == "5")
            #expect(second.fields[1].hasPrefix("到货时间: not a date"))
            #expect(second.fields[8] == "陈先生, 个人")
            #expect(second.fields[10] == "2026-02-31 09:00")
        }
    }

    @Test("valid-only rejects a multi-line request whole when one line is bad, with a reason on every row")
    func validOnlyMultiLineRequest() throws {
        let text = Self.requestFile(
            Self.requestRow(id: "R-9001"),
            Self.requestRow(id: "R-9001", kind: "手套", spec: "医用乳胶M", quantity: "-3", unit: "双"),
            Self.requestRow(id: "R-9002", recipient: "C01"))
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients, .stock])
            let path = try writeFile(folder, "requests.csv", text)
            let rejects = folder.appendingPathComponent("requests-rejects.csv").path
            let result = try runImport(
                .requests, path, into: store, clock: clock, validOnly: true, rejectsPath: rejects)
            #expect(result.imported)
            #expect(result.plan.accepted == 1)
            #expect(store.ledger.requests["R-9001"] == nil)
            #expect(store.ledger.requests["R-9002"]?.recipient == "C01")
            #expect(result.plan.rejected.map(\.row) == [2, 3])

            let table = try CSVReader.read(try Data(contentsOf: URL(fileURLWithPath: rejects)))
            #expect(table.records.map { $0.fields[0] } == ["2", "3"])
            #expect(table.records.map { $0.fields[2] } == ["R-9001", "R-9001"])
            #expect(table.records.last?.fields[1] == "数量: negative quantity -3")
            // The first line is rejected because of the second; its row must still say why.
            for record in table.records {
                #expect(!record.fields[1].isEmpty, "rejected row \(record.fields[0]) has no reason")
            }
        }
    }

    @Test("valid-only with nothing wrong writes no rejects file; with nothing right imports nothing")
    func validOnlyEdges() throws {
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder, [.recipients])
            let good = try writeFile(folder, "good.csv", Self.stockFile(Self.stockRow()))
            let clean = try runImport(.stock, good, into: store, clock: clock, validOnly: true)
            #expect(clean.imported)
            #expect(clean.rejectsFile == nil)
            #expect(!FileManager.default.fileExists(atPath: good + ".rejected.csv"))

            let count = try eventCount(store)
            let bad = try writeFile(folder, "bad.csv", Self.stockFile(Self.stockRow(lot: "L-9002", quantity: "0")))
            let refused = try runImport(.stock, bad, into: store, clock: clock, validOnly: true)
            #expect(!refused.imported)
            #expect(refused.rejectsFile == bad + ".rejected.csv")
            #expect(FileManager.default.fileExists(atPath: bad + ".rejected.csv"))
            #expect(try eventCount(store) == count)
        }
    }
}
