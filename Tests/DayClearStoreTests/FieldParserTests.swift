import DayClearCore
import Foundation
import Testing

@testable import DayClearStore

/// Reading typed cells as spreadsheets and input methods write them.
@Suite("FieldParser")
struct FieldParserTests {
    private let parser = Sample.fields

    /// The reason a parse was refused, or nil if it was accepted.
    private func refusal<T>(_ parse: () throws -> T) -> String? {
        do {
            _ = try parse()
            return nil
        } catch let error as FieldError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    // MARK: - Quantities

    @Test(
        "quantities as Excel and IMEs write them",
        arguments: [
            ("1200", 1200), ("1,200", 1200), ("１２００", 1200), ("１，２００", 1200), ("+5", 5), ("＋5", 5), ("  42 ", 42),
            ("\t7\t", 7), ("1,000,000", 1_000_000), ("007", 7),
        ])
    func quantities(text: String, expected: Int) throws {
        #expect(try parser.quantity(text) == expected)
    }

    @Test(
        "quantities that are refused, with their reasons",
        arguments: [
            ("0", "quantity must be positive, got 0"), ("-5", "negative quantity -5"), ("－5", "negative quantity -5"),
            ("99999999999999999999", "number too large"), ("12.5", "not a whole number"), ("abc", "not a whole number"),
            ("", "empty"), ("   ", "empty"), ("+", "not a whole number"), ("5-", "not a whole number"),
            ("1 200", "not a whole number"), ("٣", "not a whole number"),
        ])
    func refusedQuantities(text: String, reason: String) {
        let refused = refusal { try parser.quantity(text) }
        #expect(refused?.contains(reason) == true, "\(text): \(refused ?? "accepted")")
    }

    @Test("whole numbers may be negative but never overflow")
    func wholeNumbers() throws {
        #expect(try parser.wholeNumber("-12") == -12)
        #expect(try parser.wholeNumber("9223372036854775807") == Int.max)
        #expect(refusal { try parser.wholeNumber("9223372036854775808") }?.contains("too large") == true)
        #expect(refusal { try parser.wholeNumber("-9223372036854775809") }?.contains("too large") == true)
    }

    // MARK: - Money

    @Test(
        "amounts in yuan become fen",
        arguments: [
            ("12.5", 1250), ("12.50", 1250), ("12", 1200), ("0.05", 5), ("¥1,234.56", 123_456), ("￥1,234.56", 123_456),
            (" 40000.00 ", 4_000_000), ("１２.５", 1250),
        ] as [(String, Fen)])
    func amounts(text: String, expected: Fen) throws {
        #expect(try parser.fen(text) == expected)
    }

    @Test(
        "amounts that are refused",
        arguments: [
            ("1.234", "more than two decimals"), ("-1", "negative amount"), ("-0.50", "negative amount"),
            ("abc", "not an amount"), ("", "not an amount"), ("1.2.3", "not an amount"), (".5", "not an amount"),
            ("99999999999999999999", "too large"), ("92233720368547758.08", "too large"),
        ])
    func refusedAmounts(text: String, reason: String) {
        let refused = refusal { try parser.fen(text) }
        #expect(refused?.contains(reason) == true, "\(text): \(refused ?? "accepted")")
    }

    // MARK: - Dates

    @Test(
        "dates and times in the forms spreadsheets write, in the centre's zone",
        arguments: [
            "2026-02-10 09:30", "2026/2/10 9:30", "2026-02-10T09:30", "2026/02/10 09:30", " 2026-02-10  09:30 ",
            "2026-02-10 09:30:00",
        ])
    func dates(text: String) throws {
        // 09:30 in Shanghai is 01:30 UTC.
        let expected = Date(timeIntervalSince1970: 1_770_687_000)
        #expect(try parser.date(text) == expected)
    }

    @Test("a date alone is the start of the day, or its last minute with endOfDay")
    func dateAlone() throws {
        #expect(try parser.date("2026-02-10") == Date(timeIntervalSince1970: 1_770_652_800))  // 2026-02-09 16:00 UTC
        #expect(
            try parser.date("2026-02-10", endOfDay: true)
                == Date(timeIntervalSince1970: 1_770_652_800 + 23 * 3600 + 59 * 60))
        #expect(try parser.date("2026/2/10", endOfDay: true) == parser.date("2026-02-10 23:59"))
        // A time given wins over endOfDay.
        #expect(try parser.date("2026-02-10 08:00", endOfDay: true) == parser.date("2026-02-10 08:00"))
        // Leap day.
        #expect(try parser.date("2028-02-29") == Sample.calendar.startOfDate(CivilDate(year: 2028, month: 2, day: 29)))
    }

    @Test(
        "dates that are refused",
        arguments: [
            ("2026-02-30 10:00", "not a date"), ("10:00", "not a date"), ("2027-02-29", "not a date"),
            ("2026-13-01", "not a date"), ("26-02-10 10:00", "not a date"), ("", "not a date"), ("明天", "not a date"),
            ("2026-02-10 24:00", "not a time of day"), ("2026-02-10 09:60", "not a time of day"),
            ("2026-02-10 9", "not a time of day"), ("2026-02-10 09:30 PM", "not a date and time"),
            ("2026-02-10 09:30:xx", "not a time of day"), ("2026-02-10 09:30:75", "not a time of day"),
            ("2026-02-10 +9:30", "not a time of day"), ("2026-+2-10 09:30", "not a date"),
        ])
    func refusedDates(text: String, reason: String) {
        let refused = refusal { try parser.date(text) }
        #expect(refused?.contains(reason) == true, "\(text): \(refused ?? "accepted")")
    }

    // MARK: - Tiers and coordinates

    @Test(
        "tiers by number, Chinese name and English name",
        arguments: [
            ("1", Tier.frontLineHospital), ("定点医院", .frontLineHospital), ("Front-line hospital", .frontLineHospital),
            (" frontline ", .frontLineHospital), ("2", .otherHospital), ("其他医院", .otherHospital),
            ("Hospital", .otherHospital),
            ("3", .districtOffice), ("区疾控", .districtOffice), ("district office", .districtOffice), ("4", .community),
            ("社区卡口", .community), ("卡口", .community), ("CHECKPOINT", .community),
        ])
    func tiers(text: String, expected: Tier) throws {
        #expect(try parser.tier(text) == expected)
    }

    @Test("an unknown tier is refused with the accepted names", arguments: ["0", "5", "VIP", ""])
    func refusedTiers(text: String) {
        let refused = refusal { try parser.tier(text) }
        #expect(refused?.contains("unknown priority") == true, "\(text): \(refused ?? "accepted")")
        #expect(refused?.contains("定点医院") == true)
    }

    @Test("coordinates must be decimal degrees within range")
    func coordinates() throws {
        #expect(try parser.coordinate(" 30.271842 ", range: -90...90) == 30.271842)
        #expect(refusal { try parser.coordinate("91", range: -90...90) }?.contains("outside") == true)
        #expect(refusal { try parser.coordinate("nan", range: -90...90) }?.contains("not a decimal coordinate") == true)
        #expect(
            refusal { try parser.coordinate("30°N", range: -90...90) }?.contains("not a decimal coordinate") == true)
    }
}
