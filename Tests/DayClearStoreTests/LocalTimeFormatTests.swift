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

    @Test("the remembered texts are the format's, also for instants sharing a second and across a DST change")
    func rememberedTexts() throws {
        let format = LocalTimeFormat(OperationalCalendar(timeZone: try #require(TimeZone(identifier: "Europe/Berlin"))))
        var texts = LocalTimeTexts(format)
        var random = SplitMix64(seed: 11)
        // 2026-03-29 00:00–04:00 UTC (clocks go forward at 01:00 UTC), revisited in random order.
        for _ in 0..<5_000 {
            let date = Date(timeIntervalSince1970: 1_774_742_400 + Double(random.next() % 14_400_000) / 1_000)
            #expect(texts.string(date) == format.string(date), "\(date.timeIntervalSince1970)")
        }
        #expect(texts.string(nil) == "")
    }

    @Test("the civil date of a day count, around leap days and eras")
    func civilDates() {
        #expect(LocalTimeFormat.civil(fromDays: 0) == (1970, 1, 1))
        #expect(LocalTimeFormat.civil(fromDays: -1) == (1969, 12, 31))
        #expect(LocalTimeFormat.civil(fromDays: 11_016) == (2000, 2, 29))
        #expect(LocalTimeFormat.civil(fromDays: 20_494) == (2026, 2, 10))
    }
}
