import Foundation

/// Units of one lot promised to one request line.
public struct Allocation: Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        /// Proposed by the task force or the planner, awaiting a decision.
        case proposed
        /// Approved (possibly trimmed), not yet dispatched.
        case approved
        /// Left the centre.
        case dispatched
        /// The request was returned, rejected or cancelled, or trimmed to zero.
        case released
    }

    /// Position in the ledger, starting at 1.
    public var id: Int
    public var lot: LotID
    public var request: RequestID
    public var line: Int
    public var proposedQuantity: Int
    public var proposedAt: Date
    public var proposedBy: String
    /// The quantity after the approver's decision (equal to or below the proposal).
    public internal(set) var approvedQuantity: Int?
    public internal(set) var status: Status = .proposed
    public internal(set) var dispatchedAt: Date?

    /// The units this allocation holds against its lot now.
    public var activeQuantity: Int {
        switch status {
        case .proposed: return proposedQuantity
        case .approved, .dispatched: return approvedQuantity ?? 0
        case .released: return 0
        }
    }
}
