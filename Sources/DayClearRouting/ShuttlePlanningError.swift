import DayClearCore

/// Why the day's shuttle runs cannot be planned with the configuration given.
public enum ShuttlePlanningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Goods of this kind+spec go on the shuttle but their pack volume is not configured.
    case noPackVolume(ItemKey, request: RequestID, line: Int)

    public var description: String {
        switch self {
        case .noPackVolume(let item, let request, let line):
            return "no pack volume for \(item) (shuttled for \(request) line \(line)); add it to the pack volumes"
        }
    }
}
