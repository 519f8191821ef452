import DayClearCore
import Foundation

/// Writes instants as local `2026-02-10 09:30` in the centre's time zone.
public struct LocalTimeFormat: Sendable {
    private let calendar: OperationalCalendar

    public init(_ calendar: OperationalCalendar) { self.calendar = calendar }

    /// The same text as `OperationalCalendar.localText`, by arithmetic on the zone's offset at that
    /// instant instead of `Calendar.dateComponents` and `String(format:)` (which made a day-end
    /// export of 100,000 dispatches take seconds).
    public func string(_ date: Date?) -> String {
        guard let date else { return "" }
        let offset = Int64(calendar.timeZone.secondsFromGMT(for: date))
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + offset
        let (days, second) = (local.floorDivided(by: 86_400), local.floorModulo(86_400))
        let (year, month, day) = Self.civil(fromDays: days)
        guard (1000...9999).contains(year) else { return calendar.localText(date) }
        var text = String(year)
        text.reserveCapacity(16)
        for (separator, value) in [
            ("-", month), ("-", day), (" ", Int(second / 3_600)), (":", Int(second % 3_600 / 60)),
        ] {
            text += separator
            if value < 10 { text += "0" }
            text += String(value)
        }
        return text
    }

    /// Year, month and day of a count of days since 1970-01-01 in the proleptic Gregorian calendar
    /// (H. Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    /// `HH:MM` only.
    public func clock(_ date: Date?) -> String { String(string(date).suffix(5)) }
}

/// `LocalTimeFormat` remembering what it wrote, by whole second: a day's report repeats the same
/// few thousand times across 100,000 rows, and each new one asks Foundation for the zone's offset.
struct LocalTimeTexts {
    let format: LocalTimeFormat
    private var written: [Int64: String] = [:]

    init(_ format: LocalTimeFormat) { self.format = format }

    /// The same text as `format.string(date)`, which depends only on the whole second.
    mutating func string(_ date: Date?) -> String {
        guard let date else { return "" }
        let second = Int64(date.timeIntervalSince1970.rounded(.down))
        if let text = written[second] { return text }
        let text = format.string(date)
        written[second] = text
        return text
    }
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

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    fileprivate func floorModulo(_ divisor: Int64) -> Int64 { self - floorDivided(by: divisor) * divisor }
}
