/// A problem in one of the shuttle configuration files, with the file and row it is on.
public struct ShuttleConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The spreadsheet row (the header is row 1); nil for a problem with the whole file.
    public var row: Int?
    public var problem: String

    public init(file: String, row: Int?, _ problem: String) {
        self.file = file
        self.row = row
        self.problem = problem
    }

    public var description: String { row.map { "\(file):\($0): \(problem)" } ?? "\(file): \(problem)" }
}
