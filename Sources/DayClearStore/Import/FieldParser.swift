import DayClearCore
import Foundation

/// Reads the typed values of import cells, with reasons a coordinator understands.
public struct FieldParser: Sendable {
    public var calendar: OperationalCalendar

    public init(calendar: OperationalCalendar) { self.calendar = calendar }

    /// A whole, positive quantity. Accepts `1,200` and `１２００` as Excel and IMEs write them.
    public func quantity(_ text: String) throws -> Int {
        let value = try wholeNumber(text)
        guard value > 0 else {
            throw FieldError(value < 0 ? "negative quantity \(value)" : "quantity must be positive, got 0")
        }
        return value
    }

    /// A whole number, possibly negative, refusing anything that would overflow.
    public func wholeNumber(_ text: String) throws -> Int {
        if let plain = Self.plainDigits(text) { return plain }
        let cleaned = Self.normalisedDigits(text).replacingOccurrences(of: ",", with: "")
        guard !cleaned.isEmpty else { throw FieldError("empty; a whole number is required") }
        let digits = cleaned.hasPrefix("-") || cleaned.hasPrefix("+") ? cleaned.dropFirst() : Substring(cleaned)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw FieldError("not a whole number: \(text)")
        }
        guard let value = Int(cleaned) else { throw FieldError("number too large: \(text)") }
        return value
    }

    /// Money in yuan with at most two decimals, as fen.
    public func fen(_ text: String) throws -> Fen {
        let cleaned = Self.normalisedDigits(text).replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: "¥", with: "").replacingOccurrences(of: "￥", with: "")
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else {
            if cleaned.hasPrefix("-") { throw FieldError("negative amount \(text)") }
            throw FieldError("not an amount in yuan: \(text)")
        }
        let decimals = parts.count == 2 ? String(parts[1]) : ""
        guard decimals.count <= 2 else { throw FieldError("more than two decimals (fen) in \(text)") }
        guard let yuan = Int(parts[0]), let cents = Int(decimals.padding(toLength: 2, withPad: "0", startingAt: 0))
        else { throw FieldError("amount too large: \(text)") }
        let (fen, overflow) = yuan.multipliedReportingOverflow(by: 100)
        let (total, carry) = fen.addingReportingOverflow(cents)
        guard !overflow, !carry else { throw FieldError("amount too large: \(text)") }
        return total
    }

    /// A local date and time: `2026-02-10 09:30`, `2026/2/10 9:30` (Excel), seconds optional,
    /// or a date alone (`endOfDay` picks 23:59 instead of 00:00).
    public func date(_ text: String, endOfDay: Bool = false) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        let halves = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(halves.count) else { throw FieldError("not a date and time: \(text)") }
        let dateParts = halves[0].split(whereSeparator: { $0 == "-" || $0 == "/" }).map(Self.digits)
        guard dateParts.count == 3, let year = dateParts[0], let month = dateParts[1], let day = dateParts[2],
            year >= 1000, let civil = CivilDate(String(format: "%04d-%02d-%02d", year, month, day))
        else { throw FieldError("not a date (use 2026-02-10 09:30): \(text)") }
        var minutes = endOfDay ? 23 * 60 + 59 : 0
        if halves.count == 2 {
            let timeParts = halves[1].split(separator: ":").map(Self.digits)
            guard (2...3).contains(timeParts.count), let hour = timeParts[0], let minute = timeParts[1],
                (0..<24).contains(hour), (0..<60).contains(minute),
                timeParts.count == 2 || timeParts[2].map({ (0..<60).contains($0) }) == true
            else { throw FieldError("not a time of day (use 09:30): \(text)") }
            minutes = hour * 60 + minute
        }
        return calendar.startOfDate(civil).addingTimeInterval(Double(minutes) * 60)
    }

    /// A latitude or longitude in decimal degrees.
    public func coordinate(_ text: String, range: ClosedRange<Double>) throws -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw FieldError("not a decimal coordinate: \(text)")
        }
        guard range.contains(value) else { throw FieldError("\(value) is outside \(range)") }
        return value
    }

    /// A tier by number (1–4), Chinese name or English name.
    public func tier(_ text: String) throws -> Tier {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let number = Int(key), let tier = Tier(rawValue: number) { return tier }
        for tier in Tier.allCases where Self.tierNames[tier, default: []].contains(key) { return tier }
        throw FieldError("unknown priority \(text) (use 定点医院, 其他医院, 区疾控, 社区卡口 or 1–4)")
    }

    private static let tierNames: [Tier: Set<String>] = [
        .frontLineHospital: ["定点医院", "定点", "front-line", "frontline", "front-line hospital", "designated hospital"],
        .otherHospital: ["其他医院", "医院", "hospital", "other hospital"],
        .districtOffice: ["区疾控", "疾控", "区卫健", "district", "district office", "public health"],
        .community: ["社区卡口", "社区", "卡口", "community", "checkpoint", "community/checkpoint"],
    ]

    /// The value of a run of ASCII digits; nil for anything else, signs included.
    private static func digits(_ part: Substring) -> Int? {
        guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(part)
    }

    /// The value of 1–18 ASCII digits and nothing else (the usual cell), read without Foundation.
    private static func plainDigits(_ text: String) -> Int? {
        var value = 0
        var count = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < 18 else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            count += 1
        }
        return count > 0 ? value : nil
    }

    /// Trims and turns fullwidth digits and punctuation into ASCII.
    static func normalisedDigits(_ text: String) -> String {
        var result = ""
        for scalar in text.trimmingCharacters(in: .whitespaces).unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF0B, 0xFF0C, 0xFF0D, 0xFF0E:
                result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// A cell that could not be read; the importer adds the file, row and column.
public struct FieldError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
