import Foundation

/// 批次: a quantity of one kind+spec from one donor.
public struct Lot: Equatable, Sendable {
    public enum Status: Equatable, Codable, Sendable {
        case expected(eta: Date)
        case arrived(at: Date)
    }

    public var id: LotID
    public var item: ItemKey
    public var unit: String
    /// Expected quantity while expected; the counted quantity once arrived.
    public var quantity: Int
    /// Units per pack (每箱数量); allocations are planned in whole packs.
    public var packSize: Int
    public var donor: String
    public var status: Status
    public var expiry: Date?
    /// 定向单位: when set, only this recipient may receive the lot.
    public var designatedRecipient: RecipientID?
    public var valuation: Valuation

    /// Units promised to requests still awaiting a decision.
    public internal(set) var proposed = 0
    /// Units approved but not yet dispatched.
    public internal(set) var approved = 0
    /// Units that have left the centre.
    public internal(set) var dispatched = 0

    public init(
        id: LotID, item: ItemKey, unit: String, quantity: Int, packSize: Int, donor: String,
        status: Status, expiry: Date?, designatedRecipient: RecipientID?, valuation: Valuation
    ) {
        self.id = id
        self.item = item
        self.unit = unit
        self.quantity = quantity
        self.packSize = packSize
        self.donor = donor
        self.status = status
        self.expiry = expiry
        self.designatedRecipient = designatedRecipient
        self.valuation = valuation
    }

    public var isArrived: Bool {
        if case .arrived = status { return true }
        return false
    }

    public var arrivedAt: Date? {
        if case .arrived(let at) = status { return at }
        return nil
    }

    public var eta: Date? {
        if case .expected(let eta) = status { return eta }
        return nil
    }

    /// Units in the warehouse now: arrived and not dispatched.
    public var onHand: Int { isArrived ? quantity - dispatched : 0 }

    /// Units neither promised nor gone: what a new allocation may take.
    public var free: Int { quantity - dispatched - approved - proposed }
}
