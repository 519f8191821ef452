import DayClearCore
import Foundation
import SeededRandom
import Testing

@testable import DayClearStore

/// The export's own time formatting writes exactly what `OperationalCalendar.localText` writes.
@Suite("Local time format")
struct LocalTimeFormatTests {
    @Test(
        "random instants in zones with and without daylight saving read as localText reads them",
        arguments: ["Asia/Shanghai", "Europe/Berlin", "America/St_Johns", "Pacific/Chatham", "GMT"])
    func sameAsCalendar(zone: String) throws {
        let calendar = OperationalCalendar(timeZone: try #require(TimeZone(identifier: zone)))
        let format = LocalTimeFormat(calendar)
        var random = SplitMix64(seed: 7)
        for _ in 0..<3_000 {
            // 1900–2100, some instants off the second and before 1970.
            let seconds =
                Double(Int64(random.next() % 6_311_390_400) - 2_208_988_800) + Double(random.next() % 1_000) / 1_000
            let date = Date(timeIntervalSince1970: seconds)
            #expect(format.string(date) == calendar.localText(date), "\(seconds)")
        }
        #expect(format.string(nil) == "")
    }

    @Test(
        "the writer remembering the zone's offset per second writes the format's texts, in any order",
        arguments: [
            "Europe/Berlin", "Asia/Shanghai", "Europe/Moscow", "America/Caracas", "Asia/Pyongyang", "Pacific/Apia",
            "Australia/Lord_Howe", "GMT",
        ])
    func writerWritesTheFormatsTexts(zone: String) throws {
        let format = LocalTimeFormat(OperationalCalendar(timeZone: try #require(TimeZone(identifier: zone))))
        var random = SplitMix64(seed: 11)
        var instants: [Date?] = [nil]
        // Minutes in a row across 1900–2100 (each through whatever transitions it meets), and
        // random instants, some off the second, some revisiting an earlier span.
        for _ in 0..<40 {
            let start = Double(Int64(random.next() % 6_311_390_400) - 2_208_988_800)
            for step in 0..<200 { instants.append(Date(timeIntervalSince1970: start + Double(step) * 1_777.5)) }
        }
        for _ in 0..<4_000 {
            let seconds =
                Double(Int64(random.next() % 6_311_390_400) - 2_208_988_800) + Double(random.next() % 1_000) / 1_000
            instants.append(Date(timeIntervalSince1970: seconds))
        }
        // 2026-03-29 00:00–04:00 UTC (Berlin's clocks go forward at 01:00 UTC), back and forth.
        for _ in 0..<2_000 {
            instants.append(Date(timeIntervalSince1970: 1_774_742_400 + Double(random.next() % 14_400_000) / 1_000))
        }
        var written = CSVOutput()
        var expected = CSVOutput()
        var writer = LocalTimeWriter(format)
        for date in instants {
            writer.field(date, to: &written)
            expected.field(format.string(date))
        }
        #expect(written.bytes == expected.bytes)
        #expect(written.bytes.count > 100_000)
    }

    @Test("the civil date of a day count, around leap days and eras")
    func civilDates() {
        #expect(LocalTimeFormat.civil(fromDays: 0) == (1970, 1, 1))
        #expect(LocalTimeFormat.civil(fromDays: -1) == (1969, 12, 31))
        #expect(LocalTimeFormat.civil(fromDays: 11_016) == (2000, 2, 29))
        #expect(LocalTimeFormat.civil(fromDays: 20_494) == (2026, 2, 10))
    }
}
