import ArgumentParser
import DayClearCore
import DayClearStore
import Foundation

extension ImportKind: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import recipients, stock or requests from a CSV file (UTF-8 or GB18030, Chinese or English headers).",
        discussion: """
            The import is atomic: if any row is bad, every bad row is printed as FILE:ROW:COLUMN: reason, \
            nothing is imported and the exit status is 1. With --valid-only the good rows are imported \
            and the bad ones are written to a rejects file.
            """)

    @OptionGroup var data: DataOptions

    @Argument(help: "What the file holds: recipients, stock or requests.")
    var kind: ImportKind

    @Argument(help: "The CSV file.")
    var file: String

    @Flag(help: "Import the good rows and write the rejected ones to a file.")
    var validOnly = false

    @Option(help: "Where --valid-only writes rejected rows (default: FILE.rejected.csv).")
    var rejects: String?

    func run() throws {
        let store = try data.open()
        let result = try CSVImport(kind: kind, path: file).run(on: store, validOnly: validOnly, rejectsPath: rejects)
        for issue in result.plan.issues { printError(issue.description) }
        if let written = result.rejectsFile {
            printError("\(result.plan.rejected.count) rejected row(s) written to \(written)")
        }
        guard result.imported else {
            printError("Nothing imported: \(result.plan.issues.count) problem(s) in \(file).")
            throw ExitCode.failure
        }
        print("Imported \(result.plan.accepted) \(kind.rawValue) from \(file).")
    }
}
