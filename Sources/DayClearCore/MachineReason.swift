/// The reasons DayClear itself records with an event: the planner's proposal and an adopted
/// shuttle plan. The log keeps them in English, as written, like every reason; the screens
/// recognise them to show them in the reader's language.
public enum MachineReason: Equatable, Sendable {
    /// Allocations the planner proposed under `rule`.
    case planner(PlanningRule)
    /// The day's shuttle runs as the route planner made them.
    case routePlan

    /// The text recorded with the event.
    public var recorded: String {
        switch self {
        case .planner(let rule): return "planner: \(rule.englishName)"
        case .routePlan: return "route plan"
        }
    }

    /// The reason in Chinese, as the screens show it.
    public var chinese: String {
        switch self {
        case .planner(let rule): return "分配建议：\(rule.chineseName)"
        case .routePlan: return "邮政专车路线计划"
        }
    }

    /// The machine reason `text` records with `event`, or nil for a reason a person wrote. Only the
    /// events DayClear records these reasons with are recognised: a person may type the same words.
    public init?(recorded text: String, with event: DomainEvent) {
        let candidate: MachineReason?
        switch event {
        case .shuttleRunsPlanned: candidate = .routePlan
        case .allocationProposed: candidate = PlanningRule.allCases.map(Self.planner).first { $0.recorded == text }
        default: candidate = nil
        }
        guard let candidate, candidate.recorded == text else { return nil }
        self = candidate
    }
}
