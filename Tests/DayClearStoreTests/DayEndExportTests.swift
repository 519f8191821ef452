import DayClearCore
import Foundation
import Testing

@testable import DayClearStore

/// The day-end files, written after a full sample day and read back as an auditor would.
@Suite("Day-end export")
struct DayEndExportTests {
    /// A day-end export read back from disk.
    struct ExportedDay {
        var ledger: Ledger
        var files: [String: Data] = [:]
        var tables: [String: CSVTable] = [:]

        func table(_ name: String) throws -> CSVTable { try #require(tables[name], "no \(name) file") }
    }

    /// The cell of `record` under `column`.
    private static func cell(_ table: CSVTable, _ record: CSVRecord, _ column: String) -> String {
        guard let index = table.header.firstIndex(of: column), index < record.fields.count else {
            Issue.record("no column \(column) in \(table.header)")
            return ""
        }
        return record.fields[index]
    }

    private static func number(_ table: CSVTable, _ record: CSVRecord, _ column: String) -> Int {
        let text = cell(table, record, column)
        guard let value = Int(text) else {
            Issue.record("\(column) is not a number: \(text)")
            return 0
        }
        return value
    }

    /// Submits a one-line request now (its submission time is the event's time).
    private static func submit(
        _ store: LedgerStore, _ id: RequestID, for recipient: RecipientID, _ item: ItemKey, unit: String,
        _ quantity: Int
    ) throws {
        try store.perform(
            .requestSubmitted(
                RequestSubmission(
                    id: id, recipient: recipient, neededBy: Sample.time("2026-02-10 20:00"),
                    lines: [RequestLine(number: 1, item: item, unit: unit, quantity: quantity)])))
    }

    static let surgical = ItemKey(kind: "口罩", spec: "医用外科")
    static let n95 = ItemKey(kind: "口罩", spec: "医用防护N95")
    static let gloves = ItemKey(kind: "手套", spec: "医用乳胶M")
    static let shoeCovers = ItemKey(kind: "鞋套", spec: "一次性")
    static let caps = ItemKey(kind: "帽子", spec: "一次性医用")

    /// Runs the sample day with a coordinator and a supervisor, writes the export
    /// for 2026-02-10 and reads every file back.
    ///
    /// Besides the sample files: lot L-OLD (1,000 surgical masks) arrived on 02-09
    /// before the day began and 300 of it left on request R-OLD that afternoon, so
    /// the day opens with 700; lot L-EVIL's donor is a spreadsheet formula.
    private func runDay(in folder: URL) throws -> ExportedDay {
        let clock = TestClock("2026-02-09 09:00")
        let desk = try makeStore(in: folder, clock: clock, actor: "coordinator")
        let supervisor = try openStore(in: folder, clock: clock, actor: "supervisor", roles: [.approver])
        try importSamples([.recipients], into: desk, clock: clock)

        // The day before.
        try desk.perform(
            .lotRegistered(
                LotRegistration(
                    id: "L-OLD", item: Self.surgical, unit: "只", quantity: 1000, packSize: 50, donor: "老库存捐赠方",
                    status: .arrived(at: Sample.time("2026-02-09 10:00")))))
        clock.set("2026-02-09 11:00")
        try Self.submit(desk, "R-OLD", for: "C02", Self.surgical, unit: "只", 300)
        clock.set("2026-02-09 11:05")
        try desk.propose("R-OLD", line: 1, lot: "L-OLD", 300)
        clock.set("2026-02-09 11:10")
        try supervisor.approve("R-OLD")
        clock.set("2026-02-09 15:00")
        try desk.dispatch("R-OLD")

        // The day: the sample lists, plus a lot whose donor is a formula.
        clock.set("2026-02-10 15:45")
        try importSamples([.stock, .requests], into: desk, clock: clock)
        let extra = try writeFile(
            folder, "extra-stock.csv",
            Sample.stockHeader + "\nL-EVIL,帽子,一次性医用,100,个,100,\"=HYPERLINK(\"\"x\"\")\",,2026-02-10 09:00,,,,\n")
        #expect(try runImport(.stock, extra, into: desk, clock: clock).imported)

        clock.set("2026-02-10 15:46")
        try desk.receive("L-0031", 2900)  // expected 3,000, counted 2,900
        try Self.submit(desk, "R-T9", for: "H05", Self.gloves, unit: "双", 100)
        try Self.submit(desk, "R-T10", for: "H07", Self.caps, unit: "个", 100)
        try Self.submit(desk, "R-T11", for: "H06", Self.shoeCovers, unit: "双", 100)

        clock.set("2026-02-10 15:47")
        try desk.propose("R-0001", line: 1, lot: "L-0001", 2000)
        try desk.propose("R-0001", line: 1, lot: "L-0016", 1000)
        try desk.propose("R-0001", line: 2, lot: "L-0002", 400)
        try desk.propose("R-0001", line: 3, lot: "L-0020", 200)
        try desk.propose("R-0003", line: 1, lot: "L-0009", 1000)
        try desk.propose("R-0003", line: 2, lot: "L-0028", 500)
        try desk.propose("R-0003", line: 2, lot: "L-0015", 300)
        try desk.propose("R-0002", line: 1, lot: "L-0003", 8000)
        try desk.propose("R-0002", line: 2, lot: "L-0005", 60)
        try desk.propose("R-0005", line: 1, lot: "L-0031", 1500)
        try desk.propose("R-T9", line: 1, lot: "L-0017", 100)
        try desk.propose("R-T10", line: 1, lot: "L-EVIL", 100)
        try desk.propose("R-T11", line: 1, lot: "L-0019", 100)

        clock.set("2026-02-10 15:48")
        try supervisor.reject("R-0004", reason: "与 R-0013 重复")
        clock.set("2026-02-10 15:49")
        try supervisor.returnForRevision("R-0007", reason: "请核实数量")
        clock.set("2026-02-10 15:50")
        try supervisor.approve("R-0001", [1: 2500, 3: 150])  // trimmed
        try supervisor.approve("R-0003")
        clock.set("2026-02-10 15:51")
        try supervisor.approve("R-0002")
        clock.set("2026-02-10 15:52")
        try supervisor.approve("R-0005")
        try desk.completePaperwork("R-0002")
        clock.set("2026-02-10 15:55")
        try supervisor.approve("R-T9")  // 9 minutes after submission
        try desk.dispatch("R-0001")
        clock.set("2026-02-10 15:56")
        try supervisor.approve("R-T10")  // exactly 10 minutes
        try desk.dispatch("R-0003")
        try desk.dispatch("R-0005")
        clock.set("2026-02-10 15:57")
        try supervisor.approve("R-T11")  // 11 minutes
        try desk.completePaperwork("R-0003")
        clock.set("2026-02-10 15:58")
        try desk.dispatch("R-T10")
        try desk.deliver("R-0001", [1: 2450])  // 50 masks short on line 1
        clock.set("2026-02-10 15:59")
        try desk.dispatch("R-T9")

        // After the cutoff: tomorrow's business.
        clock.set("2026-02-10 16:30")
        try desk.receive("L-0032", 800)
        clock.set("2026-02-10 16:40")
        try desk.dispatch("R-0002")

        try desk.refresh()
        var day = ExportedDay(ledger: desk.ledger)
        let written = try DayEndExport(ledger: desk.ledger, day: Sample.day).write(
            to: folder.appendingPathComponent("export"))
        for file in written {
            let name = file.url.lastPathComponent
            let data = try Data(contentsOf: file.url)
            let table = try CSVReader.read(data)
            #expect(table.records.count == file.rows, "\(name)")
            day.files[name] = data
            day.tables[name] = table
        }
        return day
    }

    @Test("the five files are written, each with a BOM and CRLF line ends")
    func fileFormat() throws {
        try withTemporaryDirectory { folder in
            let day = try runDay(in: folder)
            #expect(
                Set(day.files.keys) == [
                    "2026-02-10-disclosure.csv", "2026-02-10-receipts.csv", "2026-02-10-dispatches.csv",
                    "2026-02-10-approval-times.csv", "2026-02-10-pending-paperwork.csv",
                ])
            for (name, data) in day.files {
                let bytes = [UInt8](data)
                #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) has no BOM")
                #expect(bytes.suffix(2) == [0x0D, 0x0A], "\(name) does not end in CRLF")
                let lineFeeds = bytes.indices.filter { bytes[$0] == 0x0A }
                #expect(lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 0x0D }, "\(name) has a bare LF")
                let returns = bytes.indices.filter { bytes[$0] == 0x0D }
                #expect(returns.allSatisfy { $0 + 1 < bytes.count && bytes[$0 + 1] == 0x0A }, "\(name) has a bare CR")
                #expect(lineFeeds.count == (day.tables[name]?.records.count ?? -1) + 1, "\(name)")
            }
            let temporary = try FileManager.default.contentsOfDirectory(
                atPath: folder.appendingPathComponent("export").path)
            #expect(temporary.allSatisfy { !$0.hasSuffix(".partial") })
        }
    }

    @Test("the disclosure balances for every kind+spec and agrees with the dispatches file")
    func disclosureBalances() throws {
        try withTemporaryDirectory { folder in
            let day = try runDay(in: folder)
            let disclosure = try day.table("2026-02-10-disclosure.csv")
            #expect(
                disclosure.header == [
                    "日期", "物资名称", "规格", "单位", "期初库存", "当日接收", "当日发出", "期末库存", "当日接收当日发出", "日进日清率(%)",
                ])
            let items = disclosure.records.filter {
                !["合计", "末事件序号", "链头哈希"].contains(Self.cell(disclosure, $0, "物资名称"))
            }
            #expect(items.count == 12)
            var dispatchedByItem: [ItemKey: Int] = [:]
            var receivedTotal = 0
            var clearedTotal = 0
            for record in items {
                let item = ItemKey(
                    kind: Self.cell(disclosure, record, "物资名称"), spec: Self.cell(disclosure, record, "规格"))
                let opening = Self.number(disclosure, record, "期初库存")
                let received = Self.number(disclosure, record, "当日接收")
                let dispatched = Self.number(disclosure, record, "当日发出")
                let closing = Self.number(disclosure, record, "期末库存")
                #expect(opening + received == dispatched + closing, "\(item) does not balance")
                #expect(Self.cell(disclosure, record, "日期") == "2026-02-10")
                #expect(Self.cell(disclosure, record, "单位") == day.ledger.itemUnits[item])
                dispatchedByItem[item] = dispatched
                receivedTotal += received
                clearedTotal += Self.number(disclosure, record, "当日接收当日发出")
            }

            // Figures worked out by hand from the day's script.
            let surgical = try #require(items.first { Self.cell(disclosure, $0, "规格") == "医用外科" })
            #expect(Self.number(disclosure, surgical, "期初库存") == 700)
            #expect(Self.number(disclosure, surgical, "当日接收") == 130_000)
            #expect(Self.number(disclosure, surgical, "当日发出") == 0)  // R-0002 left after the cutoff
            #expect(Self.number(disclosure, surgical, "期末库存") == 130_700)
            let n95 = try #require(items.first { Self.cell(disclosure, $0, "规格") == "医用防护N95" })
            #expect(Self.number(disclosure, n95, "期初库存") == 0)
            #expect(Self.number(disclosure, n95, "当日接收") == 8200)
            #expect(Self.number(disclosure, n95, "当日发出") == 5000)
            #expect(Self.number(disclosure, n95, "期末库存") == 3200)
            #expect(Self.number(disclosure, n95, "当日接收当日发出") == 5000)
            #expect(Self.cell(disclosure, n95, "日进日清率(%)") == "61.0")
            let gownsL = try #require(items.first { Self.cell(disclosure, $0, "规格") == "医用一次性L" })
            #expect(Self.number(disclosure, gownsL, "当日接收") == 1500)  // L-0032 arrived after the cutoff
            #expect(Self.number(disclosure, gownsL, "当日发出") == 1200)

            let totals = try #require(disclosure.records.first { Self.cell(disclosure, $0, "物资名称") == "合计" })
            #expect(Self.number(disclosure, totals, "当日接收") == receivedTotal)
            #expect(Self.number(disclosure, totals, "当日接收当日发出") == clearedTotal)
            #expect(
                Self.cell(disclosure, totals, "日进日清率(%)")
                    == String(format: "%.1f", Double(clearedTotal) * 100 / Double(receivedTotal)))
            let last = try #require(disclosure.records.first { Self.cell(disclosure, $0, "物资名称") == "末事件序号" })
            #expect(Self.cell(disclosure, last, "规格") == "\(day.ledger.lastSequence)")

            // 调拨明细: the per-item sums of 发出数量 equal 当日发出.
            let dispatches = try day.table("2026-02-10-dispatches.csv")
            var sentByItem: [ItemKey: Int] = [:]
            for record in dispatches.records {
                let item = ItemKey(
                    kind: Self.cell(dispatches, record, "物资名称"), spec: Self.cell(dispatches, record, "规格"))
                sentByItem[item, default: 0] += Self.number(dispatches, record, "发出数量")
            }
            for (item, dispatched) in dispatchedByItem {
                #expect(sentByItem[item, default: 0] == dispatched, "\(item)")
            }
            #expect(Set(sentByItem.keys).isSubset(of: Set(dispatchedByItem.keys)))
        }
    }

    @Test("the dispatches file lists what left during the day, with approver, route and discrepancy")
    func dispatchRows() throws {
        try withTemporaryDirectory { folder in
            let day = try runDay(in: folder)
            let dispatches = try day.table("2026-02-10-dispatches.csv")
            let rows = dispatches.records.map { record in
                "\(Self.cell(dispatches, record, "申请编号"))/\(Self.cell(dispatches, record, "行号"))/\(Self.cell(dispatches, record, "批次号"))=\(Self.cell(dispatches, record, "发出数量"))"
            }
            #expect(
                Set(rows) == [
                    "R-0001/1/L-0001=2000", "R-0001/1/L-0016=500", "R-0001/2/L-0002=400", "R-0001/3/L-0020=150",
                    "R-0003/1/L-0009=1000", "R-0003/2/L-0028=500", "R-0003/2/L-0015=300", "R-0005/1/L-0031=1500",
                    "R-T10/1/L-EVIL=100", "R-T9/1/L-0017=100",
                ])
            #expect(rows.count == 10)
            for record in dispatches.records {
                #expect(Self.cell(dispatches, record, "审批人") == "supervisor")
                let request = RequestID(Self.cell(dispatches, record, "申请编号"))
                let decided = try #require(day.ledger.requests[request]?.decidedAt)
                #expect(Self.cell(dispatches, record, "审批时间") == LocalTimeFormat(Sample.calendar).string(decided))
            }
            let short = dispatches.records.filter {
                Self.cell(dispatches, $0, "申请编号") == "R-0001" && Self.cell(dispatches, $0, "行号") == "1"
            }
            #expect(short.count == 2)
            #expect(short.contains { Self.cell(dispatches, $0, "差异") == "-50" })
            let gowns = try #require(dispatches.records.first { Self.cell(dispatches, $0, "批次号") == "L-0002" })
            #expect(Self.cell(dispatches, gowns, "签收数量") == "400")
            #expect(Self.cell(dispatches, gowns, "差异") == "")
            let notDelivered = try #require(dispatches.records.first { Self.cell(dispatches, $0, "批次号") == "L-0031" })
            #expect(Self.cell(dispatches, notDelivered, "签收数量") == "")
            #expect(Self.cell(dispatches, notDelivered, "发出时间") == "2026-02-10 15:56")
            // A directed lot goes point to point.
            let directed = try #require(dispatches.records.first { Self.cell(dispatches, $0, "批次号") == "L-0009" })
            #expect(Self.cell(dispatches, directed, "运送方式") == "点对点")
        }
    }

    @Test("a line sent from two lots and delivered short counts its shortfall once in the dispatches file")
    func shortfallCountedOnce() throws {
        try withTemporaryDirectory { folder in
            let day = try runDay(in: folder)
            let dispatches = try day.table("2026-02-10-dispatches.csv")
            // R-0001 line 1 left as 2,000 from L-0001 and 500 from L-0016; 2,450 were signed for.
            let line = dispatches.records.filter {
                Self.cell(dispatches, $0, "申请编号") == "R-0001" && Self.cell(dispatches, $0, "行号") == "1"
            }
            #expect(line.count == 2)
            let sent = line.reduce(0) { $0 + Self.number(dispatches, $1, "发出数量") }
            #expect(sent == 2500)
            // Summing the column over the line's rows must give the line's figures, as with 发出数量.
            let shortfall = line.reduce(0) { $0 + (Int(Self.cell(dispatches, $1, "差异")) ?? 0) }
            #expect(shortfall == -50, "the 50-mask shortfall is counted \(shortfall / -50) times")
            let signed = line.reduce(0) { $0 + (Int(Self.cell(dispatches, $1, "签收数量")) ?? 0) }
            #expect(signed == 2450, "2,450 signed for, but the rows add up to \(signed)")
        }
    }

    @Test("the receipts are exactly the lots that arrived in the day's window, formulas neutralised")
    func receipts() throws {
        try withTemporaryDirectory { folder in
            let day = try runDay(in: folder)
            let receipts = try day.table("2026-02-10-receipts.csv")
            let window = Sample.calendar.window(of: Sample.day)
            let arrived = day.ledger.lots.values.filter { lot in
                lot.arrivedAt.map { window.start <= $0 && $0 < window.end } ?? false
            }
            #expect(arrived.count == 32)  // 30 sample lots, L-EVIL, and L-0031 received at 15:46
            let listed = receipts.records.map { LotID(Self.cell(receipts, $0, "批次号")) }
            #expect(listed.count == Set(listed).count)
            #expect(Set(listed) == Set(arrived.map(\.id)))
            #expect(!listed.contains("L-OLD"))
            #expect(!listed.contains("L-0032"))
            let time = LocalTimeFormat(Sample.calendar)
            for record in receipts.records {
                let lot = try #require(day.ledger.lots[LotID(Self.cell(receipts, record, "批次号"))])
                #expect(Self.number(receipts, record, "数量") == lot.quantity)
                #expect(Self.cell(receipts, record, "单位") == lot.unit)
                #expect(Self.cell(receipts, record, "到货时间") == time.string(lot.arrivedAt))
                if lot.id != "L-EVIL" {
                    #expect(Self.cell(receipts, record, "捐赠方") == lot.donor)
                }
            }
            let counted = try #require(receipts.records.first { Self.cell(receipts, $0, "批次号") == "L-0031" })
            #expect(Self.cell(receipts, counted, "数量") == "2900")
            #expect(Self.cell(receipts, counted, "到货时间") == "2026-02-10 15:46")
            let directed = try #require(receipts.records.first { Self.cell(receipts, $0, "批次号") == "L-0001" })
            #expect(Self.cell(receipts, directed, "定向单位") == "杭州市西溪医院")
            #expect(Self.cell(receipts, directed, "开具捐赠票据") == "待定")
            let unvaluable = try #require(receipts.records.first { Self.cell(receipts, $0, "批次号") == "L-0024" })
            #expect(Self.cell(receipts, unvaluable, "开具捐赠票据") == "否(只登记)")
            let invoiced = try #require(receipts.records.first { Self.cell(receipts, $0, "批次号") == "L-0002" })
            #expect(Self.cell(receipts, invoiced, "价值(元)") == "40000.00")
            #expect(Self.cell(receipts, invoiced, "开具捐赠票据") == "是")

            // The donor that is a formula comes out as text.
            let evil = try #require(receipts.records.first { Self.cell(receipts, $0, "批次号") == "L-EVIL" })
            let donor = Self.cell(receipts, evil, "捐赠方")
            #expect(donor == "'=HYPERLINK(\"x\")")
            #expect(!donor.hasPrefix("="))
            let raw = String(decoding: try #require(day.files["2026-02-10-receipts.csv"]), as: UTF8.self)
            #expect(!raw.contains(",=HYPERLINK"))
            #expect(!raw.contains(",\"=HYPERLINK"))
        }
    }

    @Test("pending paperwork lists exactly the approvals whose paperwork is not complete")
    func pendingPaperwork() throws {
        try withTemporaryDirectory { folder in
            let day = try runDay(in: folder)
            let paperwork = try day.table("2026-02-10-pending-paperwork.csv")
            #expect(paperwork.header == ["申请编号", "受援单位", "审批人", "审批时间"])
            let listed = paperwork.records.map { RequestID(Self.cell(paperwork, $0, "申请编号")) }
            #expect(Set(listed) == ["R-OLD", "R-0001", "R-0005", "R-T9", "R-T10", "R-T11"])
            #expect(listed.count == 6)
            let fromLedger = day.ledger.requests.values.filter { $0.paperwork.map { !$0.isComplete } ?? false }.map(
                \.id)
            #expect(Set(listed) == Set(fromLedger))
            let old = try #require(paperwork.records.first { Self.cell(paperwork, $0, "申请编号") == "R-OLD" })
            #expect(Self.cell(paperwork, old, "审批时间") == "2026-02-09 11:10")
            #expect(Self.cell(paperwork, old, "审批人") == "supervisor")
            #expect(Self.cell(paperwork, old, "受援单位") == day.ledger.recipients["C02"]?.name)
        }
    }

    @Test("approval times cover the day's decisions, with the 10-minute target judged right")
    func approvalTimes() throws {
        try withTemporaryDirectory { folder in
            let day = try runDay(in: folder)
            let approvals = try day.table("2026-02-10-approval-times.csv")
            #expect(approvals.header == ["申请编号", "受援单位", "决定", "决定人", "提交时间", "决定时间", "用时(分钟)", "10分钟内"])
            var rows: [RequestID: CSVRecord] = [:]
            for record in approvals.records { rows[RequestID(Self.cell(approvals, record, "申请编号"))] = record }
            #expect(approvals.records.count == rows.count)
            // Decided during the day: R-OLD was decided the day before; R-0007 was returned.
            #expect(
                Set(rows.keys) == [
                    "R-0001", "R-0002", "R-0003", "R-0004", "R-0005", "R-0007", "R-T9", "R-T10", "R-T11",
                ])
            let time = LocalTimeFormat(Sample.calendar)
            for (id, record) in rows {
                let request = try #require(day.ledger.requests[id])
                #expect(Self.cell(approvals, record, "提交时间") == time.string(request.submittedAt))
                #expect(Self.cell(approvals, record, "决定时间") == time.string(request.decidedAt))
                #expect(Self.cell(approvals, record, "决定人") == "supervisor")
            }
            func expectRow(_ id: RequestID, _ decision: String, _ minutes: String, _ within: String) {
                guard let record = rows[id] else {
                    Issue.record("no row for \(id)")
                    return
                }
                #expect(Self.cell(approvals, record, "决定") == decision, "\(id)")
                #expect(Self.cell(approvals, record, "用时(分钟)") == minutes, "\(id)")
                #expect(Self.cell(approvals, record, "10分钟内") == within, "\(id)")
            }
            expectRow("R-T9", "已批准", "9.0", "是")
            expectRow("R-T10", "已批准", "10.0", "是")
            expectRow("R-T11", "已批准", "11.0", "否")
            expectRow("R-0001", "已批准", "495.0", "否")  // 07:35 → 15:50, delivered since
            expectRow("R-0004", "已驳回", "448.0", "否")  // 08:20 → 15:48
            expectRow("R-0007", "已退回", "404.0", "否")  // 09:05 → 15:49
            expectRow("R-0002", "已批准", "481.0", "否")  // 07:50 → 15:51, dispatched after the cutoff
        }
    }

    @Test("the export is the same whichever store writes it, and rewriting replaces the files")
    func exportIsReproducible() throws {
        try withTemporaryDirectory { folder in
            let day = try runDay(in: folder)
            let reopened = try openStore(
                in: folder, clock: TestClock("2026-02-10 17:00"), actor: "supervisor", roles: [.approver])
            #expect(reopened.ledger == day.ledger)
            let again = try DayEndExport(ledger: reopened.ledger, day: Sample.day).write(
                to: folder.appendingPathComponent("export"))
            for file in again {
                #expect(
                    try Data(contentsOf: file.url) == day.files[file.url.lastPathComponent],
                    "\(file.url.lastPathComponent)")
            }
        }
    }
}
