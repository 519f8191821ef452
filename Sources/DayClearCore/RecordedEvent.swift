import Foundation

/// An event as the store holds it: numbered, timed and attributed.
public struct RecordedEvent: Equatable, Sendable {
    /// Position in the log, starting at 1 with no gaps.
    public var sequence: Int64
    public var time: Date
    /// The operating-system user who did it.
    public var actor: String
    /// Why, where the action calls for one (return, reject, cancel).
    public var reason: String?
    public var event: DomainEvent

    public init(sequence: Int64, time: Date, actor: String, reason: String?, event: DomainEvent) {
        self.sequence = sequence
        self.time = time
        self.actor = actor
        self.reason = reason
        self.event = event
    }
}

extension DomainEvent {
    /// The request this event concerns, if any.
    public var requestID: RequestID? {
        switch self {
        case .requestSubmitted(let s), .requestResubmitted(let s): return s.id
        case .allocationProposed(let p): return p.request
        case .substitutionAllowed(let s), .substitutionRevoked(let s): return s.request
        case .requestApproved(let q), .requestDelivered(let q): return q.request
        case .requestReturned(let r), .requestRejected(let r), .requestCancelled(let r),
            .requestDispatched(let r), .paperworkCompleted(let r):
            return r.request
        case .calendarConfigured, .recipientRegistered, .lotRegistered, .lotReceived, .lotValued,
            .shuttleRunsPlanned, .roleGranted, .roleRevoked, .serverGroupNamed:
            return nil
        }
    }

    /// The lot this event concerns, if any.
    public var lotID: LotID? {
        switch self {
        case .lotRegistered(let r): return r.id
        case .lotReceived(let r): return r.lot
        case .lotValued(let v): return v.lot
        case .allocationProposed(let p): return p.lot
        default: return nil
        }
    }
}
