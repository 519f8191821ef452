import DayClearStore

/// How an import started from the import form ended; the run loop reports it with `finishImport`.
public enum ImportOutcome: Sendable, Equatable {
    /// Every row was recorded: this many recipients, lots or requests.
    case imported(Int)
    /// Nothing was recorded because of these problems, each naming file, row and column.
    case refused([ImportIssue])
    /// Nothing was recorded: the store or the roster refused.
    case failed(String)

    /// Runs an import and sorts its result; never throws. `describe` words a store failure
    /// (for instance "not saved", in the screen's language).
    public init(
        describing describe: (Error) -> String = { String(describing: $0) },
        running importing: () throws -> CSVImport.Result
    ) {
        do {
            let result = try importing()
            self = result.plan.issues.isEmpty ? .imported(result.plan.accepted) : .refused(result.plan.issues)
        } catch let issue as ImportIssue {
            self = .refused([issue])
        } catch {
            self = .failed(describe(error))
        }
    }
}
