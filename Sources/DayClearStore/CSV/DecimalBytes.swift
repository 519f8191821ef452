extension [UInt8] {
    /// Appends `value` in decimal, as `"\(value)"` would spell it, without an intermediate `String`
    /// (the export and the import's payloads write millions of numbers): the digits are written
    /// backwards into a buffer on the stack and appended at once.
    mutating func appendDecimal(_ value: Int64) {
        // A sign and nineteen digits at most (Int64.min).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var magnitude = value.magnitude
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }
}
