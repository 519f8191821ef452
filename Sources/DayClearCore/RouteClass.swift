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

/// Who holds approved or dispatched units of a lot. Approved units are never released, so a lot
/// only ever moves from one taker to several.
enum LotTakers: Equatable, Sendable {
    case one(RecipientID)
    case several

    /// The takers once `recipient` is one of them.
    static func adding(_ recipient: RecipientID, to takers: LotTakers?) -> LotTakers {
        switch takers {
        case nil: return .one(recipient)
        case .one(let taker) where taker == recipient: return .one(taker)
        default: return .several
        }
    }
}

extension Ledger {
    /// The route class of an approved or dispatched allocation.
    ///
    /// Constant time: the lot's approved and dispatched units and its takers are kept as events are
    /// folded in, so classifying every allocation of a day is linear in the allocations.
    public func routeClass(of allocation: Allocation) -> RouteClass {
        guard let lot = lots[allocation.lot] else { return .shuttle }
        if lot.designatedRecipient != nil { return .pointToPoint }
        guard case .one = takersByLot[lot.id] else { return .shuttle }
        return lot.approved + lot.dispatched == lot.quantity ? .pointToPoint : .shuttle
    }

    /// Notes that `recipient` was approved units of `lot`.
    mutating func noteTaker(_ recipient: RecipientID, of lot: LotID) {
        takersByLot[lot] = LotTakers.adding(recipient, to: takersByLot[lot])
    }
}
