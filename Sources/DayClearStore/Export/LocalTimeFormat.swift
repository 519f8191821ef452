import DayClearCore
import Foundation

/// Writes instants as local `2026-02-10 09:30` in the centre's time zone.
public struct LocalTimeFormat: Sendable {
    private let calendar: OperationalCalendar

    public init(_ calendar: OperationalCalendar) { self.calendar = calendar }

    public func string(_ date: Date?) -> String {
        date.map(calendar.localText) ?? ""
    }

    /// `HH:MM` only.
    public func clock(_ date: Date?) -> String { String(string(date).suffix(5)) }
}

/// Writes fen as yuan with two decimals: 1250 → "12.50".
public func yuanText(_ fen: Fen?) -> String {
    guard let fen else { return "" }
    let sign = fen < 0 ? "-" : ""
    let magnitude = fen.magnitude
    return "\(sign)\(magnitude / 100).\(String(format: "%02d", Int(magnitude % 100)))"
}

/// A rate as a percentage with one decimal, or empty when there is no rate.
public func percentText(_ rate: Double?) -> String {
    guard let rate else { return "" }
    return String(format: "%.1f", rate * 100)
}
