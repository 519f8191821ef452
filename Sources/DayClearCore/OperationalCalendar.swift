import Foundation

/// The operational day and its cutoff.
///
/// Goods that arrive after the cutoff (16:00 by default) belong to the next
/// day's list, so operational day D runs from the cutoff on D−1 to the cutoff
/// on D. Pure arithmetic: the current time is always passed in.
public struct OperationalCalendar: Equatable, Sendable {
    public var timeZone: TimeZone
    /// Minutes after local midnight (960 = 16:00).
    public var cutoffMinutes: Int

    public static let defaultCutoffMinutes = 16 * 60

    public init(timeZone: TimeZone, cutoffMinutes: Int = OperationalCalendar.defaultCutoffMinutes) {
        self.timeZone = timeZone
        self.cutoffMinutes = cutoffMinutes
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The operational day an instant belongs to.
    public func day(containing instant: Date) -> CivilDate {
        let local = calendarDate(of: instant)
        return instant >= cutoff(on: local) ? next(local) : local
    }

    /// The half-open interval [cutoff on D−1, cutoff on D).
    public func window(of day: CivilDate) -> DateInterval {
        DateInterval(start: cutoff(on: previous(day)), end: cutoff(on: day))
    }

    /// The calendar date (not the operational day) of an instant in this time zone.
    public func calendarDate(of instant: Date) -> CivilDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Local midnight at the start of a calendar date.
    public func startOfDate(_ date: CivilDate) -> Date {
        let components = DateComponents(year: date.year, month: date.month, day: date.day)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    public func cutoff(on date: CivilDate) -> Date {
        calendar.date(byAdding: .minute, value: cutoffMinutes, to: startOfDate(date))
            ?? startOfDate(date)
    }

    public func adding(days: Int, to date: CivilDate) -> CivilDate {
        let moved = calendar.date(byAdding: .day, value: days, to: startOfDate(date)) ?? startOfDate(date)
        return calendarDate(of: moved)
    }

    public func next(_ date: CivilDate) -> CivilDate { adding(days: 1, to: date) }
    public func previous(_ date: CivilDate) -> CivilDate { adding(days: -1, to: date) }

    /// `2026-02-10 09:30`: an instant in the centre's local time, to the minute.
    public func localText(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// Minutes after local midnight of an instant.
    public func minuteOfDay(_ instant: Date) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    /// `HH:MM` of the cutoff.
    public var cutoffText: String {
        String(format: "%02d:%02d", cutoffMinutes / 60, cutoffMinutes % 60)
    }

    /// Parses `HH:MM` into minutes after midnight.
    public static func minutes(fromClock text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0..<24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }
}
