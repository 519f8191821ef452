import DayClearCore
import Foundation

/// Writes instants as local `2026-02-10 09:30` in the centre's time zone.
public struct LocalTimeFormat: Sendable {
    private let calendar: OperationalCalendar

    public init(_ calendar: OperationalCalendar) { self.calendar = calendar }

    public func string(_ date: Date?) -> String {
        guard let date else { return "" }
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        let parts = gregorian.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
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
