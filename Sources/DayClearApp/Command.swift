/// What a key asks for, named after what the user did.
public enum Command: Sendable, Hashable {
    case moveUp
    case moveDown
    case pageUp
    case pageDown
    case nextScreen
    case previousScreen
    case showScreen(Screen)
    case focusGoods
    case focusRequests
    case startFilter
    case toggleHelp
    case cancel
    case quit
    case approveSelected
    case trimSelected
    case returnSelected
    case rejectSelected
    case approveAllInView
    /// The task force runs the planner and records its proposal (分配建议).
    case proposeByPlanner
    case nextInQueue
    case completePaperwork
    case dispatchSelected
    case deliverSelected
    case deliverSelectedCounted
    /// A coordinator records the routes screen's shuttle runs as the day's plan.
    case recordShuttleRuns
    /// An approver allows a substitute spec for a line of the selected request.
    case allowSubstitute
    case exportDayEnd
    case newArrival
    case newExpectedLot
    case newRequest
    case importFile
    case receiveSelectedLot
}
