import Foundation

extension DomainEvent {
    /// One line saying what happened, for the journal and `history`.
    public var summary: String {
        switch self {
        case .calendarConfigured(let s):
            let clock = String(format: "%02d:%02d", s.cutoffMinutes / 60, s.cutoffMinutes % 60)
            return "configured the day: cutoff \(clock), \(s.timeZoneIdentifier)"
        case .recipientRegistered(let r): return "registered recipient \(r.id) \(r.name) (\(r.tier.chineseName))"
        case .lotRegistered(let r):
            let status: String
            switch r.status {
            case .arrived: status = "arrived"
            case .expected: status = "expected"
            }
            let directed = r.designatedRecipient.map { ", directed to \($0)" } ?? ""
            return "registered lot \(r.id): \(r.item) \(r.quantity) \(r.unit) from \(r.donor), \(status)\(directed)"
        case .lotReceived(let r): return "received lot \(r.lot): \(r.quantity)"
        case .lotValued(let v): return "valued lot \(v.lot): \(v.valuation.label)"
        case .requestSubmitted(let s): return "submitted \(s.id) for \(s.recipient): \(Self.lines(s.lines))"
        case .requestResubmitted(let s): return "resubmitted \(s.id): \(Self.lines(s.lines))"
        case .allocationProposed(let p):
            return "proposed \(p.quantity) from lot \(p.lot) for \(p.request) line \(p.line)"
        case .substitutionAllowed(let s): return "allowed spec \(s.spec) for \(s.request) line \(s.line)"
        case .substitutionRevoked(let s): return "revoked spec \(s.spec) for \(s.request) line \(s.line)"
        case .requestApproved(let q): return "approved \(q.request): \(Self.quantities(q))"
        case .requestReturned(let r): return "returned \(r.request)"
        case .requestRejected(let r): return "rejected \(r.request)"
        case .requestCancelled(let r): return "cancelled \(r.request)"
        case .requestDispatched(let r): return "dispatched \(r.request)"
        case .requestDelivered(let q): return "delivered \(q.request): received \(Self.quantities(q))"
        case .paperworkCompleted(let r): return "completed paperwork for \(r.request)"
        case .shuttleRunsPlanned(let p):
            let rate = p.forecastClearRate.map { String(format: ", forecast same-day clear %.1f%%", $0 * 100) } ?? ""
            return
                "planned \(p.runs.count) shuttle runs for \(p.day): \(p.stopCount) stops, \(p.kilometresText) km\(rate)"
        case .roleGranted(let c): return "granted \(c.user) the \(c.role.rawValue) role"
        case .roleRevoked(let c): return "revoked the \(c.role.rawValue) role from \(c.user)"
        case .serverGroupNamed(let g): return "named \(g.name) the group that may connect to the server"
        }
    }

    private static func lines(_ lines: [RequestLine]) -> String {
        lines.map { "\($0.item) \($0.quantity)" }.joined(separator: "; ")
    }

    private static func quantities(_ q: LineQuantities) -> String {
        q.quantities.sorted { $0.key < $1.key }.map { "line \($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
