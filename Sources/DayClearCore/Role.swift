/// What a person may do in DayClear.
public enum Role: String, CaseIterable, Codable, Comparable, Sendable {
    /// 仓库协调员: registers arrivals, imports lists, confirms loading and delivery.
    case coordinator
    /// 捐赠专班: proposes the allocation.
    case taskForce = "task-force"
    /// 党组、执委会: approves, trims, returns or rejects.
    case approver
    /// Reads everything, changes nothing.
    case viewer
    /// Sets the centre up.
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    public var chineseName: String {
        switch self {
        case .coordinator: return "仓库协调员"
        case .taskForce: return "捐赠专班"
        case .approver: return "审批人"
        case .viewer: return "查看"
        case .admin: return "管理员"
        }
    }

    /// Accepts the English or Chinese name.
    public init?(name: String) {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let role = Role.allCases.first(where: { $0.rawValue == key || $0.chineseName == key }) else {
            return nil
        }
        self = role
    }
}

extension DomainEvent {
    /// The role a person needs to record this event.
    public var requiredRole: Role {
        switch self {
        case .calendarConfigured, .roleGranted, .roleRevoked, .serverGroupNamed: return .admin
        case .allocationProposed: return .taskForce
        case .requestApproved, .requestReturned, .requestRejected, .substitutionAllowed, .substitutionRevoked:
            return .approver
        case .recipientRegistered, .lotRegistered, .lotReceived, .lotValued, .requestSubmitted,
            .requestResubmitted, .requestCancelled, .requestDispatched, .requestDelivered, .paperworkCompleted,
            .shuttleRunsPlanned:
            return .coordinator
        }
    }

    /// What the event does, in words for a refusal: "approving".
    public var actionName: String {
        switch self {
        case .calendarConfigured: return "configuring the day"
        case .recipientRegistered: return "registering recipients"
        case .lotRegistered: return "registering stock"
        case .lotReceived: return "receiving goods"
        case .lotValued: return "valuing goods"
        case .requestSubmitted, .requestResubmitted: return "entering requests"
        case .allocationProposed: return "proposing allocations"
        case .substitutionAllowed, .substitutionRevoked: return "allowing substitutions"
        case .requestApproved: return "approving"
        case .requestReturned: return "returning requests"
        case .requestRejected: return "rejecting requests"
        case .requestCancelled: return "cancelling requests"
        case .requestDispatched: return "dispatching"
        case .requestDelivered: return "recording deliveries"
        case .paperworkCompleted: return "completing paperwork"
        case .shuttleRunsPlanned: return "planning shuttle runs"
        case .roleGranted, .roleRevoked, .serverGroupNamed: return "changing the roster"
        }
    }
}
