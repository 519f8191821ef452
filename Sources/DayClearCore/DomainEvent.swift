import Foundation

/// A change to the ledger. The only way state changes: commands produce events,
/// the store makes them durable, and `Ledger.apply` folds them in.
public enum DomainEvent: Equatable, Sendable {
    /// The centre's time zone and cutoff; recorded by `init`.
    case calendarConfigured(CalendarSettings)
    case recipientRegistered(Recipient)
    case lotRegistered(LotRegistration)
    /// An expected lot arrived, counted at `quantity`.
    case lotReceived(LotReceipt)
    case lotValued(LotValuation)
    case requestSubmitted(RequestSubmission)
    /// A returned request is sent back for a decision, possibly with revised lines.
    case requestResubmitted(RequestSubmission)
    case allocationProposed(AllocationProposal)
    /// A supervisor allows a line to be filled with another spec of its kind.
    case substitutionAllowed(SubstitutionAllowance)
    /// A supervisor takes an allowed substitute back; what was allocated under it stays.
    case substitutionRevoked(SubstitutionAllowance)
    /// The approver's decision: the approved quantity of every line.
    case requestApproved(LineQuantities)
    case requestReturned(RequestReference)
    case requestRejected(RequestReference)
    case requestCancelled(RequestReference)
    case requestDispatched(RequestReference)
    /// What the recipient confirmed, line by line.
    case requestDelivered(LineQuantities)
    case paperworkCompleted(RequestReference)
    /// The day's shuttle runs, as a coordinator adopted them.
    case shuttleRunsPlanned(ShuttleRunsPlanned)
    /// An admin gives a user a role.
    case roleGranted(RoleChange)
    /// An admin takes a role away; the last admin cannot lose the admin role.
    case roleRevoked(RoleChange)
    /// An admin names the operating-system group whose members may reach the server's socket.
    case serverGroupNamed(ServerGroup)
}

// MARK: - Payloads

public struct CalendarSettings: Equatable, Codable, Sendable {
    public var timeZoneIdentifier: String
    public var cutoffMinutes: Int

    public init(timeZoneIdentifier: String, cutoffMinutes: Int) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.cutoffMinutes = cutoffMinutes
    }
}

public struct LotRegistration: Equatable, Codable, Sendable {
    public var id: LotID
    public var item: ItemKey
    public var unit: String
    public var quantity: Int
    public var packSize: Int
    public var donor: String
    public var status: Lot.Status
    public var expiry: Date?
    public var designatedRecipient: RecipientID?
    public var valuation: Valuation

    public init(
        id: LotID, item: ItemKey, unit: String, quantity: Int, packSize: Int, donor: String,
        status: Lot.Status, expiry: Date? = nil, designatedRecipient: RecipientID? = nil,
        valuation: Valuation = .pending
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
}

public struct LotReceipt: Equatable, Codable, Sendable {
    public var lot: LotID
    public var quantity: Int
    public init(lot: LotID, quantity: Int) {
        self.lot = lot
        self.quantity = quantity
    }
}

public struct LotValuation: Equatable, Codable, Sendable {
    public var lot: LotID
    public var valuation: Valuation
    public init(lot: LotID, valuation: Valuation) {
        self.lot = lot
        self.valuation = valuation
    }
}

public struct RequestSubmission: Equatable, Codable, Sendable {
    public var id: RequestID
    public var recipient: RecipientID
    public var neededBy: Date
    /// When the department submitted it; the event's own time when absent.
    public var submittedAt: Date?
    public var lines: [RequestLine]
    /// The department's remark (备注), e.g. "ICU 扩容".
    public var note: String?

    public init(
        id: RequestID, recipient: RecipientID, neededBy: Date, submittedAt: Date? = nil,
        lines: [RequestLine], note: String? = nil
    ) {
        self.id = id
        self.recipient = recipient
        self.neededBy = neededBy
        self.submittedAt = submittedAt
        self.lines = lines
        self.note = note
    }
}

public struct AllocationProposal: Equatable, Codable, Sendable {
    public var request: RequestID
    public var line: Int
    public var lot: LotID
    public var quantity: Int

    public init(request: RequestID, line: Int, lot: LotID, quantity: Int) {
        self.request = request
        self.line = line
        self.lot = lot
        self.quantity = quantity
    }
}

/// A quantity for each of a request's lines, keyed by line number.
public struct LineQuantities: Hashable, Codable, Sendable {
    public var request: RequestID
    public var quantities: [Int: Int]

    public init(request: RequestID, quantities: [Int: Int]) {
        self.request = request
        self.quantities = quantities
    }
}

/// One role of one operating-system user.
/// The operating-system group `dayclear serve` gives its socket (docs/server.md).
public struct ServerGroup: Equatable, Codable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

public struct RoleChange: Equatable, Codable, Sendable {
    public var user: String
    public var role: Role
    public init(user: String, role: Role) {
        self.user = user
        self.role = role
    }
}

public struct RequestReference: Equatable, Codable, Sendable {
    public var request: RequestID
    public init(request: RequestID) { self.request = request }
}
