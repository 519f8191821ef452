import DayClearCore
import Foundation
import GRDB
import Testing

@testable import DayClearStore

/// The event store: durability settings, append-only log, replay, and two
/// processes sharing one data directory.
@Suite("Store")
struct StoreTests {
    // MARK: - Replay

    /// A day's worth of commands of every kind, run against `store`.
    private func runCommands(_ store: LedgerStore, clock: TestClock) throws {
        // An expected lot arrives, counted at 2,900 of the 3,000 announced.
        clock.set("2026-02-10 15:46")
        try store.receive("L-0031", 2900)
        try store.perform(.lotValued(LotValuation(lot: "L-0016", valuation: .appraised(fen: 123_456, by: "杭州评估所"))))
        // R-0001 (H01): three lines, the first one from two lots; trimmed on approval.
        clock.set("2026-02-10 15:47")
        try store.propose("R-0001", line: 1, lot: "L-0001", 2000)
        try store.propose("R-0001", line: 1, lot: "L-0016", 1000)
        try store.propose("R-0001", line: 2, lot: "L-0002", 400)
        try store.propose("R-0001", line: 3, lot: "L-0020", 200)
        clock.set("2026-02-10 15:50")
        try store.approve("R-0001", [1: 2500, 3: 150])
        // R-0002 approved whole, paperwork done, not yet dispatched.
        try store.propose("R-0002", line: 1, lot: "L-0003", 8000)
        try store.propose("R-0002", line: 2, lot: "L-0005", 60)
        try store.approve("R-0002")
        try store.completePaperwork("R-0002")
        // Rejected, returned and resubmitted, cancelled.
        try store.reject("R-0004", reason: "与 R-0013 重复")
        try store.propose("R-0007", line: 1, lot: "L-0010", 3000)
        try store.returnForRevision("R-0007", reason: "请核实数量")
        let returned = try #require(store.ledger.requests["R-0007"])
        try store.perform(
            .requestResubmitted(
                RequestSubmission(
                    id: returned.id, recipient: returned.recipient, neededBy: returned.neededBy,
                    lines: returned.lines.map {
                        RequestLine(number: $0.number, item: $0.item, unit: $0.unit, quantity: 100)
                    }
                )))
        try store.perform(.requestCancelled(RequestReference(request: "R-0013")))
        // Dispatch and deliver with a discrepancy; paperwork afterwards.
        clock.set("2026-02-10 15:55")
        try store.dispatch("R-0001")
        clock.set("2026-02-10 15:58")
        try store.deliver("R-0001", [1: 2450])
        try store.completePaperwork("R-0001")
    }

    @Test("initialise, run a day, close and open: the replayed ledger equals the one in memory")
    func replayEqualsMemory() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            var inMemory: Ledger
            var count: Int
            do {
                let store = try makeStore(in: folder, clock: clock)
                try importSamples(into: store, clock: clock)
                try runCommands(store, clock: clock)
                inMemory = store.ledger
                count = try eventCount(store)
            }
            #expect(inMemory.requests["R-0001"]?.state == .delivered)
            #expect(inMemory.requests["R-0001"]?.lines[0].received == 2450)
            #expect(inMemory.approvedQuantity("R-0001", line: 1) == 2500)
            #expect(inMemory.requests["R-0004"]?.state == .rejected)
            #expect(inMemory.requests["R-0007"]?.state == .submitted)
            #expect(inMemory.requests["R-0013"]?.state == .cancelled)
            #expect(inMemory.lots["L-0031"]?.quantity == 2900)

            let reopened = try openStore(in: folder, clock: clock)
            #expect(reopened.ledger == inMemory)
            #expect(reopened.ledger.lastSequence == Int64(count))
            #expect(try eventCount(reopened) == count)
        }
    }

    @Test("times off the millisecond grid read back equal to what was folded in memory")
    func subMillisecondTimes() throws {
        try withTemporaryDirectory { folder in
            // The clock runs 0.1234567 s past the minute; payload dates carry
            // sub-millisecond fractions as a caller's Date() would.
            let clock = TestClock(Sample.time("2026-02-10 15:45").addingTimeInterval(0.123_456_7))
            var inMemory: Ledger
            do {
                let store = try makeStore(in: folder, clock: clock)
                try importSamples([.recipients, .stock], into: store, clock: clock)
                let neededBy = Sample.time("2026-02-10 20:00").addingTimeInterval(0.000_4)
                try store.perform(
                    .requestSubmitted(
                        RequestSubmission(
                            id: "R-X", recipient: "H01", neededBy: neededBy,
                            submittedAt: Sample.time("2026-02-10 15:40").addingTimeInterval(0.987_654_3),
                            lines: [
                                RequestLine(number: 1, item: ItemKey(kind: "口罩", spec: "医用外科"), unit: "只", quantity: 10)
                            ])
                    ))
                inMemory = store.ledger
            }
            let reopened = try openStore(in: folder, clock: clock)
            let same = reopened.ledger == inMemory
            #expect(same, "the replayed ledger differs from the one folded in memory")
            let replayed = try #require(reopened.ledger.requests["R-X"])
            let folded = try #require(inMemory.requests["R-X"])
            #expect(replayed.neededBy.timeIntervalSince1970 == folded.neededBy.timeIntervalSince1970)
            #expect(replayed.submittedAt.timeIntervalSince1970 == folded.submittedAt.timeIntervalSince1970)
            #expect(reopened.ledger.lots == inMemory.lots)
            #expect(reopened.ledger.recipients == inMemory.recipients)
        }
    }

    // MARK: - Durability settings

    @Test("the connection runs with synchronous FULL and WAL; WAL persists in the file")
    func durabilitySettings() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            do {
                let store = try makeStore(in: folder, clock: clock)
                // The store's own connection (private to SQLiteEventLog), reached by reflection.
                let log = try #require(store.log as? SQLiteEventLog)
                let queue = try #require(
                    Mirror(reflecting: log).children.first { $0.label == "queue" }?.value as? DatabaseQueue)
                let (synchronous, journal) = try queue.read { db in
                    (
                        try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                        try String.fetchOne(db, sql: "PRAGMA journal_mode")
                    )
                }
                #expect(synchronous == 2)
                #expect(journal?.lowercased() == "wal")
                // Still FULL after a write transaction.
                try importSamples([.recipients], into: store, clock: clock)
                #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 2)
            }
            // Closed: WAL is a property of the file, seen by any process.
            let journal = try sqlite3(databasePath(folder), "PRAGMA journal_mode;")
            #expect(journal.status == 0)
            #expect(journal.stdout == "wal")
            let version = try sqlite3(databasePath(folder), "PRAGMA user_version;")
            #expect(version.stdout == "\(SQLiteEventLog.formatVersion)")
        }
    }

    @Test("the database refuses UPDATE and DELETE of events")
    func appendOnly() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            do {
                let store = try makeStore(in: folder, clock: clock)
                try importSamples([.recipients], into: store, clock: clock)
            }
            let path = databasePath(folder)
            let before = try sqlite3(path, "SELECT count(*), group_concat(actor) FROM events;")
            for sql in [
                "UPDATE events SET actor = 'mallory' WHERE seq = 2;",
                "UPDATE events SET payload = '{}';",
                "DELETE FROM events WHERE seq = 2;",
                "DELETE FROM events;",
            ] {
                let result = try sqlite3(path, sql)
                #expect(result.status != 0, "\(sql) was allowed")
                #expect(result.stderr.contains("append-only"), "\(sql): \(result.stderr)")
            }
            let after = try sqlite3(path, "SELECT count(*), group_concat(actor) FROM events;")
            #expect(after.stdout == before.stdout)
            #expect(before.stdout.hasPrefix("\(15 + setUpEventCount)|"))
            // And the store still opens to the same ledger.
            let reopened = try openStore(in: folder, clock: clock)
            #expect(reopened.ledger.recipients.count == 15)
        }
    }

    // MARK: - Opening and initialising

    @Test("opening a folder without a store is refused with notInitialised")
    func openWithoutStore() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            // The folder exists but holds no database.
            let empty = DataDirectory(path: folder.path)
            let error = thrownError { _ = try empty.open(actor: "a", clock: clock.function) }
            #expect(error as? StoreError == .notInitialised(folder.path))
            #expect(!FileManager.default.fileExists(atPath: empty.databasePath))
            // The folder does not exist at all.
            let missing = folder.appendingPathComponent("nowhere").path
            let second = thrownError { _ = try DataDirectory(path: missing).open(actor: "a", clock: clock.function) }
            guard case .notInitialised = second as? StoreError else {
                Issue.record("expected notInitialised, got \(String(describing: second))")
                return
            }
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    @Test("initialising twice is refused with alreadyInitialised and leaves the first store intact")
    func initialiseTwice() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            do {
                let store = try makeStore(in: folder, clock: clock)
                try importSamples([.recipients], into: store, clock: clock)
            }
            let error = thrownError { _ = try makeStore(in: folder, clock: clock) }
            #expect(error as? StoreError == .alreadyInitialised(dataPath(folder)))
            let reopened = try openStore(in: folder, clock: clock)
            #expect(reopened.ledger.recipients.count == 15)
            #expect(reopened.ledger.calendar == Sample.calendar)
        }
    }

    @Test("initialise creates an owner-only folder and records the initialiser holding every role")
    func initialiseCreatesFolderAndRoster() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            let store = try DataDirectory(path: dataPath(folder)).initialise(
                actor: "admin-user", calendar: Sample.settings, clock: clock.function)
            let attributes = try FileManager.default.attributesOfItem(atPath: dataPath(folder))
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
            #expect(store.ledger.roster.roles(of: "admin-user") == Set(Role.allCases))
            #expect(store.roles == Set(Role.allCases))
            let events = try store.log.events(after: 0)
            let grants = Role.allCases.map { DomainEvent.roleGranted(RoleChange(user: "admin-user", role: $0)) }
            #expect(events.map(\.event) == [.calendarConfigured(Sample.settings)] + grants)
            #expect(events.allSatisfy { $0.actor == "admin-user" })
            #expect(events.first?.time == Sample.time("2026-02-10 15:45"))
            #expect(store.ledger.calendar == Sample.calendar)
            #expect(!FileManager.default.fileExists(atPath: dataPath(folder) + "/roster.csv"))
        }
    }

    @Test("a store of a newer format is refused and left unchanged")
    func newerFormat() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            do {
                let store = try makeStore(in: folder, clock: clock)
                try importSamples([.recipients], into: store, clock: clock)
            }
            let path = databasePath(folder)
            let set = try sqlite3(path, "PRAGMA user_version = 99;")
            #expect(set.status == 0, "\(set.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))

            let error = thrownError { _ = try openStore(in: folder, clock: clock) }
            #expect(error as? StoreError == .newerFormat(found: 99, supported: SQLiteEventLog.formatVersion))
            // Initialising over it is refused too.
            #expect(
                thrownError { _ = try makeStore(in: folder, clock: clock) } as? StoreError
                    == .alreadyInitialised(dataPath(folder)))

            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
            #expect(try sqlite3(path, "PRAGMA user_version;").stdout == "99")
            #expect(try sqlite3(path, "SELECT count(*) FROM events;").stdout == "\(15 + setUpEventCount)")
        }
    }

    @Test("an event that cannot be read makes the store refuse to open as damaged")
    func damagedStore() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            do { _ = try makeStore(in: folder, clock: clock) }
            let insert = try sqlite3(
                databasePath(folder),
                "INSERT INTO events (seq, recorded_at, actor, reason, type, payload, hash) VALUES (\(setUpEventCount + 1), 0, 'x', NULL, 'lotReceived', 'not json', zeroblob(32));"
            )
            #expect(insert.status == 0, "\(insert.stderr)")
            let error = thrownError { _ = try openStore(in: folder, clock: clock) }
            guard case .corrupt(let what) = error as? StoreError else {
                Issue.record("expected corrupt, got \(String(describing: error))")
                return
            }
            #expect(what.contains("event \(setUpEventCount + 1)"))
        }
    }

    // MARK: - Refusals

    @Test("a refused command records nothing and leaves the ledger as it was")
    func refusedCommandRecordsNothing() throws {
        try withTemporaryDirectory { folder in
            let (store, _) = try sampleStore(in: folder)
            let before = store.ledger
            let count = try eventCount(store)

            // Approving what has not been proposed.
            #expect(throws: DomainError.illegalTransition("R-0001", from: .submitted, to: .approved)) {
                try store.approve("R-0001")
            }
            // More than the lot holds (L-0016 has 1,500).
            #expect(throws: DomainError.insufficientStock(lot: "L-0016", free: 1500, wanted: 1600)) {
                try store.propose("R-0001", line: 1, lot: "L-0016", 1600)
            }
            // A directed lot for someone else (L-0009 is for H02; R-0001 is H01's).
            #expect(throws: DomainError.self) { try store.propose("R-0001", line: 1, lot: "L-0009", 10) }
            // Rejecting without a reason.
            #expect(throws: DomainError.reasonRequired("R-0001", .rejected)) {
                try store.perform(.requestRejected(RequestReference(request: "R-0001")))
            }
            // A batch whose second event fails records neither, and the ledger is put back in memory, not
            // rebuilt from the disk (a rebuilt ledger starts a history of its own).
            let revision = store.ledger.history.revision
            #expect(throws: DomainError.self) {
                try store.perform { _ in
                    [
                        .allocationProposed(
                            AllocationProposal(request: "R-0001", line: 1, lot: "L-0016", quantity: 100)),
                        .requestDispatched(RequestReference(request: "R-0001")),
                    ]
                }
            }
            #expect(store.ledger.history.events(since: revision)?.isEmpty == true)
            // A build closure that throws.
            struct Refusal: Error {}
            #expect(throws: Refusal.self) { try store.perform { _ in throw Refusal() } }

            #expect(try eventCount(store) == count)
            #expect(store.ledger == before)
            let reopened = try openStore(in: folder, clock: TestClock("2026-02-10 15:50"))
            #expect(reopened.ledger == before)
        }
    }

    @Test("when the log fails to commit, the ledger in memory does not show the event")
    func failedCommitLeavesMemoryAlone() throws {
        let log = FailingCommitLog()
        let store = try LedgerStore(log: log, actor: "a", clock: { Sample.time("2026-02-10 15:45") })
        try store.perform(.calendarConfigured(Sample.settings))
        let before = store.ledger
        log.failNextCommit = true
        let error = thrownError {
            try store.perform(
                .recipientRegistered(
                    Recipient(
                        id: "H01", name: "西溪医院", tier: .frontLineHospital, latitude: 30, longitude: 120, contact: "")
                ))
        }
        #expect(error as? StoreError == .notSaved("disk full"))
        #expect(log.stored.count == 1)
        let unchanged = store.ledger == before
        #expect(unchanged, "the ledger shows an event that was not saved")
        #expect(store.ledger.lastSequence == 1)
        #expect(store.ledger.recipients["H01"] == nil)
        // The next command numbers its event after what is really stored.
        try store.perform(
            .recipientRegistered(
                Recipient(
                    id: "H02", name: "第二定点医院", tier: .frontLineHospital, latitude: 30, longitude: 120, contact: "")))
        #expect(log.stored.map(\.sequence) == [1, 2])
    }

    @Test("an import whose commit fails records nothing and leaves the ledger as the log holds it")
    func failedImportCommit() throws {
        let log = FailingCommitLog()
        let clock = TestClock("2026-02-10 15:45")
        let store = try LedgerStore(log: log, actor: "a", clock: clock.function)
        try store.perform(.calendarConfigured(Sample.settings))
        try runImport(.recipients, Sample.path(.recipients), into: store, clock: clock)
        let before = store.ledger
        let stored = log.stored.count
        log.failNextCommit = true
        let error = thrownError { _ = try runImport(.stock, Sample.path(.stock), into: store, clock: clock) }
        #expect(error as? StoreError == .notSaved("disk full"))
        #expect(log.stored.count == stored)
        let unchanged = store.ledger == before
        #expect(unchanged, "the ledger shows lots that were not saved")
        // The same file imports once the disk is back.
        let result = try runImport(.stock, Sample.path(.stock), into: store, clock: clock)
        #expect(result.imported && result.plan.accepted == Sample.counts[.stock])
        #expect(log.stored.count == stored + (Sample.counts[.stock] ?? 0))
    }

    @Test("after a write that was not saved, the ledger in memory is rebuilt from what the log holds")
    func notSavedReloadsFromDisk() throws {
        let log = FailingCommitLog()
        let clock = { Sample.time("2026-02-10 15:45") }
        let store = try LedgerStore(log: log, actor: "a", clock: clock)
        try store.perform(.calendarConfigured(Sample.settings))
        // Another process records a recipient; this store has not looked since.
        let other = try LedgerStore(log: log, actor: "b", clock: clock)
        try other.perform(
            .recipientRegistered(
                Recipient(id: "H09", name: "方舱医院", tier: .frontLineHospital, latitude: 30, longitude: 120, contact: ""))
        )
        log.failNextRead = true
        let error = thrownError {
            try store.perform(
                .recipientRegistered(
                    Recipient(
                        id: "H01", name: "西溪医院", tier: .frontLineHospital, latitude: 30, longitude: 120, contact: "")
                ))
        }
        #expect(error as? StoreError == .notSaved("disk I/O error"))
        let onDisk = try LedgerStore(log: log, actor: "c", clock: clock).ledger
        let reloaded = store.ledger == onDisk
        #expect(reloaded, "the ledger must equal what the log holds after a failed write")
        #expect(store.ledger.recipients["H09"] != nil && store.ledger.recipients["H01"] == nil)
        // Nothing is retried behind the user's back.
        #expect(log.stored.map(\.sequence) == [1, 2])
    }

    @Test("a user without the role an event needs is refused and nothing is recorded")
    func rosterEnforced() throws {
        try withTemporaryDirectory { folder in
            let (store, clock) = try sampleStore(in: folder)
            try store.propose("R-0003", line: 1, lot: "L-0009", 1000)
            let viewer = try openStore(in: folder, clock: clock, actor: "auditor", roles: [.viewer])
            let taskForce = try openStore(in: folder, clock: clock, actor: "planner", roles: [.taskForce])
            try viewer.refresh()
            let count = try eventCount(store)
            let before = viewer.ledger
            let error = thrownError { try viewer.approve("R-0003") }
            #expect(
                error as? AccessDenied
                    == AccessDenied(user: "auditor", held: [.viewer], needed: .approver, action: "approving"))
            #expect(throws: AccessDenied.self) { try taskForce.approve("R-0003") }
            #expect(throws: AccessDenied.self) { try taskForce.dispatch("R-0003") }
            try taskForce.propose("R-0003", line: 2, lot: "L-0028", 500)
            #expect(try eventCount(store) == count + 1)
            #expect(viewer.ledger == before)
        }
    }

    // MARK: - Two processes

    @Test("B, not refreshed, tries to reject what A approved: refused, and B then shows A's approval")
    func twoStoresApproveThenReject() throws {
        try withTemporaryDirectory { folder in
            let (storeA, clock) = try sampleStore(in: folder)
            try storeA.propose("R-0003", line: 1, lot: "L-0009", 1000)
            let storeB = try openStore(in: folder, clock: clock, actor: "supervisor-b")
            #expect(storeB.ledger.requests["R-0003"]?.state == .proposed)

            clock.set("2026-02-10 15:50")
            try storeA.approve("R-0003")
            let count = try eventCount(storeA)
            #expect(storeB.ledger.requests["R-0003"]?.state == .proposed)  // B has not looked yet

            #expect(throws: DomainError.illegalTransition("R-0003", from: .approved, to: .rejected)) {
                try storeB.reject("R-0003", reason: "重复")
            }
            #expect(try eventCount(storeB) == count)
            #expect(storeB.ledger.requests["R-0003"]?.state == .approved)
            #expect(storeB.ledger.requests["R-0003"]?.decidedBy == "coordinator")
            #expect(storeB.ledger == storeA.ledger)
        }
    }

    @Test("refresh folds in what another store appended")
    func refreshPicksUpOthers() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            let storeA = try makeStore(in: folder, clock: clock)
            let storeB = try openStore(in: folder, clock: clock)
            #expect(try storeB.refresh() == false)
            let token = try storeB.log.changeToken()

            try importSamples([.recipients, .stock], into: storeA, clock: clock)
            #expect(storeB.ledger.lots.isEmpty)
            #expect(try storeB.log.changeToken() != token)
            #expect(try storeB.refresh() == true)
            #expect(storeB.ledger == storeA.ledger)
            #expect(try storeB.refresh() == false)

            // And the other way round.
            try importSamples([.requests], into: storeB, clock: clock)
            #expect(try storeA.refresh() == true)
            #expect(storeA.ledger == storeB.ledger)
            #expect(storeA.ledger.requests.count == 31)
        }
    }

    @Test("B's command folds in A's events first and numbers its own after them")
    func performFoldsInOthers() throws {
        try withTemporaryDirectory { folder in
            let (storeA, clock) = try sampleStore(in: folder, [.recipients, .stock])
            let storeB = try openStore(in: folder, clock: clock)
            try importSamples([.requests], into: storeA, clock: clock)
            // B has not seen the requests, but its proposal is checked against them.
            try storeB.propose("R-0001", line: 1, lot: "L-0001", 100)
            #expect(storeB.ledger.requests.count == 31)
            #expect(storeB.ledger.proposedQuantity("R-0001", line: 1) == 100)
            #expect(try storeA.refresh())
            #expect(storeA.ledger == storeB.ledger)
            let sequences = try storeA.log.events(after: 0).map(\.sequence)
            #expect(sequences == Array(1...Int64(sequences.count)))
        }
    }

    @Test("two stores racing for one scarce lot never allocate more than it holds")
    func raceForScarceLot() throws {
        try withTemporaryDirectory { folder in
            let clock = TestClock("2026-02-10 15:45")
            let lotSize = 100
            let perProposal = 7
            let requestsPerStore = 20
            do {
                let store = try makeStore(in: folder, clock: clock)
                try importSamples([.recipients], into: store, clock: clock)
                try store.perform(
                    .lotRegistered(
                        LotRegistration(
                            id: "L-SCARCE", item: ItemKey(kind: "口罩", spec: "医用防护N95"), unit: "只", quantity: lotSize,
                            packSize: 1, donor: "匿名", status: .arrived(at: Sample.time("2026-02-10 09:00")))))
                try store.perform { _ in
                    (0..<(2 * requestsPerStore)).map { index in
                        .requestSubmitted(
                            RequestSubmission(
                                id: RequestID("R-\(index)"), recipient: "H04",
                                neededBy: Sample.time("2026-02-10 20:00"),
                                lines: [
                                    RequestLine(
                                        number: 1, item: ItemKey(kind: "口罩", spec: "医用防护N95"), unit: "只", quantity: 50)
                                ]
                            ))
                    }
                }
            }

            try grant([.taskForce], to: "worker0", in: folder, clock: TestClock("2026-02-10 15:45"))
            try grant([.taskForce], to: "worker1", in: folder, clock: TestClock("2026-02-10 15:45"))
            let outcomes = Outcomes()
            let path = dataPath(folder)
            DispatchQueue.concurrentPerform(iterations: 2) { worker in
                do {
                    let store = try DataDirectory(path: path).open(actor: "worker\(worker)", clock: clock.function)
                    for index in 0..<requestsPerStore {
                        let request = RequestID("R-\(worker * requestsPerStore + index)")
                        do {
                            try store.propose(request, line: 1, lot: "L-SCARCE", perProposal)
                            outcomes.record(accepted: true)
                        } catch let error as DomainError {
                            if case .insufficientStock = error {
                                outcomes.record(accepted: false)
                            } else {
                                outcomes.record(failure: "\(error)")
                            }
                        }
                    }
                } catch {
                    outcomes.record(failure: "\(error)")
                }
            }

            #expect(outcomes.failures == [])
            #expect(outcomes.accepted == lotSize / perProposal)
            #expect(outcomes.accepted + outcomes.refused == 2 * requestsPerStore)
            let final = try openStore(in: folder, clock: clock)
            let lot = try #require(final.ledger.lots["L-SCARCE"])
            #expect(lot.proposed == outcomes.accepted * perProposal)
            #expect(lot.proposed <= lotSize)
            #expect(lot.free >= 0)
            let allocated = final.ledger.allocations(of: lot.id).reduce(0) { $0 + $1.proposedQuantity }
            #expect(allocated == lot.proposed)
        }
    }
}

// MARK: - Test doubles

/// Tallies what racing workers saw.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var _accepted = 0
    private var _refused = 0
    private var _failures: [String] = []

    func record(accepted: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if accepted { _accepted += 1 } else { _refused += 1 }
    }

    func record(failure: String) {
        lock.lock()
        defer { lock.unlock() }
        _failures.append(failure)
    }

    var accepted: Int {
        lock.lock()
        defer { lock.unlock() }
        return _accepted
    }
    var refused: Int {
        lock.lock()
        defer { lock.unlock() }
        return _refused
    }
    var failures: [String] {
        lock.lock()
        defer { lock.unlock() }
        return _failures
    }
}

/// An in-memory log whose commit can be made to fail after the body has run,
/// as SQLite does when the disk fills up during COMMIT.
private final class FailingCommitLog: EventLog {
    var stored: [RecordedEvent] = []
    var failNextCommit = false
    /// Fails the next append with an I/O error before it reads anything, as a failing disk may.
    var failNextRead = false

    func events(after sequence: Int64) throws -> [RecordedEvent] {
        stored.filter { $0.sequence > sequence }
    }

    func append(after sequence: Int64, _ body: ([RecordedEvent]) throws -> [RecordedEvent]) throws {
        if failNextRead {
            failNextRead = false
            throw StoreError.notSaved("disk I/O error")
        }
        let events = try body(stored.filter { $0.sequence > sequence })
        if failNextCommit {
            failNextCommit = false
            throw StoreError.notSaved("disk full")
        }
        stored += events
    }

    func changeToken() throws -> Int64 { Int64(stored.count) }
}
