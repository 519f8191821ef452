import Foundation

/// 替代规格: a supervisor allows one request line to be filled with another spec of the same kind,
/// e.g. KN95 for a line asking for 医用防护 N95. The approver's name and time come from the event.
public struct SubstitutionAllowance: Equatable, Codable, Sendable {
    public var request: RequestID
    public var line: Int
    /// The spec allowed instead of the line's own, of the line's kind.
    public var spec: String

    public init(request: RequestID, line: Int, spec: String) {
        self.request = request
        self.line = line
        self.spec = spec
    }
}

/// A substitution the ledger holds for one request line: what may be used, who allowed it, when,
/// and who took it back. A revoked one is kept, since allocations made under it stay valid.
public struct Substitution: Equatable, Sendable {
    public var line: Int
    /// The kind+spec that may fill the line.
    public var item: ItemKey
    public var allowedBy: String
    public var allowedAt: Date
    public var revokedBy: String?
    public var revokedAt: Date?

    public init(
        line: Int, item: ItemKey, allowedBy: String, allowedAt: Date, revokedBy: String? = nil, revokedAt: Date? = nil
    ) {
        self.line = line
        self.item = item
        self.allowedBy = allowedBy
        self.allowedAt = allowedAt
        self.revokedBy = revokedBy
        self.revokedAt = revokedAt
    }

    /// Whether new allocations may still use it.
    public var isActive: Bool { revokedAt == nil }
}
