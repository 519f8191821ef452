import Foundation

/// `LocalTimeFormat`'s texts for many instants in a row, written as bytes straight into a CSV file
/// (the day-end files hold a few hundred thousand, with a few thousand distinct seconds): the zone's
/// offset is asked once per whole second and remembered, and no `String` is made per time.
///
/// The offset is not kept until the zone's next transition: `TimeZone.nextDaylightSavingTimeTransition`
/// reaches ICU's lazily built transition rules, which the export's two threads would ask at once and
/// which were not safe to share between threads before a recent swift-foundation fix (whether this
/// toolchain has it was not checked). Asking once per distinct second costs little: a day has a few
/// thousand.
struct LocalTimeWriter {
    let format: LocalTimeFormat
    /// The zone's offset at each whole second asked for (it changes only on whole seconds).
    private var offsets: [Int64: Int64] = [:]

    init(_ format: LocalTimeFormat) { self.format = format }

    /// Appends `format.string(date)` as a field.
    mutating func field(_ date: Date?, to out: inout CSVOutput) {
        guard let date else { return out.field("") }
        let second = Int64(date.timeIntervalSince1970.rounded(.down))
        let offset: Int64
        if let known = offsets[second] {
            offset = known
        } else {
            offset = Int64(format.timeZone.secondsFromGMT(for: date))
            offsets[second] = offset
        }
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LocalTimeFormat.textLength) { bytes in
            guard LocalTimeFormat.write(localSeconds: second + offset, into: bytes) else { return false }
            out.field(utf8: UnsafeBufferPointer(bytes))
            return true
        }
        if !written { out.field(format.string(date)) }
    }
}
