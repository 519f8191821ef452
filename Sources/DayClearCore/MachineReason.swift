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

    /// The machine reason `text` records, or nil for a reason a person wrote.
    public init?(recorded text: String) {
        let every = [Self.routePlan] + PlanningRule.allCases.map(Self.planner)
        guard let reason = every.first(where: { $0.recorded == text }) else { return nil }
        self = reason
    }
}
