import Foundation
import Testing

@testable import DayClearCore

@Suite("Checked arithmetic")
struct CheckedArithmeticTests {
    @Test(
        "checkedAdding throws overflow instead of trapping",
        arguments: [(Int.max, 1), (1, Int.max), (Int.max, Int.max), (Int.min, -1), (Int.max / 2 + 1, Int.max / 2 + 1)])
    func addingOverflows(_ a: Int, _ b: Int) {
        #expect(throws: DomainError.overflow("lot L-1 quantity")) { try a.checkedAdding(b, "lot L-1 quantity") }
    }

    @Test(
        "checkedAdding adds when the sum fits",
        arguments: [(Int.max - 1, 1), (Int.max, 0), (Int.max, -1), (Int.min, Int.max), (2, 3)])
    func addingFits(_ a: Int, _ b: Int) throws {
        #expect(try a.checkedAdding(b, "x") == a + b)
    }

    @Test("an overflow names what overflowed")
    func overflowNamed() {
        #expect(DomainError.overflow("line total").description == "quantity overflow: line total")
    }

    @Test("the description is only built when the sum overflows")
    func lazyDescription() throws {
        var built = 0
        func what() -> String {
            built += 1
            return "x"
        }
        _ = try 1.checkedAdding(2, what())
        #expect(built == 0)
        _ = try? Int.max.checkedAdding(1, what())
        #expect(built == 1)
    }
}

/// Scenarios run in a child process, so that a trap fails one test instead of
/// the whole run. Each throws `ScenarioFailure` when the ledger answers wrongly.
enum OverflowScenarios {
    struct ScenarioFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static let bleach = ItemKey(kind: "消毒液", spec: "84 5L")
    static let goggles = ItemKey(kind: "护目镜", spec: "防雾")

    static let arrival = Clock.at(2026, 2, 9, 18, 0)

    /// The fixture plus L-MAX-A (Int.max bleach) and L-MAX-G (Int.max goggles).
    static func fixtureWithHugeLots() throws -> Fixture {
        var f = try Fixture()
        try f.record(
            .lotRegistered(
                LotRegistration(
                    id: "L-MAX-A", item: bleach, unit: "桶", quantity: Int.max, packSize: 4, donor: "巨额捐赠",
                    status: .arrived(at: arrival))))
        try f.record(
            .lotRegistered(
                LotRegistration(
                    id: "L-MAX-G", item: goggles, unit: "副", quantity: Int.max, packSize: 1, donor: "巨额捐赠",
                    status: .arrived(at: arrival))))
        return f
    }

    /// Registers L-MAX-B, a second Int.max lot of bleach. False when the ledger
    /// refuses it as an overflow of the item's stock, which is a fair answer too.
    static func registerSecondHugeLot(_ f: inout Fixture) throws -> Bool {
        do {
            try f.record(
                .lotRegistered(
                    LotRegistration(
                        id: "L-MAX-B", item: bleach, unit: "桶", quantity: Int.max, packSize: 4, donor: "巨额捐赠",
                        status: .arrived(at: arrival))))
            return true
        } catch DomainError.overflow {
            return false
        }
    }

    static func lines(_ items: [(ItemKey, Int, String)]) -> [RequestLine] {
        items.enumerated().map { RequestLine(number: $0 + 1, item: $1.0, unit: $1.2, quantity: $1.1) }
    }

    static func submit(_ f: inout Fixture, _ id: RequestID, _ items: [(ItemKey, Int, String)]) throws {
        try f.record(
            .requestSubmitted(
                RequestSubmission(
                    id: id, recipient: Units.otherHospital, neededBy: Clock.comfortablyLater, lines: lines(items))))
    }

    static func expectError(
        _ f: inout Fixture, _ event: DomainEvent, _ accepts: (DomainError) -> Bool, _ what: String
    ) throws {
        let before = f.ledger
        do {
            try f.record(event)
        } catch let error as DomainError {
            guard accepts(error) else { throw ScenarioFailure("\(what): unexpected \(error)") }
            guard f.ledger == before else { throw ScenarioFailure("\(what): refused event changed the ledger") }
            return
        }
        throw ScenarioFailure("\(what): accepted")
    }

    /// Runs a scenario in the exit test's child process: exit 0 when it holds,
    /// 1 with the reason on standard error when it does not.
    static func run(_ scenario: () throws -> Void) -> Never {
        do {
            try scenario()
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("scenario failed: \(error)\n".utf8))
            exit(1)
        }
    }

    static func proposal(_ request: RequestID, line: Int = 1, _ lot: LotID, _ quantity: Int) -> DomainEvent {
        .allocationProposed(AllocationProposal(request: request, line: line, lot: lot, quantity: quantity))
    }

    /// A lot of Int.max units: allocate all of it, ask for more, approve, dispatch, deliver.
    static func wholeHugeLot() throws {
        var f = try fixtureWithHugeLots()
        try submit(&f, "R-1", [(bleach, Int.max, "桶")])
        try submit(&f, "R-2", [(bleach, 10, "桶")])
        try f.propose("R-1", from: "L-MAX-A", Int.max - 10)
        try f.propose("R-2", from: "L-MAX-A", 10)
        try expectError(
            &f, proposal("R-1", "L-MAX-A", 1), { $0 == .insufficientStock(lot: "L-MAX-A", free: 0, wanted: 1) },
            "lot exhausted")
        try expectError(
            &f, proposal("R-1", "L-MAX-A", Int.max),
            { $0 == .insufficientStock(lot: "L-MAX-A", free: 0, wanted: Int.max) }, "Int.max more")
        try f.approve("R-1")
        try f.approve("R-2", [1: 4])
        try f.dispatch("R-1")
        try f.dispatch("R-2")
        try f.deliver("R-1")
        try f.deliver("R-2")
        let a = try f.lot("L-MAX-A")
        guard a.dispatched == Int.max - 6, a.proposed == 0, a.approved == 0, a.free == 6, a.onHand == 6 else {
            throw ScenarioFailure("lot A counters \(a)")
        }
        guard try f.request("R-1").lines.first?.received == Int.max - 10 else { throw ScenarioFailure("received") }
        // A whole lot of Int.max to one line.
        try submit(&f, "R-3", [(goggles, Int.max, "副")])
        try f.propose("R-3", from: "L-MAX-G", Int.max)
        try f.approve("R-3")
        // An expected lot counted at Int.max.
        try f.record(
            .lotRegistered(
                LotRegistration(
                    id: "L-MAX-E", item: ItemKey(kind: "担架", spec: "折叠"), unit: "副", quantity: 1, packSize: 1,
                    donor: "d",
                    status: .expected(eta: Clock.expectedETA))))
        try f.receive("L-MAX-E", Int.max)
        guard try f.lot("L-MAX-E").free == Int.max else { throw ScenarioFailure("L-MAX-E free") }
        guard try f.replayed() == f.ledger else { throw ScenarioFailure("replay differs") }
    }

    /// A line of Int.max fully proposed from one lot, then 1 more from another:
    /// refused (exceedsAsked or overflow), not a trap while building the error.
    static func exceedsAskedNearMax() throws {
        var f = try fixtureWithHugeLots()
        guard try registerSecondHugeLot(&f) else { return }
        try submit(&f, "R-1", [(bleach, Int.max, "桶")])
        try f.propose("R-1", from: "L-MAX-A", Int.max)
        try expectError(
            &f, proposal("R-1", "L-MAX-B", 1),
            {
                switch $0 {
                case .exceedsAsked("R-1", line: 1, asked: Int.max, wouldBe: _), .overflow: return true
                default: return false
                }
            }, "one more than Int.max")
    }

    /// Two lines of Int.max each, fully proposed, approved as proposed: each line
    /// fits, so the approval must not trap on a total over lines.
    static func approveTwoHugeLines() throws {
        var f = try fixtureWithHugeLots()
        try submit(&f, "R-1", [(bleach, Int.max, "桶"), (goggles, Int.max, "副")])
        try f.propose("R-1", line: 1, from: "L-MAX-A", Int.max)
        try f.propose("R-1", line: 2, from: "L-MAX-G", Int.max)
        do {
            try f.approve("R-1")
        } catch DomainError.overflow {
            return  // a clear refusal is acceptable; a trap is not
        }
        guard try f.lot("L-MAX-A").approved == Int.max, try f.lot("L-MAX-G").approved == Int.max else {
            throw ScenarioFailure("approved counters")
        }
        try f.dispatch("R-1")
        try f.deliver("R-1")
        guard try f.replayed() == f.ledger else { throw ScenarioFailure("replay differs") }
    }
}

extension OverflowScenarios {
    /// Two arrived lots of Int.max bleach, one partly dispatched: the day's
    /// lists and the day-end report must not trap while adding them up.
    static func reportsOverHugeLots() throws {
        var f = try fixtureWithHugeLots()
        guard try registerSecondHugeLot(&f) else { return }
        try submit(&f, "R-1", [(bleach, 100, "桶")])
        try f.propose("R-1", from: "L-MAX-B", 100, at: Clock.at(2026, 2, 10, 9, 0))
        try f.approve("R-1", at: Clock.at(2026, 2, 10, 9, 5))
        try f.dispatch("R-1", at: Clock.at(2026, 2, 10, 10, 0))
        let day = CivilDate(year: 2026, month: 2, day: 10)
        let lists = DayLists(ledger: f.ledger, day: day, now: Clock.at(2026, 2, 10, 11, 0))
        guard lists.stock.contains(where: { $0.lot == "L-MAX-B" }) else { throw ScenarioFailure("stock list") }
        let report = DayEndReport(ledger: f.ledger, day: day)
        guard report.dispatches.map(\.quantity) == [100] else { throw ScenarioFailure("dispatches") }
        _ = DayEndReport(ledger: f.ledger, day: CivilDate(year: 2026, month: 2, day: 11))
    }
}

extension OverflowScenarios {
    /// Requests of Int.max against a lot of Int.max, and against a lot whose pack is 2⁵⁰ units: every
    /// rule plans without trapping, within the lot, and its events are accepted.
    static func planOverHugeLots() throws {
        var f = try fixtureWithHugeLots()
        let stretcher = ItemKey(kind: "担架", spec: "折叠")
        try f.record(
            .lotRegistered(
                LotRegistration(
                    id: "L-BIG-PACK", item: stretcher, unit: "副", quantity: Int.max, packSize: 1 << 50, donor: "d",
                    status: .arrived(at: arrival))))
        try submit(&f, "R-1", [(bleach, Int.max, "桶"), (stretcher, Int.max / 3, "副")])
        try submit(&f, "R-2", [(bleach, Int.max, "桶"), (stretcher, Int.max / 3, "副")])
        try submit(&f, "R-3", [(stretcher, Int.max / 5, "副")])
        for rule in PlanningRule.allCases {
            let plan = Planner(rule: rule).plan(
                ledger: f.ledger, day: CivilDate(year: 2026, month: 2, day: 10), now: f.now, explained: true)
            var bleachUnits = 0
            for allocation in plan.allocations where allocation.lot == "L-MAX-A" {
                let (sum, overflow) = bleachUnits.addingReportingOverflow(allocation.quantity)
                guard !overflow else { throw ScenarioFailure("\(rule): more than the lot holds") }
                bleachUnits = sum
            }
            guard bleachUnits > 0 else { throw ScenarioFailure("\(rule): nothing planned from L-MAX-A") }
            guard plan.allocations.contains(where: { $0.lot == "L-BIG-PACK" }) else {
                throw ScenarioFailure("\(rule): nothing planned from L-BIG-PACK")
            }
            var copy = f
            for event in plan.events { try copy.record(event) }
        }
    }
}

@Suite("Huge quantities do not trap")
struct HugeQuantityTests {
    @Test("planning requests of Int.max against lots of Int.max units, or of packs of 2⁵⁰, does not trap")
    func planOverHugeLots() async {
        await #expect(processExitsWith: .success) {
            OverflowScenarios.run(OverflowScenarios.planOverHugeLots)
        }
    }

    @Test("a lot of Int.max units can be allocated, approved, dispatched and delivered")
    func wholeHugeLot() async {
        await #expect(processExitsWith: .success) {
            OverflowScenarios.run(OverflowScenarios.wholeHugeLot)
        }
    }

    @Test("proposing past a line of Int.max is refused, not a trap")
    func exceedsAskedNearMax() async {
        await #expect(processExitsWith: .success) {
            OverflowScenarios.run(OverflowScenarios.exceedsAskedNearMax)
        }
    }

    @Test("the day's lists and day-end report over two lots of Int.max do not trap")
    func reportsOverHugeLots() async {
        await #expect(processExitsWith: .success) {
            OverflowScenarios.run(OverflowScenarios.reportsOverHugeLots)
        }
    }

    @Test("approving two lines of Int.max each does not trap")
    func approveTwoHugeLines() async {
        await #expect(processExitsWith: .success) {
            OverflowScenarios.run(OverflowScenarios.approveTwoHugeLines)
        }
    }
}
