import Foundation
import Testing

@testable import DayClearCore
@testable import DayClearStore

/// The snapshot is a cache of the ledger: used only when it matches the log, never changing what
/// opening a store yields.
@Suite("Snapshot")
struct SnapshotTests {
    /// A sample day with decisions of every kind, so the snapshot holds every state.
    private func busyStore(in folder: URL, at time: String = "2026-02-10 15:45") throws -> (LedgerStore, TestClock) {
        let clock = TestClock(time)
        let store = try makeStore(in: folder, clock: clock)
        try importSamples(into: store, clock: clock)
        try store.perform(.lotValued(LotValuation(lot: "L-0016", valuation: .appraised(fen: 123_456, by: "杭州评估所"))))
        try store.propose("R-0001", line: 1, lot: "L-0001", 2000)
        try store.propose("R-0001", line: 2, lot: "L-0002", 400)
        try store.approve("R-0001", [1: 1500])
        try store.dispatch("R-0001")
        try store.deliver("R-0001", [1: 1450])
        try store.completePaperwork("R-0001")
        try store.propose("R-0002", line: 1, lot: "L-0003", 8000)
        try store.reject("R-0004", reason: "与 R-0013 重复")
        try store.perform(.substitutionAllowed(SubstitutionAllowance(request: "R-0005", line: 1, spec: "KN95")))
        try store.propose("R-0005", line: 1, lot: "L-0010", 500)
        try store.perform(.substitutionAllowed(SubstitutionAllowance(request: "R-0009", line: 1, spec: "KN95")))
        try store.perform(.substitutionRevoked(SubstitutionAllowance(request: "R-0009", line: 1, spec: "KN95")))
        try store.perform(.requestCancelled(RequestReference(request: "R-0013")))
        try store.perform(
            .shuttleRunsPlanned(
                ShuttleRunsPlanned(
                    day: CivilDate(year: 2026, month: 2, day: 10),
                    runs: [
                        .init(vehicle: "浙A-12345", trip: 1, stops: ["H01", "H02"], millilitres: 9_000, metres: 12_345)
                    ],
                    dayUnits: 100, clearedUnits: 60)))
        return (store, clock)
    }

    private func fullReplay(_ folder: URL) throws -> Ledger {
        try LedgerStore(log: SQLiteEventLog(path: databasePath(folder), create: false), actor: "audit").ledger
    }

    private func snapshotFile(_ folder: URL) -> SnapshotFile {
        SnapshotFile(directory: DataDirectory(path: dataPath(folder)).url)
    }

    @Test("a store opened from a snapshot and the events after it equals a full replay")
    func snapshotEqualsReplay() throws {
        try withTemporaryDirectory { folder in
            let (store, clock) = try busyStore(in: folder)
            let log = try #require(store.log as? SQLiteEventLog)
            try snapshotFile(folder).write(store.ledger, log: log)
            let atSnapshot = store.ledger.lastSequence
            // Events after the snapshot are replayed on top of it: among them a recipient and a kind+spec
            // new since the snapshot, whose numbers must continue the loaded ones, and a request for them.
            try store.approve("R-0002")
            try store.completePaperwork("R-0002")
            let item = ItemKey(kind: "折叠床", spec: "单人")
            try store.perform(
                .recipientRegistered(
                    Recipient(
                        id: "H77", name: "新设方舱", tier: .frontLineHospital, latitude: 30.2, longitude: 120.1, contact: ""
                    )))
            try store.perform(
                .lotRegistered(
                    LotRegistration(
                        id: "L-0777", item: item, unit: "张", quantity: 40, packSize: 1, donor: "某企业",
                        status: .arrived(at: clock.now))))
            try store.perform(
                .requestSubmitted(
                    RequestSubmission(
                        id: "R-0777", recipient: "H77", neededBy: clock.now.addingTimeInterval(3600),
                        lines: [RequestLine(number: 1, item: item, unit: "张", quantity: 30)])))

            let reopened = try openStore(in: folder, clock: TestClock("2026-02-10 15:50"))
            #expect(reopened.notices == [])
            #expect(reopened.snapshotSequence == atSnapshot)
            #expect(reopened.ledger.lastSequence == atSnapshot + 5)
            #expect(reopened.ledger.openLines.ordered().all.contains { $0.request == "R-0777" })
            #expect(reopened.ledger == (try fullReplay(folder)))
            #expect(reopened.ledger == store.ledger)
        }
    }

    @Test("a loaded snapshot's open lines equal a walk of its requests and allocations")
    func openLinesEqualWalk() throws {
        try withTemporaryDirectory { folder in
            let (store, _) = try busyStore(in: folder)
            let decoded = try store.ledger.snapshotBytes().withUnsafeBytes { try Ledger(snapshot: $0) }
            let loaded = decoded.openLines.ordered().all
            // R-0002 and R-0005 are proposed, the other sample requests not yet decided submitted.
            #expect(loaded.contains { $0.request == "R-0002" && $0.proposed == 8000 })
            #expect(loaded.contains { $0.request == "R-0005" && $0.proposed == 500 })
            #expect(!loaded.contains { $0.request == "R-0001" || $0.request == "R-0004" || $0.request == "R-0013" })
            #expect(loaded == decoded.walkOpenLines().ordered().all)
            #expect(loaded == store.ledger.openLines.ordered().all)
        }
    }

    @Test("a snapshot of an older format is ignored with a message; the store opens by full replay")
    func olderFormatIgnored() throws {
        try withTemporaryDirectory { folder in
            let (store, _) = try busyStore(in: folder)
            let file = snapshotFile(folder)
            try file.write(store.ledger, log: try #require(store.log as? SQLiteEventLog))
            var bytes = try Data(contentsOf: file.url)
            bytes.replaceSubrange(
                8..<16, with: withUnsafeBytes(of: (Ledger.snapshotFormat - 1).littleEndian) { Data($0) })
            try bytes.write(to: file.url)

            let reopened = try openStore(in: folder, clock: TestClock("2026-02-10 15:50"))
            #expect(reopened.snapshotSequence == 0)
            #expect(reopened.notices.count == 1)
            #expect(reopened.notices.first?.contains("written by another version") == true)
            #expect(reopened.ledger == store.ledger)
            #expect(reopened.ledger.openLines.ordered().all == store.ledger.openLines.ordered().all)
        }
    }

    @Test("a snapshot round-trips the ledger exactly, allocation indices included")
    func roundTrip() throws {
        try withTemporaryDirectory { folder in
            let (store, _) = try busyStore(in: folder)
            let bytes = store.ledger.snapshotBytes()
            let decoded = try bytes.withUnsafeBytes { try Ledger(snapshot: $0) }
            #expect(decoded == store.ledger)
            #expect(decoded.allocations(of: RequestID("R-0001")) == store.ledger.allocations(of: RequestID("R-0001")))
            #expect(decoded.allocations(of: LotID("L-0003")) == store.ledger.allocations(of: LotID("L-0003")))
            // A truncated snapshot is refused, not half read.
            #expect(throws: SnapshotError.self) {
                try Array(bytes.dropLast(3)).withUnsafeBytes { try Ledger(snapshot: $0) }
            }
        }
    }

    @Test("a snapshot whose chain hash differs from the log is ignored with a message; the store opens by full replay")
    func foreignSnapshotIgnored() throws {
        try withTemporaryDirectory { folder in
            let other = folder.appendingPathComponent("other")
            // The same commands a minute later: same event numbers, different times, so different hashes.
            let (theirs, _) = try busyStore(in: other, at: "2026-02-10 15:46")
            try snapshotFile(other).write(theirs.ledger, log: try #require(theirs.log as? SQLiteEventLog))
            let (ours, _) = try busyStore(in: folder)
            #expect(ours.ledger.lastSequence == theirs.ledger.lastSequence)
            try FileManager.default.copyItem(at: snapshotFile(other).url, to: snapshotFile(folder).url)

            let reopened = try openStore(in: folder, clock: TestClock("2026-02-10 15:50"))
            #expect(reopened.snapshotSequence == 0)
            #expect(reopened.notices.count == 1)
            #expect(reopened.notices.first?.contains("does not match the log") == true)
            #expect(reopened.ledger == ours.ledger)
            #expect(reopened.ledger != theirs.ledger)
        }
    }

    @Test("a damaged snapshot or one past the log's end is ignored; the store opens by full replay")
    func damagedSnapshotIgnored() throws {
        try withTemporaryDirectory { folder in
            let (store, _) = try busyStore(in: folder)
            let log = try #require(store.log as? SQLiteEventLog)
            let file = snapshotFile(folder)
            try file.write(store.ledger, log: log)
            var bytes = try Data(contentsOf: file.url)
            bytes[bytes.count - 10] ^= 0xFF
            try bytes.write(to: file.url)
            let damaged = try openStore(in: folder, clock: TestClock("2026-02-10 15:50"))
            #expect(damaged.notices.first?.contains("damaged") == true)
            #expect(damaged.ledger == store.ledger)

            // A snapshot at an event the log does not have (the log was replaced by an older copy).
            var header = try Data(contentsOf: file.url)
            header.replaceSubrange(
                16..<24, with: withUnsafeBytes(of: (store.ledger.lastSequence + 1).littleEndian) { Data($0) })
            try header.write(to: file.url)
            let beyond = try openStore(in: folder, clock: TestClock("2026-02-10 15:50"))
            #expect(beyond.notices.first?.contains("does not have") == true)
            #expect(beyond.ledger == store.ledger)
        }
    }

    @Test("every stored property of the ledger and its records is in the snapshot format")
    func formatCoversEveryProperty() {
        // Adding a property? Write and read it in Ledger+Snapshot.swift and raise Ledger.snapshotFormat,
        // then update these counts. (Ledger's count includes the indices rebuilt from the allocations,
        // the planner's open lines, written by OpenLines+Snapshot.swift, the history, which is not
        // part of the ledger's value, and whether the open lines are deferred, which only an import's
        // working copy ever is.)
        let lot = Lot(
            id: "L", item: ItemKey(kind: "k", spec: ""), unit: "u", quantity: 1, packSize: 1, donor: "d",
            status: .arrived(at: Date()), expiry: nil, designatedRecipient: nil, valuation: .pending)
        let request = Request(id: "R", recipient: "H", neededBy: Date(), submittedAt: Date(), lines: [])
        #expect(Mirror(reflecting: Ledger()).children.count == 19)
        #expect(Mirror(reflecting: Roster()).children.count == 2)
        #expect(Mirror(reflecting: lot).children.count == 13)
        #expect(Mirror(reflecting: request).children.count == 13)
        #expect(Mirror(reflecting: RequestLine(number: 1, item: lot.item, unit: "u", quantity: 1)).children.count == 5)
        #expect(
            Mirror(reflecting: Recipient(id: "H", name: "n", tier: .community, latitude: 0, longitude: 0, contact: ""))
                .children.count == 6)
        #expect(Mirror(reflecting: Paperwork()).children.count == 2)
        let substitution = Substitution(line: 1, item: lot.item, allowedBy: "w", allowedAt: Date())
        #expect(Mirror(reflecting: substitution).children.count == 6)
        let allocation = Allocation(
            id: 1, lot: "L", request: "R", line: 1, proposedQuantity: 1, proposedAt: Date(), proposedBy: "w")
        #expect(Mirror(reflecting: allocation).children.count == 10)
        let run = ShuttleRunsPlanned.Run(vehicle: "v", trip: 1, stops: [], millilitres: 0, metres: 0)
        #expect(Mirror(reflecting: run).children.count == 5)
        let plan = ShuttleRunsPlanned(
            day: CivilDate(year: 2026, month: 2, day: 10), runs: [], dayUnits: 0, clearedUnits: 0)
        #expect(Mirror(reflecting: plan).children.count == 4)
    }
}
