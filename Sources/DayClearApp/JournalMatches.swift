import DayClearCore
import Foundation

/// Which of the journal's events match its filter, remembered between frames.
///
/// Deciding reads each event's texts in two languages, so a frame would read every loaded event
/// (up to `AppState.journalLength`) again. The journal only grows at its end, so for the same
/// filter and language only the events appended since are read; a journal that changed otherwise
/// is read whole.
final class JournalMatches: @unchecked Sendable {
    private struct Entry {
        var filter: String
        var language: Language
        var first: RecordedEvent?
        var last: RecordedEvent?
        var count: Int
        /// Ascending positions in the journal.
        var matching: [Int]
    }

    private let lock = NSLock()
    private var entry: Entry?

    /// The ascending positions in `journal` of the events `matches` selects.
    func matching(
        _ journal: [RecordedEvent], filter: String, language: Language, matches: (RecordedEvent) -> Bool
    ) -> [Int] {
        var current =
            lock.withLock { entry.flatMap { continues($0, journal, filter, language) ? $0 : nil } }
            ?? Entry(
                filter: filter, language: language, first: journal.first, last: nil, count: 0, matching: [])
        current.matching += journal.indices[current.count...].filter { matches(journal[$0]) }
        current.count = journal.count
        current.last = journal.last
        let remembered = current
        lock.withLock { entry = remembered }
        return current.matching
    }

    /// Whether `journal` is `entry`'s journal with events appended, under the same filter and language.
    private func continues(_ entry: Entry, _ journal: [RecordedEvent], _ filter: String, _ language: Language) -> Bool {
        entry.filter == filter && entry.language == language && journal.count >= entry.count
            && journal.first == entry.first && (entry.count == 0 || journal[entry.count - 1] == entry.last)
    }
}
