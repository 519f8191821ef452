import Foundation
import Testing

/// The kind+spec the sample day is short of.
private let n95 = (kind: "口罩", spec: "医用防护N95")

@Suite("a full day through the CLI")
struct FullDayTests {
    @Test("init, import, lists, receive, propose, approve, dispatch, deliver, paperwork, reject, history, export")
    func fullDay() throws {
        let sandbox = try Sandbox()

        // init
        let initialised = try sandbox.dayclear("init", "--time-zone", "Asia/Shanghai")
        #expect(initialised.status == 0, initialised.comment)
        #expect(initialised.stdout.contains("Asia/Shanghai"), initialised.comment)
        let again = try sandbox.dayclear("init", "--time-zone", "Asia/Shanghai")
        #expect(again.status != 0, "a second init must refuse: \(again)")

        // import the three files
        let recipientRows = try SampleFiles.recipients().records
        let stockRows = try SampleFiles.stock().records
        let requestRows = try SampleFiles.requests().records
        let requestIDs = Set(requestRows.compactMap { $0["申请编号"] })
        let expectedCounts = [
            "recipients": recipientRows.count, "stock": stockRows.count, "requests": requestIDs.count,
        ]
        for kind in ["recipients", "stock", "requests"] {
            let result = try sandbox.dayclear("import", kind, Package.sample(kind))
            #expect(result.status == 0, result.comment)
            #expect(result.stdout.contains("Imported \(expectedCounts[kind] ?? -1) \(kind)"), result.comment)
        }

        // lists --format json
        let lists = try sandbox.listsJSON()
        #expect(!lists.day.isEmpty)
        #expect(!lists.stock.isEmpty)
        #expect(!lists.requests.isEmpty)
        let stockKeys = [
            "lot", "kind", "spec", "unit", "on_hand", "expected", "eta", "proposed", "approved", "free", "directed_to",
            "expiry", "donor",
        ]
        let requestKeys = [
            "request", "line", "recipient", "tier", "kind", "spec", "asked", "proposed", "approved", "state",
            "submitted_at", "waiting_minutes",
        ]
        for row in lists.stock {
            for key in stockKeys { #expect(row[key] != nil, "stock row lacks \(key): \(row)") }
        }
        for row in lists.requests {
            for key in requestKeys { #expect(row[key] != nil, "request row lacks \(key): \(row)") }
        }
        #expect(lists.stock.contains { $0.string("kind") == n95.kind && $0.string("spec") == n95.spec })

        // receive an expected lot (one with 预计到达 in stock.csv)
        let expectedRow = try #require(stockRows.first { !($0["预计到达"] ?? "").isEmpty })
        let expectedLot = try #require(expectedRow["批次号"])
        let expectedQuantity = try #require(Int(expectedRow["数量"] ?? ""))
        let beforeReceipt = try #require(lists.lot(expectedLot), "expected lot \(expectedLot) is not listed")
        #expect(beforeReceipt.int("on_hand") == 0)
        #expect(beforeReceipt.int("expected") == expectedQuantity)
        let received = try sandbox.dayclear("receive", expectedLot)
        #expect(received.status == 0, received.comment)
        #expect(received.stdout.contains("Received \(expectedLot)"), received.comment)
        let afterReceipt = try #require(try sandbox.listsJSON().lot(expectedLot))
        #expect(afterReceipt.int("on_hand") == expectedQuantity)
        #expect(afterReceipt.int("expected") == 0)

        // propose N95 from a non-directed lot that has arrived to a request asking for N95
        let directed = Set(stockRows.filter { !($0["定向单位"] ?? "").isEmpty }.compactMap { $0["批次号"] })
        let source = try #require(
            lists.stock.first {
                $0.string("kind") == n95.kind && $0.string("spec") == n95.spec
                    && ($0.string("directed_to") ?? "").isEmpty
                    && !directed.contains($0.string("lot") ?? "") && ($0.int("on_hand") ?? 0) > 500
                    && $0.string("lot") != expectedLot
            })
        let lot = try #require(source.string("lot"))
        let free = try #require(source.int("free"))
        let askingLine = try #require(
            lists.requests.first {
                $0.string("kind") == n95.kind && $0.string("spec") == n95.spec && $0.string("state") == "已提交"
            })
        let request = try #require(askingLine.string("request"))
        let line = try #require(askingLine.int("line"))
        let asked = try #require(askingLine.int("asked"))
        let proposedQuantity = min(free, asked)
        try #require(proposedQuantity > 300)
        let proposed = try sandbox.dayclear("propose", request, "--lot", lot, "--quantity", "\(proposedQuantity)")
        #expect(proposed.status == 0, proposed.comment)
        #expect(proposed.stdout.contains("Proposed \(proposedQuantity) from \(lot) for \(request)"), proposed.comment)
        let afterProposal = try sandbox.listsJSON()
        #expect(afterProposal.lot(lot)?.int("proposed") == proposedQuantity)
        #expect(afterProposal.lot(lot)?.int("free") == free - proposedQuantity)
        #expect(afterProposal.lines(of: request).first { $0.int("line") == line }?.int("proposed") == proposedQuantity)

        // approve with a trim
        let approvedQuantity = proposedQuantity - 200
        let approved = try sandbox.dayclear("approve", request, "--line", "\(line)=\(approvedQuantity)")
        #expect(approved.status == 0, approved.comment)
        #expect(approved.stdout.contains("Approved \(request)"), approved.comment)
        #expect(approved.stdout.contains("\(approvedQuantity)"), approved.comment)
        let afterApproval = try sandbox.listsJSON()
        #expect(afterApproval.lot(lot)?.int("approved") == approvedQuantity)
        #expect(afterApproval.lines(of: request).first { $0.int("line") == line }?.int("approved") == approvedQuantity)
        #expect(afterApproval.lines(of: request).allSatisfy { $0.string("state") == "已批准" })

        // dispatch, deliver with a shortfall of 5, paperwork
        let dispatched = try sandbox.dayclear("dispatch", request)
        #expect(dispatched.status == 0, dispatched.comment)
        let afterDispatch = try sandbox.listsJSON()
        #expect(afterDispatch.lines(of: request).isEmpty, "a dispatched request leaves the requests list")
        #expect(afterDispatch.lot(lot)?.int("on_hand") == (source.int("on_hand") ?? 0) - approvedQuantity)
        let deliveredQuantity = approvedQuantity - 5
        let delivered = try sandbox.dayclear("deliver", request, "--received", "\(line)=\(deliveredQuantity)")
        #expect(delivered.status == 0, delivered.comment)
        #expect(delivered.stdout.contains("\(deliveredQuantity)"), delivered.comment)
        let paperwork = try sandbox.dayclear("paperwork-done", request)
        #expect(paperwork.status == 0, paperwork.comment)

        // reject another request, with a reason
        let other = try #require(
            afterDispatch.requests.first { $0.string("state") == "已提交" && $0.string("request") != request })
        let rejectedID = try #require(other.string("request"))
        let rejected = try sandbox.dayclear("reject", rejectedID, "--reason", "重复申请, duplicate")
        #expect(rejected.status == 0, rejected.comment)
        #expect(try sandbox.listsJSON().lines(of: rejectedID).isEmpty)

        // history --request shows each step, by the current user
        let history = try sandbox.history("--request", request)
        let steps = ["submitted", "proposed", "approved", "dispatched", "delivered", "completed paperwork"]
        var position = 0
        for step in steps {
            let found = history[position...].firstIndex { $0.contains("\(step) ") || $0.contains(" \(step)") }
            guard let found else {
                Issue.record("history --request \(request) lacks \(step) after line \(position): \(history)")
                continue
            }
            let fields = history[found].split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count >= 4, "history line \(history[found])")
            if fields.count >= 3 { #expect(fields[2] == Substring(currentUser), "actor in \(history[found])") }
            position = found + 1
        }
        #expect(history.count == steps.count, "history --request \(request): \(history)")
        #expect(history.allSatisfy { $0.contains(request) })
        let rejectionHistory = try sandbox.history("--request", rejectedID)
        #expect(rejectionHistory.last?.contains("rejected") == true, "\(rejectionHistory)")
        #expect(rejectionHistory.last?.contains("重复申请, duplicate") == true, "\(rejectionHistory)")
        #expect(rejectionHistory.last?.split(separator: "\t").dropFirst(2).first == Substring(currentUser))
        let byUser = try sandbox.history("--user", currentUser)
        let everything = try sandbox.history()
        #expect(byUser == everything, "every event here is by \(currentUser)")
        #expect(try sandbox.history("--user", "nobody-\(UUID().uuidString)").isEmpty)
        let lotHistory = try sandbox.history("--lot", lot)
        #expect(lotHistory.contains { $0.contains("proposed") }, "\(lotHistory)")

        // export day-end for the current operational day
        let out = sandbox.path("day-end")
        let exported = try sandbox.dayclear("export", "day-end", "--out", out)
        #expect(exported.status == 0, exported.comment)
        let day = lists.day
        #expect(exported.stdout.contains(day), "export defaults to the current operational day \(day)")
        let names = ["disclosure", "receipts", "dispatches", "approval-times", "pending-paperwork", "checkpoints"]
        for name in names {
            let path = "\(out)/\(day)-\(name).csv"
            #expect(FileManager.default.fileExists(atPath: path), "missing \(path); export said \(exported.stdout)")
            #expect(exported.stdout.contains(path), exported.comment)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter {
            !($0.hasSuffix(".csv") || $0 == "\(day)-checkpoint-public-key.pem") || $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty, "partial files left behind: \(leftovers)")

        for name in names {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(day)-\(name).csv"))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(name) does not start with the UTF-8 BOM")
            let text = try #require(String(data: bytes, encoding: .utf8), "\(name) is not UTF-8")
            let lineFeeds = bytes.filter { $0 == 0x0A }.count
            let crlf = zip(bytes, bytes.dropFirst()).filter { $0 == 0x0D && $1 == 0x0A }.count
            #expect(lineFeeds > 0 && crlf == lineFeeds, "\(name): \(lineFeeds) LF of which \(crlf) CRLF")
            #expect(text.hasSuffix("\r\n"), "\(name) does not end with CRLF")
        }

        let disclosureText = try String(contentsOfFile: "\(out)/\(day)-disclosure.csv", encoding: .utf8)
        #expect(disclosureText.contains("口罩"))
        #expect(disclosureText.contains("医用防护N95"))
        let disclosure = CSVFile(text: disclosureText)
        for column in ["日期", "物资名称", "规格", "单位", "期初库存", "当日接收", "当日发出", "期末库存"] {
            #expect(disclosure.header.contains(column), "disclosure header \(disclosure.header) lacks \(column)")
        }
        let balances = disclosure.records.filter { !($0["期初库存"] ?? "").isEmpty }
        #expect(balances.count >= 12, "one balance row per kind+spec: \(balances)")
        for row in balances {
            let opening = Int(row["期初库存"] ?? "")
            let receivedToday = Int(row["当日接收"] ?? "")
            let sent = Int(row["当日发出"] ?? "")
            let closing = Int(row["期末库存"] ?? "")
            guard let opening, let receivedToday, let sent, let closing else {
                Issue.record("non-numeric disclosure row \(row)")
                continue
            }
            #expect(
                opening + receivedToday == sent + closing,
                "\(row["物资名称"] ?? "") \(row["规格"] ?? ""): \(opening) + \(receivedToday) ≠ \(sent) + \(closing)")
            #expect(row["日期"] == day)
        }
        let n95Row = try #require(balances.first { $0["物资名称"] == n95.kind && $0["规格"] == n95.spec })
        #expect(n95Row["当日发出"] == "\(approvedQuantity)", "N95 dispatched today: \(n95Row)")
        let receivedKind = (expectedRow["物资名称"] ?? "", expectedRow["规格"] ?? "")
        let receivedRow = balances.first { $0["物资名称"] == receivedKind.0 && $0["规格"] == receivedKind.1 }
        #expect(receivedRow?["当日接收"] == "\(expectedQuantity)", "received today: \(String(describing: receivedRow))")

        let receipts = try CSVFile(path: "\(out)/\(day)-receipts.csv")
        #expect(receipts.records.contains { $0["批次号"] == expectedLot && $0["数量"] == "\(expectedQuantity)" })

        let dispatches = try CSVFile(path: "\(out)/\(day)-dispatches.csv")
        let dispatchRow = try #require(dispatches.records.first { $0["申请编号"] == request })
        #expect(dispatchRow["批次号"] == lot)
        #expect(dispatchRow["发出数量"] == "\(approvedQuantity)")
        #expect(dispatchRow["签收数量"] == "\(deliveredQuantity)")
        #expect(dispatchRow["差异"] == "-5")
        #expect(dispatchRow["审批人"] == currentUser)

        let approvals = try CSVFile(path: "\(out)/\(day)-approval-times.csv")
        #expect(approvals.records.contains { $0["申请编号"] == request && $0["决定人"] == currentUser })
        #expect(approvals.records.contains { $0["申请编号"] == rejectedID })

        let pending = try CSVFile(path: "\(out)/\(day)-pending-paperwork.csv")
        #expect(!pending.records.contains { $0["申请编号"] == request }, "paperwork was completed")

        // lists in the other two formats still work and agree on the day
        let table = try sandbox.dayclear("lists")
        #expect(table.status == 0, table.comment)
        #expect(table.stdout.contains("可供调拨和预到物资清单"))
        #expect(table.stdout.contains("捐赠款物调拨清单"))
        let csv = try sandbox.dayclear("lists", "--format", "csv")
        #expect(csv.status == 0, csv.comment)
        #expect(csv.stdout.contains("批次号"))
        #expect(csv.stdout.contains("申请编号"))
    }

    @Test("the sample day's disclosure agrees with the sample stock file")
    func sampleDayDisclosure() throws {
        let sandbox = try Sandbox.withSampleDay()
        let out = sandbox.path("sample-day")
        let exported = try sandbox.dayclear("export", "day-end", "--day", "2026-02-10", "--out", out)
        #expect(exported.status == 0, exported.comment)

        // 2026-02-10 runs from 2026-02-09 16:00 to 2026-02-10 16:00 (Asia/Shanghai).
        var receivedInWindow: [String: Int] = [:]
        var openingStock: [String: Int] = [:]
        var receiptLots: Set<String> = []
        for row in try SampleFiles.stock().records {
            let arrived = row["到货时间"] ?? ""
            guard !arrived.isEmpty, let quantity = Int(row["数量"] ?? "") else { continue }
            let key = "\(row["物资名称"] ?? "")/\(row["规格"] ?? "")"
            if arrived < "2026-02-09 16:00" {
                openingStock[key, default: 0] += quantity
            } else if arrived < "2026-02-10 16:00" {
                receivedInWindow[key, default: 0] += quantity
                receiptLots.insert(row["批次号"] ?? "")
            }
        }
        let disclosure = try CSVFile(path: "\(out)/2026-02-10-disclosure.csv")
        let balances = disclosure.records.filter { !($0["期初库存"] ?? "").isEmpty }
        #expect(!balances.isEmpty)
        for row in balances {
            let key = "\(row["物资名称"] ?? "")/\(row["规格"] ?? "")"
            #expect(Int(row["当日接收"] ?? "") == receivedInWindow[key] ?? 0, "received \(key): \(row)")
            #expect(Int(row["期初库存"] ?? "") == openingStock[key] ?? 0, "opening \(key): \(row)")
            #expect(row["当日发出"] == "0", "nothing left on 2026-02-10: \(row)")
            let opening = Int(row["期初库存"] ?? "") ?? 0
            let received = Int(row["当日接收"] ?? "") ?? 0
            #expect(opening + received == Int(row["期末库存"] ?? "") ?? -1, "\(row)")
        }
        let total = disclosure.records.first { $0["物资名称"] == "合计" }
        #expect(total?["当日接收"] == "\(receivedInWindow.values.reduce(0, +))", "\(String(describing: total))")
        let receipts = try CSVFile(path: "\(out)/2026-02-10-receipts.csv")
        #expect(Set(receipts.records.compactMap { $0["批次号"] }) == receiptLots)
        let unvaluable = receipts.records.filter { $0["估值"] == "无法评估" }
        #expect(unvaluable.allSatisfy { ($0["开具捐赠票据"] ?? "").hasPrefix("否") }, "\(unvaluable)")
    }

    @Test("export into a path that is a file fails with a clear message")
    func exportOntoAFile() throws {
        let sandbox = try Sandbox.withSampleDay()
        let file = sandbox.path("not-a-folder.csv")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: file))
        let result = try sandbox.dayclear("export", "day-end", "--out", file)
        #expect(result.status != 0, result.comment)
        #expect(result.stderr.contains(file), result.comment)
        #expect(
            !result.stderr.contains("NSCocoaErrorDomain"), "a raw Foundation error is not a clear message: \(result)")
        #expect(!result.stderr.contains("UserInfo="), result.comment)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
    }

    @Test("paperwork stays pending in the day-end export until it is done")
    func pendingPaperworkExport() throws {
        let sandbox = try Sandbox.withSampleDay()
        let lists = try sandbox.listsJSON()
        let source = try #require(
            lists.stock.first {
                $0.string("kind") == n95.kind && $0.string("spec") == n95.spec
                    && ($0.string("directed_to") ?? "").isEmpty
                    && ($0.int("on_hand") ?? 0) >= 100
            })
        let lot = try #require(source.string("lot"))
        let asking = try #require(
            lists.requests.first { $0.string("kind") == n95.kind && $0.string("spec") == n95.spec })
        let request = try #require(asking.string("request"))
        #expect(try sandbox.dayclear("propose", request, "--lot", lot, "--quantity", "100").succeeded)
        #expect(try sandbox.dayclear("approve", request).succeeded)

        let out = sandbox.path("out")
        let exported = try sandbox.dayclear("export", "day-end", "--out", out, "--day", lists.day)
        #expect(exported.status == 0, exported.comment)
        let pending = try CSVFile(path: "\(out)/\(lists.day)-pending-paperwork.csv")
        #expect(pending.records.contains { $0["申请编号"] == request && $0["审批人"] == currentUser }, "\(pending.records)")

        #expect(try sandbox.dayclear("paperwork-done", request).succeeded)
        let again = try sandbox.dayclear("export", "day-end", "--out", out, "--day", lists.day)
        #expect(again.status == 0, again.comment)
        let after = try CSVFile(path: "\(out)/\(lists.day)-pending-paperwork.csv")
        #expect(!after.records.contains { $0["申请编号"] == request })
    }
}
