import DayClearCore
import Foundation

/// Remembers values derived from one ledger (the sorted queue, the day's lists, a day-end report),
/// so that a key press which changes no event does not sort 100,000 requests again; and, where the
/// caller says how, brings a value up to date from the events folded in since it was made instead
/// of making it again from the whole ledger.
///
/// Keyed by the ledger's revision (`Ledger.history`), which is unique to one ledger value, so a
/// value is only reused for the ledger it was made from. `update` gets a value made from an
/// earlier revision of the same history and the events since, and must return exactly what `make`
/// returns for the new ledger (the property tests compare the two), so `update` and the renderers
/// stay pure functions of their arguments. The memo keeps no ledger: holding one would make the
/// store's next `apply` copy the whole model.
final class LedgerMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private struct Entry {
        var revision: UInt64
        var value: Value
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private let capacity: Int

    /// A memo that holds at most `capacity` values.
    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// The value for `key` on `ledger`: remembered, brought up to date by `update` from the events
    /// since the remembered one was made, or made by `make`.
    func value(
        _ ledger: Ledger, _ key: Key, make: () -> Value,
        update: ((inout Value, ArraySlice<DomainEvent>) -> Void)? = nil
    ) -> Value {
        let revision = ledger.history.revision
        if let value = lock.withLock({ entries[key].flatMap { $0.revision == revision ? $0.value : nil } }) {
            return value
        }
        let value: Value
        // Taken out of the memo, so that updating it changes it in place instead of copying it.
        if let update, var taken = lock.withLock({ entries.removeValue(forKey: key) }),
            let events = ledger.history.events(since: taken.revision)
        {
            update(&taken.value, events)
            value = taken.value
        } else {
            value = make()
        }
        lock.withLock {
            if entries[key] == nil, entries.count >= capacity {
                entries = entries.filter { $0.value.revision == revision }
                if entries.count >= capacity { entries = [:] }
            }
            entries[key] = Entry(revision: revision, value: value)
        }
        return value
    }

    /// The value for `key` on `ledger`, made by `make` unless remembered for this very ledger.
    func value(_ ledger: Ledger, _ key: Key, _ make: () -> Value) -> Value {
        value(ledger, key, make: make, update: nil)
    }
}
