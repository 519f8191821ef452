import DayClearCore
import Foundation

/// Writes the day-end CSV files: the public disclosure and the audit detail.
public struct DayEndExport {
    /// A file the export wrote and how many data rows it holds.
    public struct WrittenFile: Sendable {
        public var url: URL
        public var rows: Int
    }

    public let report: DayEndReport
    private let time: LocalTimeFormat
    private let ledger: Ledger
    /// The chain hash of event `report.lastSequence` (链头哈希), for `dayclear verify --expect`.
    public let chainHead: Data?
    /// The checkpoint signed at `report.lastSequence` for this export, and every stored one.
    public let checkpoints: DayEndCheckpoints?

    public init(ledger: Ledger, day: CivilDate, chainHead: Data? = nil, checkpoints: DayEndCheckpoints? = nil) {
        self.ledger = ledger
        self.chainHead = chainHead
        self.checkpoints = checkpoints
        report = DayEndReport(ledger: ledger, day: day)
        time = LocalTimeFormat(ledger.calendar)
    }

    /// The export of a store's ledger, with the chain hash of its last event and a checkpoint
    /// signed there (durable before any file is written).
    public init(store: LedgerSession, day: CivilDate) throws {
        let last = store.ledger.lastSequence
        let head = try store.chainHash(of: last)
        self.init(ledger: store.ledger, day: day, chainHead: head, checkpoints: try store.dayEndCheckpoint(at: last))
    }

    /// Writes every file into `directory` (created if missing); each file is
    /// written whole to a temporary name first and then renamed.
    public func write(to directory: URL) throws -> [WrittenFile] {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw StoreError.notSaved("\(directory.path) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.notSaved("cannot create the folder \(directory.path)")
        }
        var written = try tables.map { name, header, rows in
            WrittenFile(
                url: try Self.write(
                    CSVWriter.encode(header: header, rows: rows), named: "\(report.day)-\(name).csv", in: directory),
                rows: rows.count)
        }
        if let checkpoints, let key = CheckpointPublicKey(raw: checkpoints.signed.publicKey) {
            let text = key.fileText(origin: checkpoints.signed.checkpoint.origin)
            let name = "\(report.day)-\(Self.publicKeyName)"
            written.append(WrittenFile(url: try Self.write(Data(text.utf8), named: name, in: directory), rows: 1))
        }
        return written
    }

    /// The name (after the day) of the file holding the checkpoints' public key.
    public static let publicKeyName = "checkpoint-public-key.pem"

    /// Writes `data` whole under a temporary name, then renames it to `name`.
    private static func write(_ data: Data, named name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        let partial = directory.appendingPathComponent(".\(name).partial")
        do {
            try data.write(to: partial)
        } catch {
            throw StoreError.notSaved("cannot write \(partial.path): \(error.localizedDescription)")
        }
        guard rename(partial.path, url.path) == 0 else {
            throw StoreError.notSaved("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        return url
    }

    /// Each file's name stem, header and rows, in the order they are written.
    public var tables: [(name: String, header: [String], rows: [[String]])] {
        [
            ("disclosure", Self.disclosureHeader, disclosureRows),
            ("receipts", Self.receiptHeader, receiptRows),
            ("dispatches", Self.dispatchHeader, dispatchRows),
            ("approval-times", Self.approvalHeader, approvalRows),
            ("pending-paperwork", Self.paperworkHeader, paperworkRows),
        ] + (checkpoints == nil ? [] : [("checkpoints", Self.checkpointHeader, checkpointRows)])
    }

    // MARK: - 每日公示

    static let disclosureHeader = [
        "日期", "物资名称", "规格", "单位", "期初库存", "当日接收", "当日发出", "期末库存", "当日接收当日发出", "日进日清率(%)",
    ]

    var disclosureRows: [[String]] {
        let day = report.day.description
        var rows = report.disclosure.map { row in
            [
                day, row.item.kind, row.item.spec, row.unit, "\(row.opening)", "\(row.received)", "\(row.dispatched)",
                "\(row.closing)", "\(row.receivedAndCleared)", percentText(row.clearRate),
            ]
        }
        let totals = report.totals
        rows.append([
            day, "合计", "", "", "", "\(totals.received)", "", "", "\(totals.cleared)", percentText(report.clearRate),
        ])
        rows.append([day, "末事件序号", "\(report.lastSequence)", "", "", "", "", "", "", ""])
        rows.append([day, "链头哈希", chainHead.map(HashChain.hex) ?? "", "", "", "", "", "", "", ""])
        return rows
    }

    // MARK: - 签名检查点

    static let checkpointHeader = ["事件数", "链头哈希", "签名时间", "签名时间(毫秒)", "类型", "来源", "公钥指纹", "签名"]

    /// The checkpoints signed during the day, and the one signed for this export (last), so that
    /// each can be checked on its own (docs/formats.md).
    var checkpointRows: [[String]] {
        guard let checkpoints else { return [] }
        let ofTheDay = checkpoints.stored.filter {
            $0 != checkpoints.signed
                && ledger.calendar.day(containing: Date(milliseconds: $0.checkpoint.signedAt)) == report.day
        }
        return (ofTheDay + [checkpoints.signed]).map { signed in
            let checkpoint = signed.checkpoint
            return [
                "\(checkpoint.count)", HashChain.hex(checkpoint.head),
                time.string(Date(milliseconds: checkpoint.signedAt)), "\(checkpoint.signedAt)",
                signed.kind == .dayEnd ? "日结" : "定期", checkpoint.origin,
                CheckpointPublicKey.fingerprint(of: signed.publicKey), HashChain.hex(signed.signature),
            ]
        }
    }

    // MARK: - 捐赠物资接收明细

    static let receiptHeader = [
        "批次号", "物资名称", "规格", "数量", "单位", "捐赠方", "定向单位", "到货时间", "估值", "价值(元)", "开具捐赠票据",
    ]

    var receiptRows: [[String]] {
        report.receipts.map { receipt in
            [
                receipt.lot.rawValue, receipt.item.kind, receipt.item.spec, "\(receipt.quantity)", receipt.unit,
                receipt.donor, receipt.designatedRecipient.map { ledger.recipients[$0]?.name ?? $0.rawValue } ?? "",
                time.string(receipt.arrivedAt), receipt.valuation.label, yuanText(receipt.valuation.fen),
                receipt.valuation == .unvaluable ? "否(只登记)" : receipt.valuation.fen == nil ? "待定" : "是",
            ]
        }
    }

    // MARK: - 调拨明细

    static let dispatchHeader = [
        "申请编号", "行号", "受援单位编号", "受援单位", "物资名称", "规格", "批次号", "发出数量", "单位", "运送方式", "审批人",
        "审批时间", "发出时间", "签收数量", "差异",
    ]

    /// 签收数量 and 差异 are counted per request line, so they stand on the
    /// line's first lot row only and the columns add up.
    var dispatchRows: [[String]] {
        struct Line: Hashable {
            var request: RequestID
            var line: Int
        }
        var seenLines: Set<Line> = []
        var times = LocalTimeTexts(time)
        return report.dispatches.map { row in
            let firstOfLine = seenLines.insert(Line(request: row.request, line: row.line)).inserted
            var received = ""
            var shortfall = ""
            if firstOfLine, let got = row.lineReceived {
                let sent = ledger.dispatchedQuantity(row.request, line: row.line)
                received = "\(got)"
                shortfall = got == sent ? "" : "\(got - sent)"
            }
            return [
                row.request.rawValue, "\(row.line)", row.recipient.rawValue, row.recipientName, row.item.kind,
                row.item.spec, row.lot.rawValue, "\(row.quantity)", row.unit, row.routeClass.chineseName, row.approver,
                times.string(row.approvedAt), times.string(row.dispatchedAt), received, shortfall,
            ]
        }
    }

    // MARK: - 审批时效

    static let approvalHeader = [
        "申请编号", "受援单位", "决定", "决定人", "提交时间", "决定时间", "用时(分钟)", "10分钟内",
    ]

    var approvalRows: [[String]] {
        // Decision times repeat; `String(format:)` is slow enough to matter at 100,000 rows.
        var minutes: [Int: String] = [:]
        var times = LocalTimeTexts(time)
        return report.approvalTimes.map { row in
            let text = minutes[row.seconds] ?? String(format: "%.1f", Double(row.seconds) / 60)
            minutes[row.seconds] = text
            return [
                row.request.rawValue, row.recipientName, row.decision.chineseName, row.decidedBy,
                times.string(row.submittedAt), times.string(row.decidedAt), text, row.withinTarget ? "是" : "否",
            ]
        }
    }

    // MARK: - 待补手续

    static let paperworkHeader = ["申请编号", "受援单位", "审批人", "审批时间"]

    var paperworkRows: [[String]] {
        var times = LocalTimeTexts(time)
        return report.pendingPaperwork.map { row in
            [row.request.rawValue, row.recipientName, row.approver, times.string(row.approvedAt)]
        }
    }
}
