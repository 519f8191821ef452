import DayClearCore
import Foundation

/// Sorts requests by a time, then by id in natural order (R-9 before R-10), with plain sort keys:
/// comparing `RequestID`s goes through Foundation's numeric string compare and moving whole
/// `Request` values through a comparator copies them, both slow for 100,000 requests.
enum RequestOrder {
    static func sorted(_ requests: [Request], by time: (Request) -> Date) -> [Request] {
        let ids = requests.map { NaturalOrder($0.id.rawValue) }
        let times = requests.map { time($0).timeIntervalSinceReferenceDate }
        return requests.indices.sorted { lhs, rhs in
            if times[lhs] != times[rhs] { return times[lhs] < times[rhs] }
            return ids[lhs] < ids[rhs]
        }.map { requests[$0] }
    }
}
