import DayClearCore
import Foundation

/// Remembers values derived from one ledger (the sorted queue, the day's lists, a day-end report),
/// so that a key press which changes no event does not sort 10,000 requests again.
///
/// Keyed by the ledger itself: `Ledger ==` compares its dictionaries and arrays, which is immediate
/// while the run loop keeps passing the same (shared, copy-on-write) ledger, and a changed ledger
/// empties the memo. The values are exactly what `make` returns for that ledger and key, so
/// `update` and the renderers stay pure functions of their arguments.
final class LedgerMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var ledger: Ledger?
    private var values: [Key: Value] = [:]
    private let capacity: Int

    /// A memo that holds at most `capacity` values for the current ledger.
    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// The value for `key` on `ledger`, made by `make` unless remembered.
    func value(_ ledger: Ledger, _ key: Key, _ make: () -> Value) -> Value {
        if let value = lock.withLock({ self.ledger == ledger ? values[key] : nil }) {
            return value
        }
        let value = make()
        lock.withLock {
            if self.ledger != ledger {
                self.ledger = ledger
                values = [:]
            }
            if values.count >= capacity { values = [:] }
            values[key] = value
        }
        return value
    }
}
