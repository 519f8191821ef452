/// How the planner shares scarce goods between request lines.
///
/// Every rule gives directed (定向) lots to their designated recipient first and
/// never mixes kinds or specs; they differ in how the rest is shared.
public enum PlanningRule: String, CaseIterable, Codable, Sendable {
    /// Strict tiers; within a tier, water-filling pro-rata to the asked quantity, in whole packs.
    case `default`
    /// Pro-rata to the asked quantity across all tiers at once.
    case proRata = "pro-rata"
    /// Constrained equal awards: the same number of units per line, capped at its need.
    case equalAwards = "equal"
    /// Tier, then needed-by, then first come first served; each line filled in turn.
    case strictPriority = "strict"

    public var chineseName: String {
        switch self {
        case .default: return "默认规则(定向优先、分级、按比例)"
        case .proRata: return "按比例分配"
        case .equalAwards: return "平均分配"
        case .strictPriority: return "严格优先级"
        }
    }

    public var englishName: String {
        switch self {
        case .default: return "default rule"
        case .proRata: return "pro-rata rule"
        case .equalAwards: return "equal-awards rule"
        case .strictPriority: return "strict-priority rule"
        }
    }
}
