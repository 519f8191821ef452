import ArgumentParser
import DayClearCore
import DayClearStore
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

struct ListsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lists",
        abstract: "Show the day's two lists: available and expected goods, and dispatch requests.")

    @OptionGroup var data: DataOptions
    @Option(help: "The operational day (YYYY-MM-DD); default: the current one.") var day: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try data.open()
        let now = Date()
        let chosen = try resolveDay(day, ledger: store.ledger, now: now)
        let lists = DayLists(ledger: store.ledger, day: chosen, now: now)
        let stock = ListsTable.stock(lists, ledger: store.ledger)
        let requests = ListsTable.requests(lists, ledger: store.ledger)
        switch format {
        case .table:
            print("可供调拨和预到物资清单 Available and expected goods — \(chosen) (cutoff \(store.ledger.calendar.cutoffText))")
            print(renderText(stock))
            print("\n捐赠款物调拨清单 Dispatch requests — \(chosen)")
            print(renderText(requests))
        case .csv:
            FileHandle.standardOutput.write(stock.csv)
            FileHandle.standardOutput.write(Data("\r\n".utf8))
            FileHandle.standardOutput.write(requests.csv.dropFirst(3))
        case .json:
            let object: [String: Any] = [
                "day": chosen.description, "stock": stock.jsonObjects(), "requests": requests.jsonObjects(),
            ]
            let json = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            FileHandle.standardOutput.write(json + Data("\n".utf8))
        }
    }
}

/// The named day, or the operational day containing `now`.
func resolveDay(_ text: String?, ledger: Ledger, now: Date) throws -> CivilDate {
    guard let text else { return ledger.calendar.day(containing: now) }
    guard let day = CivilDate(text) else { throw CommandError("--day expects YYYY-MM-DD; got \(text)") }
    return day
}
