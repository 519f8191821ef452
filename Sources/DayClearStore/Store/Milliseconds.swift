import Foundation

extension Date {
    /// Whole milliseconds since 1970, the precision the store keeps.
    public var milliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    /// The instant at a whole number of milliseconds since 1970.
    ///
    /// Every time the store hands back is built here, so a model folded from
    /// events in memory equals the one replayed from disk.
    public init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// This instant rounded to the store's precision.
    public var storePrecision: Date { Date(milliseconds: milliseconds) }
}
