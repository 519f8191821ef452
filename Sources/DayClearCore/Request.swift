import Foundation

/// 调拨申请: what one recipient asks for, line by line, and where it stands.
public struct Request: Equatable, Sendable {
    public var id: RequestID
    public var recipient: RecipientID
    public var neededBy: Date
    public var submittedAt: Date
    public var lines: [RequestLine]
    /// The department's remark (备注).
    public var note: String?
    public internal(set) var state: RequestState = .submitted
    /// When and by whom the approver decided (approved, returned or rejected).
    public internal(set) var decidedAt: Date?
    public internal(set) var decidedBy: String?
    /// The reason given with the last return, rejection or cancellation.
    public internal(set) var reason: String?
    /// The offline paperwork track, which starts when the request is approved.
    public internal(set) var paperwork: Paperwork?
    public internal(set) var dispatchedAt: Date?
    public internal(set) var deliveredAt: Date?

    public init(
        id: RequestID, recipient: RecipientID, neededBy: Date, submittedAt: Date,
        lines: [RequestLine], note: String? = nil
    ) {
        self.id = id
        self.recipient = recipient
        self.neededBy = neededBy
        self.submittedAt = submittedAt
        self.lines = lines
        self.note = note
    }

    /// The line numbered `number`. The ledger numbers lines 1, 2, 3…, so it is looked for at its
    /// position first (a search copies every line it passes, with its strings).
    public func line(_ number: Int) -> RequestLine? {
        if lines.indices.contains(number - 1), lines[number - 1].number == number { return lines[number - 1] }
        return lines.first { $0.number == number }
    }
}

/// One kind+spec and quantity within a request.
public struct RequestLine: Equatable, Codable, Sendable {
    /// 1-based position within the request.
    public var number: Int
    public var item: ItemKey
    public var unit: String
    /// The quantity asked for.
    public var quantity: Int
    /// The quantity the recipient confirmed on delivery.
    public internal(set) var received: Int?

    public init(number: Int, item: ItemKey, unit: String, quantity: Int) {
        self.number = number
        self.item = item
        self.unit = unit
        self.quantity = quantity
    }
}

/// 补办手续: approval happens online at once; the paperwork follows offline.
public struct Paperwork: Equatable, Sendable {
    public var completedAt: Date?
    public var completedBy: String?
    public var isComplete: Bool { completedAt != nil }
}
