extension [UInt8] {
    /// Appends `value` in decimal, as `"\(value)"` would spell it, digit by digit without an
    /// intermediate `String` (the export and the import's payloads write millions of numbers).
    /// Not generic: an unspecialised call divided by ten through the protocol's witnesses.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = count
        repeat {
            append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        self[start...].reverse()
    }
}
