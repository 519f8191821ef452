/// 分类运送: how approved goods leave the centre.
public enum RouteClass: String, CaseIterable, Codable, Sendable {
    /// 点对点: the destination is definite (a directed lot, or a lot going whole to one recipient).
    case pointToPoint
    /// 邮政专车接驳: consolidated at the relief centre onto the postal shuttle.
    case shuttle
    /// 仓库存储: what stays unallocated.
    case warehouse

    public var chineseName: String {
        switch self {
        case .pointToPoint: return "点对点"
        case .shuttle: return "邮政专车"
        case .warehouse: return "仓库存储"
        }
    }
}

extension Ledger {
    /// The route class of an approved or dispatched allocation.
    public func routeClass(of allocation: Allocation) -> RouteClass {
        guard let lot = lots[allocation.lot] else { return .shuttle }
        if lot.designatedRecipient != nil { return .pointToPoint }
        let taken = allocations(of: lot.id).filter { $0.status == .approved || $0.status == .dispatched }
        let recipients = Set(taken.compactMap { requests[$0.request]?.recipient })
        let total = taken.reduce(0) { $0 + ($1.approvedQuantity ?? 0) }
        return recipients.count == 1 && total == lot.quantity ? .pointToPoint : .shuttle
    }
}
