import Foundation
import SeededRandom
import Testing

@testable import DayClearCore

/// A random day: recipients in every tier, lots arrived, expected, directed or expiring,
/// requests with one to three lines and various needed-by times.
private func randomFixture(seed: UInt64) throws -> Fixture {
    var random = SplitMix64(seed: seed)
    var f = try Fixture()
    let recipients: [RecipientID] = Units.all + (0..<8).map { RecipientID("X\($0)") }
    for (index, id) in recipients.dropFirst(4).enumerated() {
        try f.addRecipient(id, Tier.allCases[index % 4])
    }
    let evening = Clock.at(2026, 2, 10, 17, 30)
    for number in 0..<Int.random(in: 2...12, using: &random) {
        let item = Items.all.randomElement(using: &random) ?? Items.gownL
        let status: Lot.Status =
            Bool.random(using: &random)
            ? .arrived(at: evening) : .expected(eta: Clock.at(2026, 2, 11, Int.random(in: 6...15, using: &random)))
        let directed = Int.random(in: 0..<4, using: &random) == 0 ? recipients.randomElement(using: &random) : nil
        let expiry =
            Int.random(in: 0..<3, using: &random) == 0 ? Clock.at(2026, 3, Int.random(in: 1...28, using: &random)) : nil
        try f.registerLot(
            LotID("P-\(number)"), item, quantity: Int.random(in: 1...600, using: &random),
            packSize: [1, 5, 10, 20, 50].randomElement(using: &random) ?? 1, status: status, expiry: expiry,
            designatedRecipient: directed)
    }
    for number in 0..<Int.random(in: 1...25, using: &random) {
        let items = Items.all.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
        let neededBy = Clock.at(2026, 2, 11, Int.random(in: 5...20, using: &random))
        try f.submit(
            RequestID("Q-\(number)"), for: recipients.randomElement(using: &random) ?? Units.district,
            items.map { ($0, Int.random(in: 1...400, using: &random)) }, neededBy: neededBy)
    }
    if Bool.random(using: &random), let first = f.ledger.requests.values.min(by: { $0.id < $1.id }),
        let line = first.lines.first,
        let lot = f.ledger.lots.values.sorted(by: { $0.id < $1.id }).first(where: {
            $0.item == line.item && $0.designatedRecipient == nil && $0.eta.map { $0 <= first.neededBy } ?? true
        })
    {
        try f.propose(first.id, line: line.number, from: lot.id, min(lot.free, line.quantity, 7))
    }
    // Some mask lines may take the other mask spec (替代规格), as a supervisor allowed.
    let masks = [Items.n95, Items.surgical]
    for request in f.ledger.requests.values.sorted(by: { $0.id < $1.id }) {
        for line in request.lines where masks.contains(line.item) && Int.random(in: 0..<3, using: &random) == 0 {
            let other = line.item == Items.n95 ? Items.surgical : Items.n95
            try f.record(
                .substitutionAllowed(SubstitutionAllowance(request: request.id, line: line.number, spec: other.spec)),
                actor: "supervisor")
        }
    }
    return f
}

/// Whether `lot` could serve `line` at all: same kind+spec (or, with `substitutes`, one a supervisor
/// allowed for the line), earmark, ETA, expiry.
private func eligible(
    _ lot: Lot, for line: PlannedLine, ledger: Ledger, now: Date, substitutes: Bool = true
) -> Bool {
    let allowed = substitutes && ledger.substitute(lot.item, for: line.request, line: line.line) != nil
    guard lot.item == line.item || allowed, let request = ledger.requests[line.request] else { return false }
    if let owner = lot.designatedRecipient, owner != line.recipient { return false }
    if let eta = lot.eta, eta > request.neededBy { return false }
    if let expiry = lot.expiry, expiry <= now { return false }
    return true
}

@Suite("Planner: properties over seeded random days")
struct PlannerPropertyTests {
    static let seeds: [UInt64] = Array(1...150)
    static let day = CivilDate(year: 2026, month: 2, day: 11)

    @Test(
        "every rule: all events accepted, nothing over-allocated, earmarks honoured, nothing left that fits a gap",
        arguments: PlanningRule.allCases)
    func soundAndMaximal(rule: PlanningRule) throws {
        for seed in Self.seeds {
            var f = try randomFixture(seed: seed)
            let before = f.ledger
            let plan = try f.planAndApply(rule, day: Self.day)
            for allocation in plan.allocations {
                let lot = try #require(before.lots[allocation.lot])
                let line = try #require(
                    plan.lines.first { $0.request == allocation.request && $0.line == allocation.line })
                #expect(eligible(lot, for: line, ledger: before, now: f.now), "seed \(seed)")
            }
            let listed = Set(DayLists(ledger: f.ledger, day: Self.day, now: f.now).stock.map(\.lot))
            for line in plan.lines {
                #expect(line.shortfall >= 0, "seed \(seed)")
                let proposed = f.ledger.proposedQuantity(line.request, line: line.line)
                #expect(proposed == line.alreadyProposed + line.planned, "seed \(seed)")
                guard line.shortfall > 0 else { continue }
                let open = f.ledger.lots.values.filter { lot in
                    lot.free > 0 && listed.contains(lot.id) && eligible(lot, for: line, ledger: f.ledger, now: f.now)
                }
                #expect(open.isEmpty, "seed \(seed): \(line.request) short while \(open.map(\.id)) has free units")
            }
            for lot in f.ledger.lots.values { #expect(lot.free >= 0, "seed \(seed)") }
        }
    }

    @Test("default rule: a lower tier gets an open lot only when every higher tier that could take it is served")
    func tiersFirst() throws {
        for seed in Self.seeds {
            var f = try randomFixture(seed: seed)
            let before = f.ledger
            let plan = try f.planAndApply(.default, day: Self.day)
            for allocation in plan.allocations where allocation.source == .general {
                let lot = try #require(before.lots[allocation.lot])
                let tier = try #require(allocation.explanation?.tier)
                // Own spec first: a higher tier that could take the lot only as a substitute waits.
                let starved = plan.lines.filter {
                    $0.tier < tier && $0.shortfall > 0
                        && eligible(lot, for: $0, ledger: before, now: f.now, substitutes: false)
                }
                #expect(starved.isEmpty, "seed \(seed): \(allocation.lot) went to tier \(tier)")
            }
        }
    }

    @Test(
        "every rule: a substitute is used only where a supervisor allowed it and no lot of the line's own spec is left",
        arguments: PlanningRule.allCases)
    func substitutesAfterOwnSpec(rule: PlanningRule) throws {
        var used = 0
        for seed in Self.seeds {
            var f = try randomFixture(seed: seed)
            let before = f.ledger
            let plan = try f.planAndApply(rule, day: Self.day)
            let listed = Set(DayLists(ledger: f.ledger, day: Self.day, now: f.now).stock.map(\.lot))
            for allocation in plan.allocations {
                let lot = try #require(before.lots[allocation.lot])
                let line = try #require(
                    plan.lines.first { $0.request == allocation.request && $0.line == allocation.line })
                let isSubstitute = lot.item != line.item
                #expect(isSubstitute == (allocation.source == .substitute), "seed \(seed)")
                #expect(allocation.explanation?.source == allocation.source, "seed \(seed)")
                guard isSubstitute else { continue }
                used += 1
                let allowance = before.substitute(lot.item, for: line.request, line: line.line)
                #expect(allowance?.allowedBy == "supervisor", "seed \(seed)")
                #expect(allocation.explanation?.substitute == lot.item, "seed \(seed)")
                #expect(allocation.explanation?.substituteAllowedBy == "supervisor", "seed \(seed)")
                let ownLeft = f.ledger.lots.values.filter { own in
                    own.free > 0 && listed.contains(own.id)
                        && eligible(own, for: line, ledger: f.ledger, now: f.now, substitutes: false)
                }
                #expect(
                    ownLeft.isEmpty, "seed \(seed): \(line.request) took \(lot.id) while \(ownLeft.map(\.id)) was free")
            }
            #expect(f.ledger.invariantViolations().isEmpty, "seed \(seed)")
        }
        #expect(used > 0, "the generated days use substitutes at all")
    }

    @Test("default rule: each award is within one pack of its exact share, unless its pool ran short of room")
    func withinOnePack() throws {
        for seed in Self.seeds {
            let f = try randomFixture(seed: seed)
            let plan = Planner().plan(ledger: f.ledger, day: Self.day, now: f.now, explained: true)
            for allocation in plan.allocations {
                let explanation = try #require(allocation.explanation)
                #expect(
                    abs(Double(explanation.awarded) - explanation.exactShare) <= Double(explanation.packSize) + 1e-6,
                    "seed \(seed) \(allocation.request)")
            }
        }
    }

    @Test("the same ledger gives the same plan")
    func deterministic() throws {
        for seed in Self.seeds.prefix(20) {
            let f = try randomFixture(seed: seed)
            for rule in PlanningRule.allCases {
                let one = Planner(rule: rule).plan(ledger: f.ledger, day: Self.day, now: f.now)
                let two = Planner(rule: rule).plan(ledger: f.ledger, day: Self.day, now: f.now)
                #expect(one == two, "seed \(seed)")
            }
        }
    }

    @Test(
        "two threads plan what one does: the lines gathered in two halves, the own pools split by kind+spec",
        arguments: PlanningRule.allCases)
    func twoThreadsAsOne(rule: PlanningRule) throws {
        var split = 0
        for seed in Self.seeds {
            var f = try randomFixture(seed: seed)
            // Half the days have their lines settled, one request closed among them and new ones recent, so that the
            // halves each read settled and recent lines and the second half's demands are numbered on.
            if seed % 2 == 0 {
                f.ledger.openLines = OpenLines(lines: f.ledger.openLines.ordered().all)
                if let submitted = f.ledger.requests.values.filter({ $0.state == .submitted }).map(\.id).min() {
                    try f.returnRequest(submitted)
                }
                let stocked = Set(f.ledger.lots.values.map(\.item)).sorted()
                for number in 0..<3 {
                    try f.submit(
                        RequestID("Q-late-\(number)"), for: Units.district,
                        [(stocked[number % stocked.count], 40 * (number + 1))],
                        neededBy: Clock.at(2026, 2, 11, 8 + 4 * number))
                }
            }
            var one = Planner(rule: rule)
            one.twoThreadsFrom = .max
            var two = Planner(rule: rule)
            two.twoThreadsFrom = 0
            for explained in [false, true] {
                let expected = one.plan(ledger: f.ledger, day: Self.day, now: f.now, explained: explained)
                let planned = two.plan(ledger: f.ledger, day: Self.day, now: f.now, explained: explained)
                #expect(planned == expected, "seed \(seed), explained \(explained)")
            }
            let input = PlanningInput(ledger: f.ledger, day: Self.day, now: f.now, rule: rule)
            let own = input.pools.firstIndex { $0.source == .substitute } ?? input.pools.count
            let halves = OwnPoolHalves(0..<own, of: input)
            #expect(Set(halves.here + halves.other) == Set(0..<own), "seed \(seed): every own pool planned once")
            let items = (
                here: Set(halves.here.map { input.pools[$0].itemNumber }),
                other: Set(halves.other.map { input.pools[$0].itemNumber })
            )
            #expect(items.here.isDisjoint(with: items.other), "seed \(seed): a kind+spec's pools in both halves")
            if !halves.here.isEmpty, !halves.other.isEmpty { split += 1 }
        }
        #expect(split > Self.seeds.count / 2, "most days have kinds+specs on both threads")
    }

    @Test(
        "explanations change nothing but the explanations: same lines, lots and quantities",
        arguments: PlanningRule.allCases)
    func explanationsOnlyWhenAsked(rule: PlanningRule) throws {
        var explainedAny = false
        for seed in Self.seeds {
            let f = try randomFixture(seed: seed)
            let plain = Planner(rule: rule).plan(ledger: f.ledger, day: Self.day, now: f.now)
            let explained = Planner(rule: rule).plan(ledger: f.ledger, day: Self.day, now: f.now, explained: true)
            #expect(plain.lines == explained.lines, "seed \(seed)")
            #expect(plain.allocations.allSatisfy { $0.explanation == nil }, "seed \(seed)")
            #expect(explained.allocations.allSatisfy { $0.explanation?.source == $0.source }, "seed \(seed)")
            let stripped = explained.allocations.map { allocation in
                var stripped = allocation
                stripped.explanation = nil
                return stripped
            }
            #expect(stripped == Array(plain.allocations), "seed \(seed)")
            // What the group screen's `P` reads of a plan, from its records: the events to record and the units.
            let proposals = plain.allocations.map { allocation in
                DomainEvent.allocationProposed(
                    AllocationProposal(
                        request: allocation.request, line: allocation.line, lot: allocation.lot,
                        quantity: allocation.quantity))
            }
            #expect(plain.events == proposals, "seed \(seed)")
            #expect(plain.units == plain.allocations.reduce(0) { $0 + $1.quantity }, "seed \(seed)")
            explainedAny = explainedAny || !explained.allocations.isEmpty
        }
        #expect(explainedAny, "the generated days plan something")
    }
}
