import Foundation
import SeededRandom
import Testing

@testable import DayClearCore

/// The route class by its definition: a walk over every approved or dispatched allocation of the lot.
private func routeClassByDefinition(_ allocation: Allocation, in ledger: Ledger) -> RouteClass {
    guard let lot = ledger.lots[allocation.lot] else { return .shuttle }
    if lot.designatedRecipient != nil { return .pointToPoint }
    let taken = ledger.allocations.filter {
        $0.lot == lot.id && ($0.status == .approved || $0.status == .dispatched)
    }
    let recipients = Set(taken.compactMap { ledger.requests[$0.request]?.recipient })
    let total = taken.reduce(0) { $0 + ($1.approvedQuantity ?? 0) }
    return recipients.count == 1 && total == lot.quantity ? .pointToPoint : .shuttle
}

@Suite("Route class (分类运送)")
struct RouteClassTests {
    @Test("a lot going whole to one recipient is point-to-point, before and after dispatch")
    func wholeLotToOneRecipient() throws {
        var f = try Fixture()
        try f.submit("R-1", for: Units.otherHospital, [(Items.gownL, 120)])
        try f.submit("R-2", for: Units.otherHospital, [(Items.gownL, 80)])
        try f.propose("R-1", from: Lots.gowns, 120)
        try f.approve("R-1")
        let first = try #require(f.ledger.allocations(of: RequestID("R-1")).first)
        #expect(f.ledger.routeClass(of: first) == .shuttle, "80 of the 200 gowns are still free")
        try f.propose("R-2", from: Lots.gowns, 80)
        try f.approve("R-2")
        #expect(f.ledger.routeClass(of: first) == .pointToPoint)
        try f.dispatch("R-1")
        let dispatched = try #require(f.ledger.allocations(of: RequestID("R-1")).first)
        #expect(f.ledger.routeClass(of: dispatched) == .pointToPoint)
    }

    @Test("a lot shared by two recipients goes on the shuttle even when all of it is approved")
    func sharedLot() throws {
        var f = try Fixture()
        try f.submit("R-1", for: Units.otherHospital, [(Items.gownL, 120)])
        try f.submit("R-2", for: Units.district, [(Items.gownL, 80)])
        try f.propose("R-1", from: Lots.gowns, 120)
        try f.propose("R-2", from: Lots.gowns, 80)
        try f.approve("R-1")
        try f.approve("R-2")
        for allocation in f.ledger.allocations(of: Lots.gowns) {
            #expect(f.ledger.routeClass(of: allocation) == .shuttle)
        }
    }

    @Test("a directed lot is point-to-point whatever part of it is approved")
    func directedLot() throws {
        var f = try Fixture()
        try f.submit("R-1", for: Units.frontLine, [(Items.n95, 50)])
        try f.propose("R-1", from: Lots.n95Directed, 50)
        try f.approve("R-1")
        let allocation = try #require(f.ledger.allocations(of: RequestID("R-1")).first)
        #expect(f.ledger.routeClass(of: allocation) == .pointToPoint)
    }

    @Test("a trimmed approval counts only the approved units; a released allocation names no taker")
    func trimmedAndReleased() throws {
        var f = try Fixture()
        try f.submit("R-1", for: Units.otherHospital, [(Items.surgical, 400)])
        try f.submit("R-2", for: Units.district, [(Items.surgical, 100)])
        try f.propose("R-1", from: Lots.surgical, 300)
        try f.propose("R-2", from: Lots.surgical, 100)
        try f.returnRequest("R-2")
        try f.approve("R-1", [1: 300])
        try f.submit("R-3", for: Units.otherHospital, [(Items.surgical, 100)])
        try f.propose("R-3", from: Lots.surgical, 100)
        try f.approve("R-3")
        let allocation = try #require(f.ledger.allocations(of: RequestID("R-1")).first)
        #expect(f.ledger.routeClass(of: allocation) == .pointToPoint, "all 400 went to 市第三人民医院")
    }

    @Test("equals the definition on random days of proposals, trims, returns, approvals and dispatches")
    func matchesDefinition() throws {
        for seed in UInt64(1)...60 {
            var random = SplitMix64(seed: seed)
            var f = try Fixture()
            let lots = [Lots.n95, Lots.n95Directed, Lots.gowns, Lots.surgical]
            let items = [Lots.n95: Items.n95, Lots.n95Directed: Items.n95, Lots.gowns: Items.gownL]
            for number in 0..<Int.random(in: 1...14, using: &random) {
                let id = RequestID("R-\(number)")
                let lot = lots.randomElement(using: &random) ?? Lots.gowns
                let recipient =
                    lot == Lots.n95Directed
                    ? Units.frontLine : Units.all.randomElement(using: &random) ?? Units.district
                let free = try f.lot(lot).free
                guard free > 0 else { continue }
                // Often the whole of what is free, so some lots go whole to one recipient.
                let quantity = Bool.random(using: &random) ? free : Int.random(in: 1...free, using: &random)
                try f.submit(id, for: recipient, [(items[lot] ?? Items.surgical, quantity)])
                try f.propose(id, from: lot, quantity)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: try f.returnRequest(id)
                case 1: try f.approve(id, [1: Int.random(in: 1...quantity, using: &random)])
                case 2:
                    try f.approve(id)
                    try f.dispatch(id)
                default: try f.approve(id)
                }
            }
            for allocation in f.ledger.allocations
            where allocation.status == .approved || allocation.status == .dispatched {
                #expect(
                    f.ledger.routeClass(of: allocation) == routeClassByDefinition(allocation, in: f.ledger),
                    "seed \(seed)")
            }
        }
    }
}
