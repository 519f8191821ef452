import Foundation

extension Ledger {
    /// Why this ledger would refuse `events` recorded by `actor` at `time`: the first event's refusal, found on a copy,
    /// this ledger left as it is; nil when it takes them all. A form checks its event with it before recording, and a
    /// terminal of `dayclear serve` finds the reason for the server's refusal with it. The copy costs the first change
    /// of each dictionary the events touch: for a few events, not for folding many.
    public func refusal(of events: [DomainEvent], by actor: String, at time: Date, reason: String? = nil) -> Error? {
        var copy = self
        do {
            for event in events {
                try copy.apply(
                    RecordedEvent(
                        sequence: copy.lastSequence + 1, time: time, actor: actor, reason: reason, event: event))
            }
            return nil
        } catch {
            return error
        }
    }
}
