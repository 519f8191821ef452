import DayClearCore

/// Input that takes over the keyboard until it is submitted or cancelled with Esc.
public enum Modal: Sendable, Hashable {
    /// A prompt line collecting text for a purpose.
    case prompt(Prompt)
    /// A yes/no question; `y` runs the action.
    case confirm(Confirmation)
}

/// A prompt line: what it is for and what has been typed so far.
public struct Prompt: Sendable, Hashable {
    /// What the typed text is for.
    public enum Purpose: Sendable, Hashable {
        /// The filter of the current screen, applied as it is typed.
        case filter
        /// `LINE=QTY` pairs trimming a request's proposal before approving it.
        case trim(RequestID)
        /// The reason for returning a request.
        case returnReason(RequestID)
        /// The reason for rejecting a request.
        case rejectReason(RequestID)
        /// `LINE=QTY` pairs of what a recipient received, for a delivery short of what was sent.
        case received(RequestID)
        /// `LINE=SPEC`: a substitute spec an approver allows for one line; `-LINE=SPEC` revokes it.
        case substitute(RequestID)
    }

    /// What the text is for.
    public var purpose: Purpose
    /// The text typed so far.
    public var text: String

    /// Creates a prompt with empty or given text.
    public init(purpose: Purpose, text: String = "") {
        self.purpose = purpose
        self.text = text
    }

    /// The label before the typed text.
    public func label(_ language: Language) -> String {
        switch purpose {
        case .filter: "/"
        case .trim(let id): language.pick("削减 \(id)（行=数量）: ", "Trim \(id) (LINE=QTY): ")
        case .returnReason(let id): language.pick("退回 \(id) 的理由: ", "Reason to return \(id): ")
        case .rejectReason(let id): language.pick("驳回 \(id) 的理由: ", "Reason to reject \(id): ")
        case .received(let id): language.pick("\(id) 实收（行=数量）: ", "Received for \(id) (LINE=QTY): ")
        case .substitute(let id):
            language.pick(
                "\(id) 替代规格（行=规格 允许，-行=规格 撤销）: ", "Substitute for \(id) (LINE=SPEC, -LINE=SPEC revokes): ")
        }
    }
}

/// A yes/no question and the action a yes runs.
public struct Confirmation: Sendable, Hashable {
    /// What to do on yes.
    public enum Action: Sendable, Hashable {
        /// Approve all of these requests at the quantities proposed when asked, together or not at all.
        case approveAll([LineQuantities])
        /// Record these shuttle runs as the day's plan.
        case recordShuttleRuns(ShuttleRunsPlanned)
    }

    /// The action a yes runs.
    public var action: Action

    /// The question shown.
    public func question(_ language: Language) -> String {
        switch action {
        case .approveAll(let approvals):
            language.pick(
                "按建议一并批准视图中全部 \(approvals.count) 项申请（一项不能批准则都不批准）？(y/n)",
                "Approve all \(approvals.count) proposals in view, together or none? (y/n)")
        case .recordShuttleRuns(let plan):
            language.pick(
                "记录 \(plan.day) 的 \(plan.runs.count) 趟邮政专车为当日车次？(y/n)",
                "Record the shuttle plan for \(plan.day) (runs: \(plan.runs.count))? (y/n)")
        }
    }
}
