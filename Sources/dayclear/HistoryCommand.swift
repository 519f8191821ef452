import ArgumentParser
import DayClearCore
import DayClearStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "The audit trail: who did what, when and why.")

    @OptionGroup var data: DataOptions
    @Option(help: "Only events about this request.") var request: String?
    @Option(help: "Only events about this lot, including allocations from it.") var lot: String?
    @Option(help: "Only events by this user.") var user: String?

    func run() throws {
        let store = try data.open()
        let time = LocalTimeFormat(store.ledger.calendar)
        for event in try store.log.events(after: 0) where matches(event) {
            let reason = event.reason.map { " — \($0)" } ?? ""
            print("\(event.sequence)\t\(time.string(event.time))\t\(event.actor)\t\(event.event.summary)\(reason)")
        }
    }

    private func matches(_ event: RecordedEvent) -> Bool {
        if let request, event.event.requestID?.rawValue != request { return false }
        if let lot, event.event.lotID?.rawValue != lot { return false }
        if let user, event.actor != user { return false }
        return true
    }
}
