/// Quantities are integers; every sum is checked so that an absurd import
/// cannot wrap around into a plausible number.
extension Int {
    /// Adds, throwing `DomainError.overflow` instead of trapping.
    public func checkedAdding(_ other: Int, _ what: @autoclosure () -> String) throws -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        if overflow { throw DomainError.overflow(what()) }
        return sum
    }
}

extension Int {
    /// Adds, stopping at `Int.max` or `Int.min` instead of trapping.
    public func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}

/// Money in fen (分), the smallest unit of the yuan. Never a floating-point value.
public typealias Fen = Int
