/// The six screens of the TUI, each one key away.
public enum Screen: Int, CaseIterable, Sendable, Hashable {
    /// 两张清单: goods on the left, requests on the right.
    case lists
    /// 审批群: the approval queue.
    case group
    /// 分类运送: approved allocations by route class.
    case routes
    /// 补办手续: approvals whose offline paperwork is pending.
    case paperwork
    /// 日结/公示: the day's figures and the day-end export.
    case dayEnd
    /// 日志: the event history.
    case journal

    /// The screen's name in the given language.
    public func title(_ language: Language) -> String {
        switch self {
        case .lists: language.pick("两张清单", "Two lists")
        case .group: language.pick("审批群", "Approval group")
        case .routes: language.pick("分类运送", "Routes")
        case .paperwork: language.pick("补办手续", "Paperwork")
        case .dayEnd: language.pick("日结/公示", "Day end")
        case .journal: language.pick("日志", "Journal")
        }
    }

    /// The next screen, wrapping around.
    public var next: Screen {
        Screen(rawValue: (rawValue + 1) % Self.allCases.count) ?? .lists
    }

    /// The previous screen, wrapping around.
    public var previous: Screen {
        Screen(rawValue: (rawValue + Self.allCases.count - 1) % Self.allCases.count) ?? .lists
    }
}
