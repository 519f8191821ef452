import DayClearCore
import Foundation

/// Writes the day-end CSV files: the public disclosure and the audit detail.
public struct DayEndExport: Sendable {
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
        // The dispatches file, the largest, is made and written on a second thread meanwhile.
        let tables = self.tables
        let (results, dispatches) = concurrently(
            {
                tables.map { table in
                    table.name == Self.dispatchesName ? nil : Result { try write(table, to: directory) }
                }
            },
            {
                tables.first { $0.name == Self.dispatchesName }.map { table in
                    Result { try write(table, to: directory) }
                }
            })
        var written = try results.map { try ($0 ?? dispatches!).get() }
        if let checkpoints, let key = CheckpointPublicKey(raw: checkpoints.signed.publicKey) {
            let text = key.fileText(origin: checkpoints.signed.checkpoint.origin)
            let name = "\(report.day)-\(Self.publicKeyName)"
            written.append(WrittenFile(url: try Self.write(Array(text.utf8), named: name, in: directory), rows: 1))
        }
        return written
    }

    /// Writes one table as `DAY-NAME.csv`, its buffer grown once to the size its rows suggest.
    private func write(_ table: Table, to directory: URL) throws -> WrittenFile {
        var out = CSVOutput(capacity: table.bytesPerRow * (table.rows + 1))
        table.write(&out)
        let url = try Self.write(out.bytes, named: "\(report.day)-\(table.name).csv", in: directory)
        return WrittenFile(url: url, rows: out.records - 1)
    }

    /// The name (after the day) of the file holding the checkpoints' public key.
    public static let publicKeyName = "checkpoint-public-key.pem"

    /// Writes `bytes` whole under a temporary name, then renames it to `name`.
    private static func write(_ bytes: [UInt8], named name: String, in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(name)
        let partial = directory.appendingPathComponent(".\(name).partial")
        do {
            try bytes.withUnsafeBytes { buffer in
                // Written from the array itself: copying a file of 100,000 rows into `Data` first is measurable.
                let base = UnsafeMutableRawPointer(mutating: buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!)
                try Data(bytesNoCopy: base, count: buffer.count, deallocator: .none).write(to: partial)
            }
        } catch {
            throw StoreError.notSaved("cannot write \(partial.path): \(error.localizedDescription)")
        }
        guard rename(partial.path, url.path) == 0 else {
            throw StoreError.notSaved("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        return url
    }

    /// One file: its name stem, how its header and rows are written, and roughly how large it is.
    private struct Table: Sendable {
        var name: String
        var write: @Sendable (inout CSVOutput) -> Void
        var rows = 0
        var bytesPerRow = 0
    }

    /// The name stem of the dispatches file, the largest.
    private static let dispatchesName = "dispatches"

    /// Each file, in the order they are listed.
    private var tables: [Table] {
        func rows(_ header: [String], _ rows: [[String]]) -> @Sendable (inout CSVOutput) -> Void {
            { out in
                out.record(header)
                for row in rows { out.record(row) }
            }
        }
        // Bytes per row: a little above what a busy day's rows take (Chinese names of a dozen characters).
        return [
            Table(name: "disclosure", write: rows(Self.disclosureHeader, disclosureRows)),
            Table(name: "receipts", write: rows(Self.receiptHeader, receiptRows)),
            Table(
                name: Self.dispatchesName, write: writeDispatches, rows: report.dispatches.count, bytesPerRow: 160),
            Table(
                name: "approval-times", write: writeApprovalTimes, rows: report.approvalTimes.count, bytesPerRow: 112
            ),
            Table(
                name: "pending-paperwork", write: writePendingPaperwork, rows: report.pendingPaperwork.count,
                bytesPerRow: 72),
        ] + (checkpoints == nil ? [] : [Table(name: "checkpoints", write: rows(Self.checkpointHeader, checkpointRows))])
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
    func writeDispatches(to out: inout CSVOutput) {
        struct Line: Hashable {
            var request: RequestID
            var line: Int
        }
        out.record(Self.dispatchHeader)
        var seenLines: Set<Line> = []
        seenLines.reserveCapacity(report.dispatches.count)
        var times = LocalTimeWriter(time)
        for row in report.dispatches {
            out.field(row.request.rawValue)
            out.field(row.line)
            out.field(row.recipient.rawValue)
            out.field(row.recipientName)
            out.field(row.item.kind)
            out.field(row.item.spec)
            out.field(row.lot.rawValue)
            out.field(row.quantity)
            out.field(row.unit)
            out.field(row.routeClass.chineseName)
            out.field(row.approver)
            times.field(row.approvedAt, to: &out)
            times.field(row.dispatchedAt, to: &out)
            // Only delivered lines carry the two columns, so only theirs need remembering.
            if let got = row.lineReceived, seenLines.insert(Line(request: row.request, line: row.line)).inserted {
                let sent = ledger.dispatchedQuantity(row.request, line: row.line)
                out.field(got)
                if got == sent { out.field("") } else { out.field(got - sent) }
            } else {
                out.field("")
                out.field("")
            }
            out.endRecord()
        }
    }

    // MARK: - 审批时效

    static let approvalHeader = [
        "申请编号", "受援单位", "决定", "决定人", "提交时间", "决定时间", "用时(分钟)", "10分钟内",
    ]

    func writeApprovalTimes(to out: inout CSVOutput) {
        out.record(Self.approvalHeader)
        // Decision times repeat; `String(format:)` is slow enough to matter at 100,000 rows.
        var minutes: [Int: String] = [:]
        var times = LocalTimeWriter(time)
        for row in report.approvalTimes {
            let text = minutes[row.seconds] ?? String(format: "%.1f", Double(row.seconds) / 60)
            minutes[row.seconds] = text
            out.field(row.request.rawValue)
            out.field(row.recipientName)
            out.field(row.decision.chineseName)
            out.field(row.decidedBy)
            times.field(row.submittedAt, to: &out)
            times.field(row.decidedAt, to: &out)
            out.field(text)
            out.field(row.withinTarget ? "是" : "否")
            out.endRecord()
        }
    }

    // MARK: - 待补手续

    static let paperworkHeader = ["申请编号", "受援单位", "审批人", "审批时间"]

    func writePendingPaperwork(to out: inout CSVOutput) {
        out.record(Self.paperworkHeader)
        var times = LocalTimeWriter(time)
        for row in report.pendingPaperwork {
            out.field(row.request.rawValue)
            out.field(row.recipientName)
            out.field(row.approver)
            times.field(row.approvedAt, to: &out)
            out.endRecord()
        }
    }
}
