import DayClearCore
import Foundation

/// The two lists as tables of text, for printing, CSV and JSON alike.
public struct ListsTable: Sendable {
    public struct Column: Sendable {
        /// The JSON key and English name.
        public var key: String
        /// The Chinese header used in CSV and on screen.
        public var title: String
        public var numeric: Bool
    }

    public var columns: [Column]
    public var rows: [[String]]

    public static func stock(_ lists: DayLists, ledger: Ledger) -> ListsTable {
        let time = LocalTimeFormat(ledger.calendar)
        return ListsTable(
            columns: [
                .init(key: "lot", title: "批次号", numeric: false), .init(key: "kind", title: "物资名称", numeric: false),
                .init(key: "spec", title: "规格", numeric: false), .init(key: "unit", title: "单位", numeric: false),
                .init(key: "on_hand", title: "库存", numeric: true), .init(key: "expected", title: "预到", numeric: true),
                .init(key: "eta", title: "预计到达", numeric: false), .init(key: "proposed", title: "已建议", numeric: true),
                .init(key: "approved", title: "已批准", numeric: true), .init(key: "free", title: "可调拨", numeric: true),
                .init(key: "directed_to", title: "定向", numeric: false),
                .init(key: "expiry", title: "有效期", numeric: false),
                .init(key: "donor", title: "捐赠方", numeric: false),
            ],
            rows: lists.stock.map { row in
                [
                    row.lot.rawValue, row.item.kind, row.item.spec, row.unit, "\(row.onHand)", "\(row.expected)",
                    time.string(row.eta), "\(row.proposed)", "\(row.approved)", "\(row.free)",
                    row.designatedRecipient?.rawValue ?? "",
                    row.expiry.map { String(time.string($0).prefix(10)) + (row.nearExpiry ? " 临期" : "") } ?? "",
                    row.donor,
                ]
            })
    }

    public static func requests(_ lists: DayLists, ledger: Ledger) -> ListsTable {
        let time = LocalTimeFormat(ledger.calendar)
        return ListsTable(
            columns: [
                .init(key: "request", title: "申请编号", numeric: false), .init(key: "line", title: "行", numeric: true),
                .init(key: "recipient", title: "受援单位", numeric: false),
                .init(key: "tier", title: "优先级", numeric: false),
                .init(key: "kind", title: "物资名称", numeric: false), .init(key: "spec", title: "规格", numeric: false),
                .init(key: "asked", title: "申请", numeric: true), .init(key: "proposed", title: "已建议", numeric: true),
                .init(key: "approved", title: "已批准", numeric: true), .init(key: "state", title: "状态", numeric: false),
                .init(key: "submitted_at", title: "提交时间", numeric: false),
                .init(key: "waiting_minutes", title: "等待(分)", numeric: true),
            ],
            rows: lists.requests.map { row in
                [
                    row.request.rawValue, "\(row.line)", row.recipientName, row.tier.chineseName, row.item.kind,
                    row.item.spec, "\(row.asked)", "\(row.proposed)", "\(row.approved)", row.state.chineseName,
                    time.string(row.submittedAt), row.waitingMinutes.map(String.init) ?? "",
                ]
            })
    }

    /// RFC 4180 CSV with Chinese headers.
    public var csv: Data { CSVWriter.encode(header: columns.map(\.title), rows: rows) }

    /// An array of objects with English keys; numeric columns as numbers.
    public func jsonObjects() -> [[String: Any]] {
        rows.map { row in
            var object: [String: Any] = [:]
            for (column, value) in zip(columns, row) {
                object[column.key] = column.numeric ? (Int(value) as Any? ?? NSNull()) : value
            }
            return object
        }
    }
}
