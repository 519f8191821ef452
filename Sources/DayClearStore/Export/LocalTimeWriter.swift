import Foundation

/// `LocalTimeFormat`'s texts for many instants in a row, written straight into a CSV file (the
/// day-end files hold a few hundred thousand). The zone's offset is kept with the span of time it
/// holds for, between two of the zone's transitions, so the zone is asked again only for an
/// instant outside that span rather than for every new time.
struct LocalTimeWriter {
    let format: LocalTimeFormat
    private var offset: Int64 = 0
    /// Where `offset` holds; empty until the first instant.
    private var span: Range<Date> = Date.distantPast..<Date.distantPast

    init(_ format: LocalTimeFormat) { self.format = format }

    /// Appends `format.string(date)` as a field.
    mutating func field(_ date: Date?, to out: inout CSVOutput) {
        guard let date else { return out.field("") }
        if !span.contains(date) { settle(at: date) }
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + offset
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LocalTimeFormat.textLength) { bytes in
            guard LocalTimeFormat.write(localSeconds: local, into: bytes) else { return false }
            out.field(utf8: UnsafeBufferPointer(bytes))
            return true
        }
        if !written { out.field(format.string(date)) }
    }

    /// Takes the zone's offset at `date` and the span between the zone's transitions around it.
    private mutating func settle(at date: Date) {
        let zone = format.timeZone
        // The last transition at or before `date`, walked to from 400 days earlier (a zone changes its
        // offset a few times a year at most); without one, the span starts there.
        var start = date.addingTimeInterval(-400 * 86_400)
        var next = zone.nextDaylightSavingTimeTransition(after: start)
        while let transition = next, transition <= date, transition > start {
            start = transition
            next = zone.nextDaylightSavingTimeTransition(after: transition)
        }
        offset = Int64(zone.secondsFromGMT(for: date))
        span = start..<max(start, next ?? .distantFuture)
    }
}
