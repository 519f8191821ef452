import DayClearCore
import Foundation

extension LedgerStore {
    /// Records events one at a time as `body` builds them, in one exclusive transaction: all of them
    /// once `body` returns and they are durable, or none if it (or a write) throws.
    ///
    /// Each event is checked against the roster, folded into the ledger that will be kept and written
    /// to the log as it comes, its payload encoded once, so an import of a million rows never holds
    /// its events. `body` reads the up-to-date ledger through the recorder.
    func recordEach(reason: String?, _ body: (inout Recorder) throws -> Void) throws {
        let before = ledger
        var newer: [RecordedEvent] = []
        var working: Ledger?
        do {
            try log.appendEach(after: before.lastSequence) { others, write in
                newer = others
                // The recorder lives only for this call, so `write` does not outlive it.
                try withoutActuallyEscaping(write) { write in
                    // The open lines are rebuilt once at the end rather than kept per event.
                    var folding = before
                    folding.deferOpenLines()
                    var recorder = Recorder(
                        ledger: folding, actor: actor, reason: reason, time: clock().storePrecision,
                        checked: authorising, write: write)
                    try recorder.foldIn(others)
                    try body(&recorder)
                    working = recorder.ledger
                    working?.resumeOpenLines()
                }
            }
        } catch {
            // Others' events read inside the failed transaction were committed by them; ours are not
            // on disk. After a failed write or sync only the disk knows, as for `perform`.
            if case StoreError.notSaved = error {
                rebuildAfterFailedWrite(keeping: before)
            } else {
                var restored = before
                for event in newer { try? restored.apply(event) }
                ledger = restored
            }
            throw error
        }
        if let working { ledger = working }
    }

    /// Hands the events an import builds to the ledger and the log; see `recordEach`.
    struct Recorder: EventRecorder {
        private(set) var ledger: Ledger
        let actor: String
        let reason: String?
        let time: Date
        /// Whether each event is checked against the actor's roles.
        let checked: Bool
        let write: (EncodedEvent) throws -> Void

        /// Folds in events already in the log (another process's), without writing them.
        mutating func foldIn(_ events: [RecordedEvent]) throws {
            for event in events { try ledger.apply(event) }
        }

        mutating func record(_ event: DomainEvent) throws {
            if checked { try ledger.roster.authorise([event], by: actor) }
            let (canonical, type, payload) = try EventCodec.canonicalEncoding(event)
            let recorded = RecordedEvent(
                sequence: ledger.lastSequence + 1, time: time, actor: actor, reason: reason, event: canonical)
            try ledger.apply(recorded)
            try write(EncodedEvent(recorded: recorded, type: type, payload: payload))
        }
    }
}
