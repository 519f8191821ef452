import DayClearCore
import Foundation

extension DomainEvent {
    /// One line saying what happened, in the screen's language: the journal's 事件 column.
    /// English is the ledger's own `summary`, which `dayclear history` prints.
    func summary(_ language: Language) -> String {
        guard language == .zh else { return summary }
        switch self {
        case .calendarConfigured(let s):
            let clock = String(format: "%02d:%02d", s.cutoffMinutes / 60, s.cutoffMinutes % 60)
            return "设定业务日：截止 \(clock)，时区 \(s.timeZoneIdentifier)"
        case .recipientRegistered(let r): return "登记受援单位 \(r.id) \(r.name)（\(r.tier.chineseName)）"
        case .lotRegistered(let r):
            let status: String
            switch r.status {
            case .arrived: status = "在库"
            case .expected: status = "预到"
            }
            let directed = r.designatedRecipient.map { "，定向 \($0)" } ?? ""
            return "登记批次 \(r.id)：\(r.item) \(r.quantity)\(r.unit)，捐赠方 \(r.donor)，\(status)\(directed)"
        case .lotReceived(let r): return "批次 \(r.lot) 到货：\(r.quantity)"
        case .lotValued(let v): return "批次 \(v.lot) 估值：\(v.valuation.label)"
        case .requestSubmitted(let s): return "提交 \(s.id)（\(s.recipient)）：\(Self.lines(s.lines))"
        case .requestResubmitted(let s): return "重新提交 \(s.id)：\(Self.lines(s.lines))"
        case .allocationProposed(let p): return "建议从批次 \(p.lot) 拨 \(p.quantity) 给 \(p.request) 第 \(p.line) 行"
        case .substitutionAllowed(let s): return "允许 \(s.request) 第 \(s.line) 行用 \(s.spec) 替代"
        case .substitutionRevoked(let s): return "撤销 \(s.request) 第 \(s.line) 行的替代规格 \(s.spec)"
        case .requestApproved(let q):
            return q.quantities.isEmpty ? "批准 \(q.request)（按建议数量）" : "批准 \(q.request)：\(Self.quantities(q))"
        case .requestReturned(let r): return "退回 \(r.request)"
        case .requestRejected(let r): return "驳回 \(r.request)"
        case .requestCancelled(let r): return "撤销 \(r.request)"
        case .requestDispatched(let r): return "发出 \(r.request)"
        case .requestDelivered(let q):
            return q.quantities.isEmpty ? "\(q.request) 送达，如数收到" : "\(q.request) 送达，实收 \(Self.quantities(q))"
        case .paperworkCompleted(let r): return "\(r.request) 补办手续完成"
        case .shuttleRunsPlanned(let p):
            let rate = p.forecastClearRate.map { String(format: "，预测当日清 %.1f%%", $0 * 100) } ?? ""
            return "安排 \(p.day) 邮政班车 \(p.runs.count) 趟：\(p.stopCount) 站，\(p.kilometresText) 公里\(rate)"
        case .roleGranted(let c): return "授予 \(c.user) “\(c.role.chineseName)”角色"
        case .roleRevoked(let c): return "收回 \(c.user) 的“\(c.role.chineseName)”角色"
        case .serverGroupNamed(let g): return "指定 \(g.name) 为可连接服务器的用户组"
        }
    }

    private static func lines(_ lines: [RequestLine]) -> String {
        lines.map { "\($0.item) \($0.quantity)" }.joined(separator: "；")
    }

    private static func quantities(_ q: LineQuantities) -> String {
        q.quantities.sorted { $0.key < $1.key }.map { "第 \($0.key) 行 \($0.value)" }.joined(separator: "，")
    }
}
