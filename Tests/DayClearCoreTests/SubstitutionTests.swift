import Foundation
import Testing

@testable import DayClearCore

private let today = CivilDate(year: 2026, month: 2, day: 10)

extension Fixture {
    mutating func allow(
        _ request: RequestID, line: Int = 1, _ item: ItemKey, actor: String = "supervisor"
    ) throws {
        try record(allowance(request, line: line, item.spec), actor: actor)
    }

    func allowance(_ request: RequestID, line: Int = 1, _ spec: String) -> DomainEvent {
        .substitutionAllowed(SubstitutionAllowance(request: request, line: line, spec: spec))
    }
}

@Suite("Substitutions: the ledger")
struct SubstitutionLedgerTests {
    @Test("a lot of another spec is refused for a line until a supervisor allows that spec for it")
    func refusedUntilAllowed() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        let proposal = DomainEvent.allocationProposed(
            AllocationProposal(request: "R-1", line: 1, lot: Lots.surgical, quantity: 100))
        f.expectRefusal(
            proposal, .kindMismatch(lot: Lots.surgical, lotItem: Items.surgical, line: 1, lineItem: Items.n95))
        try f.allow("R-1", Items.surgical, actor: "wang")
        let allowed = try #require(f.ledger.substitute(Items.surgical, for: "R-1", line: 1))
        #expect(allowed.allowedBy == "wang")
        #expect(allowed.allowedAt == Clock.morning)
        try f.record(proposal, actor: "taskforce")
        #expect(try f.lot(Lots.surgical).proposed == 100)
        #expect(f.ledger.invariantViolations().isEmpty)
        #expect(try f.replayed() == f.ledger)
        // Another kind stays refused: the allowance is for one spec of the line's own kind.
        f.expectRefusal(
            .allocationProposed(AllocationProposal(request: "R-1", line: 1, lot: Lots.gowns, quantity: 1)),
            .kindMismatch(lot: Lots.gowns, lotItem: Items.gownL, line: 1, lineItem: Items.n95))
    }

    @Test("an allowance for one line or one request does not open another")
    func allowanceIsPerLine() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100), (Items.gownL, 10)])
        try f.submit("R-2", for: Units.district, [(Items.n95, 100)])
        try f.allow("R-1", line: 1, Items.surgical)
        f.expectRefusal(
            .allocationProposed(AllocationProposal(request: "R-2", line: 1, lot: Lots.surgical, quantity: 10)),
            .kindMismatch(lot: Lots.surgical, lotItem: Items.surgical, line: 1, lineItem: Items.n95))
    }

    @Test("bad allowances are refused with the request, line and spec named, and change nothing")
    func badAllowances() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        f.expectRefusal(f.allowance("R-9", Items.surgical.spec), .unknownRequest("R-9"))
        f.expectRefusal(f.allowance("R-1", line: 2, Items.surgical.spec), .unknownLine("R-1", 2))
        f.expectRefusal(
            f.allowance("R-1", Items.n95.spec), .substitutionRefused("R-1", line: 1, .ownSpec(Items.n95.spec)))
        // A spec never registered for the line's kind, with the known ones as a hint.
        f.expectRefusal(
            f.allowance("R-1", "KN95"),
            .unknownItem(
                ItemKey(kind: "口罩", spec: "KN95"), knownSpecs: [Items.n95.spec, Items.surgical.spec].sorted()))
        // Gowns' spec is not a 口罩 spec.
        f.expectRefusal(f.allowance("R-1", Items.gownL.spec)) { error in
            if case .unknownItem(let item, _) = error { return item.kind == "口罩" }
            return false
        }
        f.expectRefusal(f.allowance("R-1", " ")) { error in "\(error)".contains("R-1 line 1 substitute spec is empty") }
        try f.allow("R-1", Items.surgical)
        f.expectRefusal(f.allowance("R-1", Items.surgical.spec)) { error in
            if case .duplicate(let what) = error { return what.contains("R-1 line 1") }
            return false
        }
    }

    @Test("another spec counted in another unit is refused")
    func unitMismatch() throws {
        var f = try Fixture()
        let boxed = ItemKey(kind: "口罩", spec: "KN95 盒装")
        try f.record(
            .lotRegistered(
                LotRegistration(
                    id: "L-BOX", item: boxed, unit: "盒", quantity: 10, packSize: 1, donor: "d",
                    status: .arrived(at: Clock.morning))))
        try f.submit("R-1", [(Items.n95, 100)])
        f.expectRefusal(f.allowance("R-1", boxed.spec), .unitMismatch(boxed, expected: "个", got: "盒"))
    }

    @Test("only while the request awaits a decision")
    func onlyWhileOpen() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        try f.propose("R-1", from: Lots.n95, 100)
        try f.approve("R-1")
        f.expectRefusal(
            f.allowance("R-1", Items.surgical.spec),
            .substitutionRefused("R-1", line: 1, .notAwaitingDecision(.approved)))
    }

    @Test("a supervisor's event: it needs the approver role")
    func approverRole() {
        let event = DomainEvent.substitutionAllowed(SubstitutionAllowance(request: "R-1", line: 1, spec: "x"))
        #expect(event.requiredRole == .approver)
        #expect(event.requestID == "R-1")
        #expect(event.summary == "allowed spec x for R-1 line 1")
    }

    @Test("a revoked substitute is refused for new proposals; what was proposed and approved under it stays valid")
    func revoke() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        try f.allow("R-1", Items.surgical)
        try f.propose("R-1", from: Lots.surgical, 100)
        let revoke = DomainEvent.substitutionRevoked(
            SubstitutionAllowance(request: "R-1", line: 1, spec: Items.surgical.spec))
        // Units of the substitute are proposed: revoking now would let an approval take them.
        f.expectRefusal(
            revoke, .substitutionRefused("R-1", line: 1, .stillProposed(spec: Items.surgical.spec, quantity: 100)),
            actor: "supervisor")
        try f.returnRequest("R-1")
        try f.record(.requestResubmitted(Fixture.submission("R-1", [(Items.n95, 100)])))
        try f.record(revoke, actor: "li")
        let revoked = try #require(f.ledger.substitutions["R-1"]?.first)
        #expect(revoked.revokedBy == "li")
        #expect(!revoked.isActive)
        #expect(f.ledger.substitutes(for: "R-1", line: 1).isEmpty)
        f.expectRefusal(
            .allocationProposed(AllocationProposal(request: "R-1", line: 1, lot: Lots.surgical, quantity: 10)),
            .kindMismatch(lot: Lots.surgical, lotItem: Items.surgical, line: 1, lineItem: Items.n95))
        // The released allocation of the revoked substitute is no violation.
        #expect(f.ledger.invariantViolations().isEmpty)
        #expect(try f.replayed() == f.ledger)
        // Revoking twice names what is missing; allowing again works.
        f.expectRefusal(revoke, .substitutionRefused("R-1", line: 1, .noneToRevoke(Items.surgical.spec)))
        try f.allow("R-1", Items.surgical)
        #expect(f.ledger.substitutes(for: "R-1", line: 1).count == 1)
        #expect(revoke.requiredRole == .approver)
        #expect(revoke.summary == "revoked spec \(Items.surgical.spec) for R-1 line 1")
    }

    @Test("the day-end dispatches name the spec that left, so they add up to the stock disclosure")
    func dispatchedSubstituteInTheDayEnd() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        try f.allow("R-1", Items.surgical)
        try f.propose("R-1", from: Lots.surgical, 100)
        try f.approve("R-1")
        try f.dispatch("R-1")
        let report = DayEndReport(ledger: f.ledger, day: today)
        let row = try #require(report.dispatches.first { $0.request == "R-1" })
        #expect(row.item == Items.surgical && row.lot == Lots.surgical && row.quantity == 100)
        for disclosed in report.disclosure {
            let dispatched = report.dispatches.filter { $0.item == disclosed.item }.reduce(0) { $0 + $1.quantity }
            #expect(dispatched == disclosed.dispatched, "\(disclosed.item)")
        }
    }

    @Test("the planner no longer uses a revoked substitute")
    func plannerIgnoresRevoked() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 1300)])
        try f.allow("R-1", Items.surgical)
        try f.record(
            .substitutionRevoked(SubstitutionAllowance(request: "R-1", line: 1, spec: Items.surgical.spec)),
            actor: "supervisor")
        let plan = try f.planAndApplyToday()
        #expect(plan.planned("R-1") == 1000)
        #expect(plan.units("R-1", from: Lots.surgical) == 0)
    }

    @Test("a resubmission keeps the allowance of a line that keeps its item and drops one whose item changed")
    func resubmission() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100), (Items.surgical, 50)])
        try f.allow("R-1", line: 1, Items.surgical)
        try f.allow("R-1", line: 2, Items.n95)
        try f.propose("R-1", line: 1, from: Lots.surgical, 40)
        try f.returnRequest("R-1")
        try f.record(.requestResubmitted(Fixture.submission("R-1", [(Items.n95, 80), (Items.gownL, 5)])))
        #expect(f.ledger.substitutes(for: "R-1", line: 1).map(\.item) == [Items.surgical])
        #expect(f.ledger.substitutes(for: "R-1", line: 2).isEmpty)
        #expect(f.ledger.invariantViolations().isEmpty)
        #expect(try f.replayed() == f.ledger)
    }
}

@Suite("Substitutions: the planner")
struct SubstitutionPlannerTests {
    /// R-1 (other hospital) asks 1,300 N95; 1,000 N95 are open today, and 400 surgical masks.
    private func shortOfN95() throws -> Fixture {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 1300)])
        return f
    }

    @Test("without an allowance the planner never uses another spec")
    func notWithoutAllowance() throws {
        var f = try shortOfN95()
        let plan = try f.planAndApplyToday()
        #expect(plan.planned("R-1") == 1000)
        #expect(plan.units("R-1", from: Lots.surgical) == 0)
        #expect(plan.allocations.allSatisfy { $0.source != .substitute })
    }

    @Test("with an allowance the substitute fills what the own spec left, and the explanation says who allowed it")
    func usedAfterOwnSpec() throws {
        var f = try shortOfN95()
        try f.allow("R-1", Items.surgical, actor: "wang")
        let plan = try f.planAndApplyToday()
        #expect(plan.units("R-1", from: Lots.n95) == 1000)
        #expect(plan.units("R-1", from: Lots.surgical) == 300)
        #expect(plan.planned("R-1") == 1300)
        let substitute = try #require(plan.allocations.first { $0.lot == Lots.surgical })
        #expect(substitute.source == .substitute)
        let explanation = try #require(substitute.explanation)
        #expect(explanation.source == .substitute)
        #expect(explanation.substitute == Items.surgical)
        #expect(explanation.substituteAllowedBy == "wang")
        #expect(explanation.chinese.contains("替代规格 医用外科"))
        #expect(explanation.chinese.contains("wang 允许"))
        #expect(explanation.english.contains("substitute 医用外科 after the own spec, allowed by wang"))
        // The own-spec allocation comes first and reads as general stock.
        #expect(plan.allocations.first?.lot == Lots.n95)
        #expect(plan.allocations.first?.explanation?.source == .general)
        #expect(f.ledger.invariantViolations().isEmpty)
    }

    @Test("own spec preferred: a line whose own spec suffices takes no substitute")
    func ownSpecPreferred() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 600)])
        try f.allow("R-1", Items.surgical)
        let plan = try f.planAndApplyToday()
        #expect(plan.units("R-1", from: Lots.n95) == 600)
        #expect(plan.units("R-1", from: Lots.surgical) == 0)
    }

    @Test("the substitute's own lines come first, whatever their tier; the substituting line gets what is left")
    func ownLinesOfTheSubstituteFirst() throws {
        var f = try Fixture()
        try f.submit("R-1", for: Units.frontLine, [(Items.n95, 1600)])
        try f.submit("R-4", for: Units.checkpoint, [(Items.surgical, 300)])
        try f.allow("R-1", Items.surgical)
        let plan = try f.planAndApplyToday()
        // R-1 takes the 300 directed and 1,000 open N95, then the 100 surgical masks R-4 leaves.
        #expect(plan.units("R-1", from: Lots.n95Directed) == 300)
        #expect(plan.units("R-1", from: Lots.n95) == 1000)
        #expect(plan.units("R-4", from: Lots.surgical) == 300)
        #expect(plan.units("R-1", from: Lots.surgical) == 100)
    }

    @Test("within a substitute, tiers and water-filling as usual among the lines allowed it")
    func substituteSharedByTier() throws {
        var f = try Fixture()
        try f.submit("R-2", for: Units.otherHospital, [(Items.n95, 1000)])
        try f.submit("R-3", for: Units.district, [(Items.n95, 500)])
        try f.submit("R-9", for: Units.checkpoint, [(Items.n95, 500)])
        for id: RequestID in ["R-2", "R-3", "R-9"] { try f.allow(id, Items.surgical) }
        let plan = try f.planAndApplyToday()
        // The 1,000 open N95 go to tier 2; the 400 surgical masks to tier 3 before tier 4.
        #expect(plan.units("R-2", from: Lots.n95) == 1000)
        #expect(plan.units("R-3", from: Lots.surgical) == 400)
        #expect(plan.planned("R-9") == 0)
    }

    @Test("earmarks still honoured: a substitute lot directed to another recipient is never used")
    func earmarksHonoured() throws {
        var f = try Fixture()
        try f.registerLot(
            "L-0007", Items.surgical, quantity: 200, packSize: 100, status: .arrived(at: Clock.at(2026, 2, 9, 18)),
            designatedRecipient: Units.frontLine)
        try f.submit("R-2", for: Units.otherHospital, [(Items.n95, 1600)])
        try f.submit("R-1", for: Units.frontLine, [(Items.gownL, 10)])
        try f.allow("R-2", Items.surgical)
        var plan = try f.planAndApplyToday()
        #expect(plan.units("R-2", from: "L-0007") == 0)
        #expect(plan.units("R-2", from: Lots.surgical) == 400)
        // The recipient the lot is directed to may take it as a substitute.
        try f.submit("R-5", for: Units.frontLine, [(Items.n95, 500)])
        try f.allow("R-5", Items.surgical)
        plan = try f.planAndApplyToday()
        #expect(plan.units("R-5", from: Lots.n95Directed) == 300)
        #expect(plan.units("R-5", from: "L-0007") == 200)
        #expect(plan.allocations.first { $0.lot == "L-0007" }?.source == .substitute)
        #expect(f.ledger.invariantViolations().isEmpty)
    }
}

extension Fixture {
    /// Plans today with the default rule, with explanations, and records it; a refused proposal fails the test.
    mutating func planAndApplyToday() throws -> Plan {
        let plan = Planner().plan(ledger: ledger, day: today, now: now, explained: true)
        for event in plan.events { try record(event, actor: "planner", reason: "planner: default") }
        return plan
    }
}
