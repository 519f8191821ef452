import DayClearCore
import Foundation

/// A request's place in a list by a time, then by id in natural order (R-9 before R-10), as plain
/// sort keys: comparing `RequestID`s goes through Foundation's numeric string compare, slow for
/// 100,000 requests.
struct RequestOrder: Comparable, Sendable {
    var time: Double
    var id: NaturalOrder

    init(time: Date, id: RequestID) {
        self.time = time.timeIntervalSinceReferenceDate
        self.id = NaturalOrder(id.rawValue)
    }

    static func < (lhs: RequestOrder, rhs: RequestOrder) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        return lhs.id < rhs.id
    }
}
