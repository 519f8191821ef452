import Foundation
import Testing

@testable import DayClearCore

@Suite("Operational calendar")
struct CalendarTests {
    let shanghai = OperationalCalendar(timeZone: Clock.zone)

    static func day(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test("the default cutoff is 16:00")
    func defaultCutoff() {
        #expect(shanghai.cutoffMinutes == 960)
        #expect(shanghai.cutoffText == "16:00")
    }

    @Test(
        "an instant belongs to the day whose window contains it",
        arguments: [
            (Clock.at(2026, 2, 9, 16, 0), "2026-02-10"),
            (Clock.at(2026, 2, 9, 15, 59, 59), "2026-02-09"),
            (Clock.at(2026, 2, 10, 0, 0), "2026-02-10"),
            (Clock.at(2026, 2, 10, 9, 0), "2026-02-10"),
            (Clock.at(2026, 2, 10, 15, 59, 59), "2026-02-10"),
            (Clock.at(2026, 2, 10, 16, 0), "2026-02-11"),
            (Clock.at(2026, 2, 10, 23, 59, 59), "2026-02-11"),
            (Clock.at(2026, 2, 28, 16, 0), "2026-03-01"),
            (Clock.at(2026, 12, 31, 16, 0), "2027-01-01"),
            (Clock.at(2028, 2, 28, 17, 0), "2028-02-29"),
        ])
    func dayContaining(_ instant: Date, _ expected: String) {
        #expect(shanghai.day(containing: instant) == Self.day(expected))
    }

    @Test("the cutoff is applied in the centre's zone, not UTC")
    func zoneMatters() {
        // 2026-02-10 08:00 UTC is 16:00 in Shanghai.
        let instant = Date(timeIntervalSince1970: 1_770_710_400)
        #expect(shanghai.calendarDate(of: instant) == Self.day("2026-02-10"))
        #expect(shanghai.day(containing: instant) == Self.day("2026-02-11"))
        #expect(shanghai.day(containing: instant.addingTimeInterval(-1)) == Self.day("2026-02-10"))
        let utc = OperationalCalendar(timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.day(containing: instant) == Self.day("2026-02-10"))
    }

    @Test("window(of:) is [cutoff on D−1, cutoff on D)")
    func window() {
        let day = Self.day("2026-02-10")
        let window = shanghai.window(of: day)
        #expect(window.start == Clock.at(2026, 2, 9, 16, 0))
        #expect(window.end == Clock.at(2026, 2, 10, 16, 0))
        #expect(window.duration == 24 * 3600)
        #expect(shanghai.day(containing: window.start) == day)
        #expect(shanghai.day(containing: window.end.addingTimeInterval(-0.001)) == day)
        #expect(shanghai.day(containing: window.end) == Self.day("2026-02-11"))
        #expect(shanghai.day(containing: window.start.addingTimeInterval(-0.001)) == Self.day("2026-02-09"))
        // Consecutive windows meet.
        #expect(shanghai.window(of: Self.day("2026-02-11")).start == window.end)
        // Across a month end.
        let march = shanghai.window(of: Self.day("2026-03-01"))
        #expect(march.start == Clock.at(2026, 2, 28, 16, 0))
    }

    @Test("a custom cutoff moves the boundary", arguments: [(8 * 60 + 30, "08:30"), (18 * 60, "18:00")])
    func customCutoff(_ minutes: Int, _ text: String) {
        let calendar = OperationalCalendar(timeZone: Clock.zone, cutoffMinutes: minutes)
        #expect(calendar.cutoffText == text)
        #expect(OperationalCalendar.minutes(fromClock: text) == minutes)
        let cutoff = Clock.at(2026, 2, 10, minutes / 60, minutes % 60)
        #expect(calendar.cutoff(on: Self.day("2026-02-10")) == cutoff)
        #expect(calendar.day(containing: cutoff.addingTimeInterval(-1)) == Self.day("2026-02-10"))
        #expect(calendar.day(containing: cutoff) == Self.day("2026-02-11"))
        let window = calendar.window(of: Self.day("2026-02-10"))
        #expect(window.start == Clock.at(2026, 2, 9, minutes / 60, minutes % 60))
        #expect(window.end == cutoff)
    }

    @Test("a configured ledger uses its own cutoff")
    func ledgerCalendar() throws {
        var ledger = Ledger()
        try ledger.apply(
            RecordedEvent(
                sequence: 1, time: Clock.morning, actor: "admin", reason: nil,
                event: .calendarConfigured(CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: 600))))
        #expect(ledger.calendar.day(containing: Clock.at(2026, 2, 10, 10, 0)) == Self.day("2026-02-11"))
        #expect(ledger.calendar.day(containing: Clock.at(2026, 2, 10, 9, 59)) == Self.day("2026-02-10"))
    }

    @Test("clock parsing", arguments: [("16:00", 960), ("00:00", 0), ("23:59", 1439)])
    func clockParsing(_ text: String, _ minutes: Int) {
        #expect(OperationalCalendar.minutes(fromClock: text) == minutes)
    }

    @Test("clock parsing rejects impossible times", arguments: ["24:00", "12:60", "noon", "", "16", "16:00:00"])
    func clockRejects(_ text: String) {
        #expect(OperationalCalendar.minutes(fromClock: text) == nil)
    }

    @Test("HH:MM means digits only: signs are refused", arguments: ["+6:00", "16:+0", "-0:30", "+16:00"])
    func clockRejectsSigns(_ text: String) {
        #expect(
            OperationalCalendar.minutes(fromClock: text) == nil,
            "\(text) parsed as \(String(describing: OperationalCalendar.minutes(fromClock: text)))")
    }

    @Test("day arithmetic")
    func dayArithmetic() {
        #expect(shanghai.next(Self.day("2026-02-28")) == Self.day("2026-03-01"))
        #expect(shanghai.previous(Self.day("2026-01-01")) == Self.day("2025-12-31"))
        #expect(shanghai.adding(days: 7, to: Self.day("2026-02-10")) == Self.day("2026-02-17"))
        #expect(shanghai.startOfDate(Self.day("2026-02-10")) == Clock.at(2026, 2, 10))
    }
}

@Suite("Civil dates")
struct CivilDateTests {
    @Test("YYYY-MM-DD parses")
    func parses() throws {
        let date = try #require(CivilDate("2026-02-10"))
        #expect(date == CivilDate(year: 2026, month: 2, day: 10))
        #expect(date.description == "2026-02-10")
        #expect(CivilDate("2024-02-29") == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate("2026-12-31") != nil)
    }

    @Test(
        "anything else is rejected",
        arguments: [
            "2026-2-10", "2026-02-30", "abc", "", "2026-13-01", "2026-00-10", "2026-02-00", "2025-02-29",
            "2026/02/10", "20260210", "2026-02-10 ", " 2026-02-10", "2026-02-10-01", "26-02-10", "2026-02-1a",
        ])
    func rejects(_ text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test(
        "signs are not digits: YYYY-MM-DD means digits only",
        arguments: ["2026-+2-10", "2026-02-+1", "+026-02-10", "２０２６-02-10", "2026-０2-10"])
    func rejectsSigns(_ text: String) {
        #expect(CivilDate(text) == nil, "\(text) parsed as \(String(describing: CivilDate(text)))")
    }

    @Test("dates order and round-trip through JSON")
    func orderAndCoding() throws {
        let days = ["2026-02-10", "2025-12-31", "2026-01-31", "2026-02-09"].compactMap(CivilDate.init)
        #expect(days.sorted().map(\.description) == ["2025-12-31", "2026-01-31", "2026-02-09", "2026-02-10"])
        let data = try JSONEncoder().encode(days)
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-02-10","2025-12-31","2026-01-31","2026-02-09"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == days)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}

@Suite struct CivilDateTextTests {
    @Test func writtenAsPrintfWouldWriteIt() {
        for (year, month, day) in [(2026, 2, 10), (2026, 12, 31), (999, 1, 1), (5, 10, 9), (12_345, 7, 30), (-5, 3, 4)]
        {
            #expect(
                CivilDate(year: year, month: month, day: day).description
                    == String(format: "%04d-%02d-%02d", year, month, day))
        }
    }
}
