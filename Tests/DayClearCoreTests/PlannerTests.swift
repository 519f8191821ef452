import Foundation
import Testing

@testable import DayClearCore

/// The operational day that holds the fixture's morning (arrived lots only).
private let today = CivilDate(year: 2026, month: 2, day: 10)
/// The next day, whose list also holds the expected N95 lot.
private let tomorrow = CivilDate(year: 2026, month: 2, day: 11)

extension Fixture {
    /// Plans with `rule`, with explanations, and records every proposal; a refused one fails the test.
    @discardableResult
    mutating func planAndApply(
        _ rule: PlanningRule = .default, day: CivilDate = today, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Plan {
        let plan = Planner(rule: rule).plan(ledger: ledger, day: day, now: now, explained: true)
        for event in plan.events { try record(event, actor: "planner", reason: "planner: \(rule.rawValue)") }
        return plan
    }

    mutating func addRecipient(_ id: RecipientID, _ tier: Tier) throws {
        try record(.recipientRegistered(Self.recipient(id, "单位 \(id)", tier)))
    }
}

extension Plan {
    func planned(_ request: RequestID, line: Int = 1) -> Int {
        lines.first { $0.request == request && $0.line == line }?.planned ?? 0
    }

    func units(_ request: RequestID, from lot: LotID) -> Int {
        allocations.filter { $0.request == request && $0.lot == lot }.reduce(0) { $0 + $1.quantity }
    }
}

@Suite("Planner: default rule")
struct PlannerDefaultRuleTests {
    @Test("strict tiers: each tier is served in full before what is left flows to the next")
    func tiersFlowThrough() throws {
        var f = try Fixture()
        try f.submit("R-4", for: Units.checkpoint, [(Items.gownL, 50)])
        try f.submit("R-3", for: Units.district, [(Items.gownL, 100)])
        try f.submit("R-2", for: Units.otherHospital, [(Items.gownL, 100)])
        try f.submit("R-1", for: Units.frontLine, [(Items.gownL, 60)])
        let plan = try f.planAndApply()
        #expect(plan.planned("R-1") == 60)
        #expect(plan.planned("R-2") == 100)
        #expect(plan.planned("R-3") == 40)
        #expect(plan.planned("R-4") == 0)
        #expect(plan.shortfalls.map(\.request) == ["R-3", "R-4"])
        #expect(try f.lot(Lots.gowns).free == 0)
    }

    @Test("within a tier, pro-rata to the asked quantity, whole packs by largest remainder")
    func largestRemainder() throws {
        var f = try Fixture()
        try f.addRecipient("H03", .otherHospital)
        try f.addRecipient("H04", .otherHospital)
        // 200 gowns in packs of 20 for 130 + 110 + 60 = 300 asked: exact shares 86.7, 73.3, 40.
        try f.submit("R-A", for: Units.otherHospital, [(Items.gownL, 130)])
        try f.submit("R-B", for: "H03", [(Items.gownL, 110)])
        try f.submit("R-C", for: "H04", [(Items.gownL, 60)])
        let plan = try f.planAndApply()
        // Floors 80, 60, 40 leave one pack; R-B has the largest remainder (13.3 against 6.7).
        #expect(plan.planned("R-A") == 80)
        #expect(plan.planned("R-B") == 80)
        #expect(plan.planned("R-C") == 40)
        for allocation in plan.allocations {
            let explanation = try #require(allocation.explanation)
            #expect(abs(Double(explanation.awarded) - explanation.exactShare) < Double(explanation.packSize))
            #expect(explanation.packSize == 20)
        }
        let rounding = Dictionary(plan.allocations.map { ($0.request, $0.explanation?.rounding) }) { a, _ in a }
        #expect(rounding == ["R-A": .down, "R-B": .up, "R-C": .exact])
    }

    @Test("equal remainders: the earliest needed-by gets the pack, then the lower request id")
    func tiesByNeededByThenId() throws {
        var f = try Fixture()
        try f.addRecipient("H03", .otherHospital)
        try f.addRecipient("H04", .otherHospital)
        try f.submit("R-1", for: Units.otherHospital, [(Items.gownL, 100)])
        try f.submit("R-2", for: "H03", [(Items.gownL, 100)])
        try f.submit("R-3", for: "H04", [(Items.gownL, 100)], neededBy: Clock.at(2026, 2, 11, 12))
        let plan = try f.planAndApply()
        // 66.7 each: floors 60 + 60 + 60, one pack left for R-3 (earliest needed-by).
        #expect([plan.planned("R-1"), plan.planned("R-2"), plan.planned("R-3")] == [60, 60, 80] as [Int])

        var g = try Fixture()
        try g.addRecipient("H03", .otherHospital)
        try g.addRecipient("H04", .otherHospital)
        try g.submit("R-9", for: Units.otherHospital, [(Items.gownL, 100)])
        try g.submit("R-10", for: "H03", [(Items.gownL, 100)])
        try g.submit("R-11", for: "H04", [(Items.gownL, 100)])
        let same = try g.planAndApply()
        // Same needed-by: request ids in natural order, so R-9 gets it.
        #expect([same.planned("R-9"), same.planned("R-10"), same.planned("R-11")] == [80, 60, 60] as [Int])
    }

    @Test("a partial pack is handed out whole when a line's need is not a pack multiple")
    func partialPack() throws {
        var f = try Fixture()
        try f.submit("R-1", for: Units.frontLine, [(Items.gownL, 33)])
        try f.submit("R-2", for: Units.otherHospital, [(Items.gownL, 500)])
        let plan = try f.planAndApply()
        #expect(plan.planned("R-1") == 33)
        #expect(plan.planned("R-2") == 167)
        #expect(plan.allocations.first { $0.request == "R-1" }?.explanation?.rounding == .fullNeed)
    }

    @Test("directed lots go to their recipient first and never to anyone else")
    func earmarks() throws {
        var f = try Fixture()
        try f.submit("R-2", for: Units.otherHospital, [(Items.n95, 2000)])
        try f.submit("R-1", for: Units.frontLine, [(Items.n95, 200)])
        let plan = try f.planAndApply()
        #expect(plan.units("R-1", from: Lots.n95Directed) == 200)
        #expect(plan.units("R-1", from: Lots.n95) == 0)
        #expect(plan.units("R-2", from: Lots.n95) == 1000)
        #expect(plan.units("R-2", from: Lots.n95Directed) == 0)
        #expect(try f.lot(Lots.n95Directed).free == 100)
        #expect(plan.allocations.first { $0.request == "R-1" }?.source == .directed)
    }

    @Test("an expected lot serves only lines needed after its ETA; the router of stock keeps both served")
    func expectedLotAndNeededBy() throws {
        var f = try Fixture()
        // Tier 2 can wait for the expected lot; tier 3 needs its masks before it arrives.
        try f.submit("R-2", for: Units.otherHospital, [(Items.n95, 1000)])
        try f.submit("R-3", for: Units.district, [(Items.n95, 1000)], neededBy: Clock.at(2026, 2, 11, 8))
        let plan = try f.planAndApply(day: tomorrow)
        #expect(plan.planned("R-2") == 1000)
        #expect(plan.units("R-2", from: Lots.n95Expected) == 600)
        #expect(plan.planned("R-3") == 600)
        #expect(plan.units("R-3", from: Lots.n95Expected) == 0)
    }

    @Test("the lot that expires first is picked first; an expired lot never")
    func expiryOrder() throws {
        var f = try Fixture()
        let evening = Clock.at(2026, 2, 9, 17, 30)
        try f.registerLot("L-0100", Items.gloves, quantity: 500, packSize: 100, status: .arrived(at: evening))
        try f.registerLot(
            "L-0101", Items.gloves, quantity: 500, packSize: 100, status: .arrived(at: evening),
            expiry: Clock.at(2026, 6, 1))
        try f.submit("R-1", [(Items.gloves, 700)])
        let plan = Planner().plan(ledger: f.ledger, day: today, now: f.now)
        #expect(plan.allocations.map(\.lot) == [Lots.glovesNearExpiry, "L-0101"])
        #expect(plan.allocations.map(\.quantity) == [500, 200])

        f.now = Clock.at(2026, 2, 11, 1)
        let later = try f.planAndApply(day: tomorrow)
        #expect(later.allocations.map(\.lot) == ["L-0101", "L-0100"])
        #expect(later.units("R-1", from: Lots.glovesNearExpiry) == 0)
    }

    @Test("a different spec is never substituted")
    func noSubstitution() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.surgical, 1000)])
        let plan = try f.planAndApply()
        #expect(plan.allocations.allSatisfy { $0.lot == Lots.surgical })
        #expect(plan.planned("R-1") == 400)
        #expect(plan.shortfalls.first?.shortfall == 600)
    }

    @Test("what is already proposed counts: only the rest of the line is planned")
    func countsProposed() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.gownL, 150)])
        try f.propose("R-1", from: Lots.gowns, 100)
        try f.submit("R-2", for: Units.district, [(Items.gownL, 100)])
        let plan = try f.planAndApply()
        #expect(plan.planned("R-1") == 50)
        #expect(plan.planned("R-2") == 50)
        #expect(plan.lines.first { $0.request == "R-1" }?.alreadyProposed == 100)
    }

    @Test("every quantity explains itself, in Chinese and English")
    func explanations() throws {
        var f = try Fixture()
        try f.submit("R-1", for: Units.district, [(Items.gownL, 300)])
        let plan = try f.planAndApply()
        let explanation = try #require(plan.allocations.first?.explanation)
        #expect(explanation.tier == .districtOffice)
        #expect(explanation.shortfall == 100)
        #expect(explanation.exactShare == 200)
        #expect(explanation.chinese.contains("缺口 100"))
        #expect(explanation.english.contains("shortfall 100"))
        #expect(explanation.english.contains("tier 3"))
    }
}

@Suite("Planner: alternative rules")
struct PlannerRuleTests {
    private func fixture() throws -> Fixture {
        var f = try Fixture()
        try f.submit("R-1", for: Units.frontLine, [(Items.gownL, 100)])
        try f.submit("R-4", for: Units.checkpoint, [(Items.gownL, 300)])
        return f
    }

    @Test("pro-rata ignores tiers: 200 gowns for 100 and 300 asked give 50 and 150, in whole packs")
    func proRata() throws {
        var f = try fixture()
        let plan = try f.planAndApply(.proRata)
        // Exact 50 and 150; floors 40 and 140; remainders tie, R-1 first by request id.
        #expect(plan.planned("R-1") == 60)
        #expect(plan.planned("R-4") == 140)
    }

    @Test("equal awards: the same units for every line, capped at its need")
    func equalAwards() throws {
        var f = try fixture()
        try f.submit("R-2", for: Units.otherHospital, [(Items.gownL, 40)])
        let plan = try f.planAndApply(.equalAwards)
        #expect(plan.planned("R-2") == 40)
        #expect(plan.planned("R-1") == 80)
        #expect(plan.planned("R-4") == 80)
    }

    @Test("strict priority: tier, then needed-by, each line filled in turn")
    func strictPriority() throws {
        var f = try fixture()
        try f.submit("R-5", for: Units.checkpoint, [(Items.gownL, 50)], neededBy: Clock.at(2026, 2, 11, 9))
        let plan = try f.planAndApply(.strictPriority)
        #expect(plan.planned("R-1") == 100)
        #expect(plan.planned("R-5") == 50)
        #expect(plan.planned("R-4") == 50)
    }

    @Test("the default rule serves the front line in full where pro-rata would not")
    func defaultAgainstProRata() throws {
        var f = try fixture()
        let plan = try f.planAndApply(.default)
        #expect(plan.planned("R-1") == 100)
        #expect(plan.planned("R-4") == 100)
    }
}
