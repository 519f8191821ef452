import Dispatch
import Synchronization

/// Runs `other` on a second thread while `here` runs on this one, and returns both results once
/// both are done: for two independent halves of one job (the day-end report's dispatch rows and its
/// other lists, the export's dispatches file and its other files) on a machine with two cores.
///
/// `other` is `@Sendable`, so it can only share immutable or otherwise safe values with `here`;
/// its result is handed back under a lock.
public func concurrently<Here, Other: Sendable>(
    _ here: () -> Here, _ other: @escaping @Sendable () -> Other
) -> (Here, Other) {
    let handoff = Handoff<Other>()
    DispatchQueue.global(qos: .userInitiated).async {
        let value = other()
        handoff.value.withLock { $0 = value }
        handoff.done.signal()
    }
    let mine = here()
    handoff.done.wait()
    // The other thread stored its value before signalling.
    return (mine, handoff.value.withLock { $0.take()! })
}

/// The other thread's result and the signal that it is there.
private final class Handoff<Value: Sendable>: Sendable {
    let value = Mutex<Value?>(nil)
    let done = DispatchSemaphore(value: 0)
}
