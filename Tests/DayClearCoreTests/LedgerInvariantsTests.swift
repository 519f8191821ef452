import Foundation
import Testing

@testable import DayClearCore

/// `Ledger.invariantViolations`, which `dayclear verify` runs after each replayed event.
@Suite("Ledger invariants")
struct LedgerInvariantsTests {
    /// A fixture with R-0001 (other hospital, 300 N95) allocated 200 from L-0001 and approved.
    private func allocated() throws -> Fixture {
        var f = try Fixture()
        try f.submit("R-0001", [(Items.n95, 300)])
        try f.propose("R-0001", from: Lots.n95, 200)
        try f.approve("R-0001")
        return f
    }

    @Test("a ledger built by accepted events keeps every invariant")
    func acceptedEventsKeepInvariants() throws {
        let f = try allocated()
        #expect(f.ledger.invariantViolations() == [])
        #expect(f.ledger.invariantViolations(lots: [Lots.n95, "L-9999"]) == [])
    }

    @Test("negative and over-committed counters are named")
    func counters() throws {
        var ledger = try allocated().ledger
        ledger.lots[Lots.surgical]?.proposed = -5
        ledger.lots[Lots.gowns]?.dispatched = 201
        let violations = ledger.invariantViolations()
        #expect(violations.contains { $0.contains("\(Lots.surgical)") && $0.contains("negative") }, "\(violations)")
        #expect(violations.contains { $0.contains("\(Lots.gowns)") && $0.contains("exceeds") }, "\(violations)")
    }

    @Test("a counter that differs from its allocations is named")
    func countersMatchAllocations() throws {
        var ledger = try allocated().ledger
        ledger.lots[Lots.n95]?.approved = 150
        let violations = ledger.invariantViolations(lots: [Lots.n95])
        #expect(violations == ["lot \(Lots.n95): approved is 150 but its approved allocations add up to 200"])
    }

    @Test("an allocation of a directed lot to another recipient, or of the wrong item, is named")
    func earmarksAndItems() throws {
        var ledger = try allocated().ledger
        ledger.allocations[0].lot = Lots.n95Directed
        ledger.allocationIndicesByLot[Lots.n95Directed] = [0]
        ledger.lots[Lots.n95Directed]?.approved = 200
        var violations = ledger.invariantViolations(lots: [Lots.n95Directed])
        #expect(violations.contains { $0.hasPrefix("directed lot \(Lots.n95Directed)") }, "\(violations)")

        ledger = try allocated().ledger
        ledger.allocations[0].lot = Lots.gowns
        ledger.allocationIndicesByLot[Lots.gowns] = [0]
        ledger.lots[Lots.gowns]?.approved = 200
        violations = ledger.invariantViolations(lots: [Lots.gowns])
        #expect(violations.contains { $0.contains("asks for \(Items.n95)") }, "\(violations)")
    }

    @Test("a line allocated beyond what it asked for is named")
    func overAllocatedLine() throws {
        var ledger = try allocated().ledger
        ledger.allocations[0].approvedQuantity = 400
        ledger.lots[Lots.n95]?.approved = 400
        let violations = ledger.invariantViolations()
        #expect(violations == ["R-0001 line 1: 400 allocated, more than the 300 asked for"])
    }
}
