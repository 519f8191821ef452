/// A problem in a TSPLIB file, with the line it is on (1-based).
public struct TSPLIBError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var problem: String

    public init(line: Int, _ problem: String) {
        self.line = line
        self.problem = problem
    }

    public var description: String { "line \(line): \(problem)" }
}
