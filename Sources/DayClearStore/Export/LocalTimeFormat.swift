import DayClearCore
import Foundation

/// Writes instants as local `2026-02-10 09:30` in the centre's time zone.
public struct LocalTimeFormat: Sendable {
    private let calendar: OperationalCalendar

    public init(_ calendar: OperationalCalendar) { self.calendar = calendar }

    /// The zone the texts are in.
    var timeZone: TimeZone { calendar.timeZone }

    /// The same text as `OperationalCalendar.localText`, by arithmetic on the zone's offset at that
    /// instant instead of `Calendar.dateComponents` and `String(format:)` (which made a day-end
    /// export of 100,000 dispatches take seconds).
    public func string(_ date: Date?) -> String {
        guard let date else { return "" }
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: date))
        let text = String(unsafeUninitializedCapacity: Self.textLength) {
            Self.write(localSeconds: local, into: $0) ? Self.textLength : 0
        }
        return text.isEmpty ? calendar.localText(date) : text
    }

    /// The length of `2026-02-10 09:30`.
    static let textLength = 16

    /// Writes `local`, seconds since 1970-01-01 00:00 in local time, as `2026-02-10 09:30` into the
    /// first `textLength` bytes of `bytes`; false when the year has not four digits (the caller
    /// then asks the calendar).
    static func write(localSeconds local: Int64, into bytes: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        let (days, second) = (local.floorDivided(by: 86_400), local.floorModulo(86_400))
        let (year, month, day) = civil(fromDays: days)
        guard (1000...9999).contains(year), bytes.count >= textLength else { return false }
        func put(_ value: Int, digits: Int, at position: Int) {
            var value = value
            for index in (position..<position + digits).reversed() {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(year, digits: 4, at: 0)
        bytes[4] = UInt8(ascii: "-")
        put(month, digits: 2, at: 5)
        bytes[7] = UInt8(ascii: "-")
        put(day, digits: 2, at: 8)
        bytes[10] = UInt8(ascii: " ")
        put(Int(second / 3_600), digits: 2, at: 11)
        bytes[13] = UInt8(ascii: ":")
        put(Int(second % 3_600 / 60), digits: 2, at: 14)
        return true
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
