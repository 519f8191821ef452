/// The life of a request.
///
///     submitted → proposed → approved → dispatched → delivered
///     submitted | proposed → returned → submitted (resubmitted)
///     submitted | proposed → rejected
///     submitted | proposed | returned → cancelled
public enum RequestState: String, CaseIterable, Codable, Sendable {
    case submitted
    case proposed
    case approved
    case returned
    case rejected
    case cancelled
    case dispatched
    case delivered

    /// The states this one may move to.
    public var successors: Set<RequestState> {
        switch self {
        case .submitted: return [.proposed, .returned, .rejected, .cancelled]
        case .proposed: return [.proposed, .approved, .returned, .rejected, .cancelled]
        case .returned: return [.submitted, .cancelled]
        case .approved: return [.dispatched]
        case .dispatched: return [.delivered]
        case .rejected, .cancelled, .delivered: return []
        }
    }

    public func canMove(to next: RequestState) -> Bool { successors.contains(next) }

    /// Still waiting for an approver's decision.
    public var awaitsDecision: Bool { self == .submitted || self == .proposed }

    /// Neither finished nor closed: still part of the day's work.
    public var isOpen: Bool {
        switch self {
        case .submitted, .proposed, .returned, .approved, .dispatched: return true
        case .rejected, .cancelled, .delivered: return false
        }
    }

    public var chineseName: String {
        switch self {
        case .submitted: return "已提交"
        case .proposed: return "已建议"
        case .approved: return "已批准"
        case .returned: return "已退回"
        case .rejected: return "已驳回"
        case .cancelled: return "已撤销"
        case .dispatched: return "已发出"
        case .delivered: return "已送达"
        }
    }
}
