import ArgumentParser
import DayClearCore
import DayClearStore
import Foundation

/// `--data DIR`, shared by every command.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data"),
        help: ArgumentHelp(
            "The data directory.", discussion: "Defaults to $DAYCLEAR_DATA, else ~/.local/share/dayclear.",
            valueName: "DIR"))
    var path: String = DataDirectory.defaultPath()

    var directory: DataDirectory { DataDirectory(path: path) }

    /// Opens the store as the current operating-system user.
    func open() throws -> LedgerStore {
        try directory.open(actor: currentUserName())
    }
}

/// Prints to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Parses `N=QTY` pairs such as `--line 2=300`.
func lineQuantities(_ pairs: [String], option: String) throws -> [Int: Int] {
    var result: [Int: Int] = [:]
    for pair in pairs {
        let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let line = Int(parts[0]), let quantity = Int(parts[1]) else {
            throw CommandError("\(option) expects LINE=QUANTITY, e.g. \(option) 1=300; got \(pair)")
        }
        guard quantity >= 0 else { throw CommandError("\(option) \(pair): the quantity is negative") }
        guard result[line] == nil else { throw CommandError("\(option): line \(line) given twice") }
        result[line] = quantity
    }
    return result
}

/// A mistake in what was typed, found while running; printed as `Error: …`
/// without the usage text of another command.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
