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
        for event in try store.events(after: 0) where matches(event) {
            let reason = event.reason.map { " — \($0)" } ?? ""
            let text = [time.string(event.time), event.actor, event.event.summary + reason].map(singleLine)
            print("\(event.sequence)\t" + text.joined(separator: "\t"))
        }
    }

    private func matches(_ event: RecordedEvent) -> Bool {
        if let request, event.event.requestID?.rawValue != request { return false }
        if let lot, event.event.lotID?.rawValue != lot { return false }
        if let user, event.actor != user { return false }
        return true
    }
}

/// Text made safe for one line of a tab-separated listing: control characters
/// (newlines, tabs, escapes) are shown as `\n`, `\t` or `\u{…}`, so free text can
/// never pass for another entry.
func singleLine(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\\": result += "\\\\"
        default:
            let category = scalar.properties.generalCategory
            if category == .control || category == .lineSeparator || category == .paragraphSeparator {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result
}
