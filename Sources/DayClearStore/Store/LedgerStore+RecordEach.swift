import DayClearCore
import Foundation

extension LedgerStore {
    /// Records events one at a time as `body` builds them, in one exclusive transaction: all of them
    /// once `body` returns and they are durable, or none if it (or a write) throws.
    ///
    /// Each event is checked against the roster and folded into the ledger that will be kept on a
    /// second thread, while this one (the transaction's) encodes, hashes and inserts the events already
    /// folded (``EventPipe``), so an import of a million rows never holds its events and uses both
    /// cores. `body` runs on that second thread and reads the up-to-date ledger through the
    /// recorder; it has ended when this returns or throws.
    func recordEach(reason: String?, _ body: (inout Recorder) throws -> Void) throws {
        let before = ledger
        let (actor, checked) = (actor, authorising)
        var newer: [RecordedEvent] = []
        var working: Ledger?
        do {
            try log.appendEach(after: before.lastSequence) { others, write in
                newer = others
                let time = clock().storePrecision
                working = try EventPipe<FoldedEvent>.run(
                    produce: { send in
                        // The open lines are rebuilt once at the end rather than kept per event.
                        var folding = before
                        folding.deferOpenLines()
                        var recorder = Recorder(
                            ledger: folding, actor: actor, reason: reason, time: time, checked: checked, write: send)
                        try recorder.foldIn(others)
                        try body(&recorder)
                        var folded = recorder.ledger
                        folded.resumeOpenLines()
                        return folded
                    },
                    consume: { folded in
                        let (type, payload) = try folded.encoded ?? EventCodec.encode(folded.recorded.event)
                        try write(EncodedEvent(recorded: folded.recorded, type: type, payload: payload))
                    })
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
        let write: (FoldedEvent) throws -> Void

        /// Folds in events already in the log (another process's), without writing them.
        mutating func foldIn(_ events: [RecordedEvent]) throws {
            for event in events { try ledger.apply(event) }
        }

        mutating func record(_ event: DomainEvent) throws {
            if checked { try ledger.roster.authorise([event], by: actor) }
            let (canonical, encoded) = try EventCodec.canonicalForm(event)
            let recorded = RecordedEvent(
                sequence: ledger.lastSequence + 1, time: time, actor: actor, reason: reason, event: canonical)
            try ledger.apply(recorded)
            try write(FoldedEvent(recorded: recorded, encoded: encoded))
        }
    }
}

/// An event folded into the ledger on its way to the log; its payload is written by the log's thread
/// unless finding its canonical form wrote it already.
struct FoldedEvent {
    var recorded: RecordedEvent
    var encoded: (type: String, payload: String)?
}
