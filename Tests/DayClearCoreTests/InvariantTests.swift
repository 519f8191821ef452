import Foundation
import SeededRandom
import Testing

@testable import DayClearCore

extension SplitMix64 {
    /// A number in `range` (the slight modulo bias does not matter here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[int(0...(items.count - 1))]
    }
}

/// Issues random events against a small ledger, keeping those the ledger accepts.
///
/// Choices never depend on dictionary order, so a seed gives the same run each time.
struct RandomDriver {
    var rng: SplitMix64
    var fixture: Fixture
    var requestIDs: [RequestID] = []
    var lotIDs: [LotID] = [
        Lots.n95, Lots.n95Expected, Lots.n95Directed, Lots.gowns, Lots.glovesNearExpiry, Lots.surgical,
    ]
    var accepted: [String: Int] = [:]
    var refused: [String: Int] = [:]

    init(seed: UInt64) throws {
        rng = SplitMix64(seed: seed)
        fixture = try Fixture()
    }

    var ledger: Ledger { fixture.ledger }

    /// A reason that is sometimes missing or blank.
    mutating func reason() -> String? {
        switch rng.int(0...9) {
        case 0: return nil
        case 1: return "  "
        default: return "原因\(rng.int(1...99))"
        }
    }

    mutating func randomLines() -> [RequestLine] {
        var items = Items.all
        var lines: [RequestLine] = []
        for number in 1...rng.int(1...3) {
            let item = items.remove(at: rng.int(0...(items.count - 1)))
            lines.append(RequestLine(number: number, item: item, unit: Items.units[item]!, quantity: rng.int(1...400)))
        }
        return lines
    }

    /// A quantity that is usually sensible, sometimes exact, sometimes out of bounds.
    mutating func quantity(around limit: Int) -> Int {
        switch rng.int(0...9) {
        case 0: return limit
        case 1: return limit + 1
        case 2: return rng.int(-1...0)
        default: return rng.int(1...max(1, limit))
        }
    }

    /// A request to act on: usually one in a state the action applies to, so
    /// that whole flows happen, and otherwise any request at all.
    mutating func request(in states: Set<RequestState>) -> RequestID? {
        let fitting = requestIDs.filter { ledger.requests[$0].map { states.contains($0.state) } ?? false }
        if !fitting.isEmpty, rng.chance(75) { return rng.pick(fitting) }
        return rng.pick(requestIDs)
    }

    enum Action: String, CaseIterable {
        case submit, resubmit, propose, approve, `return`, reject, cancel, dispatch, deliver, receive, register,
            paperwork, value
    }

    /// How often each action is tried, in percent.
    static let weights: [(Action, Int)] = [
        (.submit, 7), (.resubmit, 6), (.propose, 29), (.approve, 11), (.return, 6), (.reject, 2), (.cancel, 2),
        (.dispatch, 10), (.deliver, 8), (.receive, 6), (.register, 5), (.paperwork, 5), (.value, 3),
    ]

    mutating func action() -> Action {
        var roll = rng.int(0...(Self.weights.reduce(0) { $0 + $1.1 } - 1))
        for (action, weight) in Self.weights {
            if roll < weight { return action }
            roll -= weight
        }
        return .value
    }

    /// The next random event (with its reason and a label for statistics).
    mutating func nextEvent() -> (DomainEvent, String?, String) {
        let action = action()
        let request: RequestID?
        switch action {
        case .resubmit: request = self.request(in: [.returned])
        case .propose, .return, .reject: request = self.request(in: [.submitted, .proposed])
        case .approve: request = self.request(in: [.proposed])
        case .cancel: request = self.request(in: [.submitted, .proposed, .returned])
        case .dispatch: request = self.request(in: [.approved])
        case .deliver: request = self.request(in: [.dispatched])
        case .paperwork: request = self.request(in: [.approved, .dispatched, .delivered])
        default: request = rng.pick(requestIDs)
        }
        switch action {
        case .submit:
            let id = RequestID("R-\(requestIDs.count + 1)")
            let submission = RequestSubmission(
                id: id, recipient: rng.pick(Units.all)!,
                neededBy: fixture.now.addingTimeInterval(Double(rng.int(-3600...(72 * 3600)))), lines: randomLines())
            return (.requestSubmitted(submission), nil, "submit")
        case .resubmit:
            guard let request, let current = ledger.requests[request] else { break }
            // Revised quantities; sometimes a line dropped, added or changed (and
            // now and then another recipient).
            var lines = current.lines
            for index in lines.indices { lines[index].quantity = rng.int(1...400) }
            switch rng.int(0...9) {
            case 0...2 where lines.count > 1:
                lines.removeLast()
            case 3...5:
                let unused = Items.all.filter { item in !lines.contains { $0.item == item } }
                if let item = rng.pick(unused) {
                    lines.append(
                        RequestLine(
                            number: lines.count + 1, item: item, unit: Items.units[item]!, quantity: rng.int(1...400)))
                }
            case 6:
                lines = randomLines()
            default:
                break
            }
            let recipient = rng.chance(10) ? rng.pick(Units.all)! : current.recipient
            let submission = RequestSubmission(
                id: request, recipient: recipient,
                neededBy: fixture.now.addingTimeInterval(Double(rng.int(0...(72 * 3600)))), lines: lines)
            return (.requestResubmitted(submission), nil, "resubmit")
        case .propose:
            guard let request, let current = ledger.requests[request] else { break }
            let line = rng.int(1...(current.lines.count + (rng.chance(5) ? 1 : 0)))
            // Usually a lot of the line's kind+spec, sometimes any lot at all.
            let sameItem = lotIDs.filter { ledger.lots[$0]?.item == current.line(line)?.item }
            guard let lotID = rng.chance(80) && !sameItem.isEmpty ? rng.pick(sameItem) : rng.pick(lotIDs) else { break }
            let free = ledger.lots[lotID]?.free ?? 0
            let asked = current.line(line).map { $0.quantity - ledger.proposedQuantity(request, line: line) } ?? 10
            let amount = rng.chance(50) ? quantity(around: min(free, asked)) : rng.int(1...300)
            return (
                .allocationProposed(AllocationProposal(request: request, line: line, lot: lotID, quantity: amount)),
                nil, "propose"
            )
        case .approve:
            guard let request, let current = ledger.requests[request] else { break }
            var quantities: [Int: Int] = [:]
            for line in current.lines where rng.chance(70) {
                quantities[line.number] = quantity(around: ledger.proposedQuantity(request, line: line.number))
            }
            return (.requestApproved(LineQuantities(request: request, quantities: quantities)), nil, "approve")
        case .return:
            guard let request else { break }
            return (.requestReturned(RequestReference(request: request)), reason(), "return")
        case .reject:
            guard let request else { break }
            return (.requestRejected(RequestReference(request: request)), reason(), "reject")
        case .cancel:
            guard let request else { break }
            return (.requestCancelled(RequestReference(request: request)), reason(), "cancel")
        case .dispatch:
            guard let request else { break }
            return (.requestDispatched(RequestReference(request: request)), nil, "dispatch")
        case .deliver:
            guard let request, let current = ledger.requests[request] else { break }
            var quantities: [Int: Int] = [:]
            for line in current.lines where rng.chance(60) {
                let dispatched = ledger.dispatchedQuantity(request, line: line.number)
                quantities[line.number] = rng.chance(10) ? dispatched + 1 : rng.int(0...dispatched)
            }
            return (.requestDelivered(LineQuantities(request: request, quantities: quantities)), nil, "deliver")
        case .receive:
            guard let lotID = rng.pick(lotIDs), let lot = ledger.lots[lotID] else { break }
            let committed = lot.proposed + lot.approved
            let count = max(0, committed + rng.int(-20...400))
            return (.lotReceived(LotReceipt(lot: lotID, quantity: count)), nil, "receive")
        case .register:
            let id = LotID("L-R\(lotIDs.count + 1)")
            let item = rng.pick(Items.all)!
            let status: Lot.Status =
                rng.chance(50)
                ? .expected(eta: fixture.now.addingTimeInterval(Double(rng.int(0...(48 * 3600)))))
                : .arrived(at: fixture.now)
            let registration = LotRegistration(
                id: id, item: item, unit: Items.units[item]!, quantity: rng.int(1...1000),
                packSize: rng.pick([1, 10, 50])!, donor: "随机捐赠", status: status,
                expiry: rng.chance(20) ? fixture.now.addingTimeInterval(Double(rng.int(0...(48 * 3600)))) : nil,
                designatedRecipient: rng.chance(30) ? rng.pick(Units.all) : nil)
            return (.lotRegistered(registration), nil, "register")
        case .paperwork:
            guard let request else { break }
            return (.paperworkCompleted(RequestReference(request: request)), nil, "paperwork")
        case .value:
            guard let lotID = rng.pick(lotIDs) else { break }
            let valuation = rng.pick([Valuation.invoiced(fen: rng.int(-5...100_000)), .unvaluable, .pending])!
            return (.lotValued(LotValuation(lot: lotID, valuation: valuation)), nil, "value")
        }
        return (.requestDispatched(RequestReference(request: "R-none")), nil, "nothing")
    }

    /// Issues one event; returns it if the ledger accepted it.
    mutating func step() -> RecordedEvent? {
        fixture.now = fixture.now.addingTimeInterval(Double(rng.int(0...600)))
        let (event, reason, label) = nextEvent()
        let before = fixture.ledger
        let actor = rng.pick(["zhang", "li", "wang"])!
        do {
            try fixture.record(event, actor: actor, reason: reason)
        } catch {
            refused[label, default: 0] += 1
            #expect(fixture.ledger == before, "refused \(label) changed the ledger: \(error)")
            return nil
        }
        accepted[label, default: 0] += 1
        switch event {
        case .requestSubmitted(let s): requestIDs.append(s.id)
        case .lotRegistered(let r): lotIDs.append(r.id)
        default: break
        }
        return fixture.log.last
    }
}

/// Every rule of the ledger that must hold after any accepted event; the
/// violations found, as sentences.
func invariantViolations(_ ledger: Ledger) -> [String] {
    var problems: [String] = []
    for (index, allocation) in ledger.allocations.enumerated() where allocation.id != index + 1 {
        problems.append("allocation at \(index) has id \(allocation.id)")
    }
    for lot in ledger.lots.values {
        let mine = ledger.allocations.filter { $0.lot == lot.id }
        if ledger.allocations(of: lot.id) != mine { problems.append("lot \(lot.id): allocation index differs") }
        func total(_ status: Allocation.Status) -> Int {
            mine.filter { $0.status == status }.reduce(0) { $0 + $1.activeQuantity }
        }
        if lot.proposed < 0 || lot.approved < 0 || lot.dispatched < 0 {
            problems.append("lot \(lot.id): negative counter \(lot.proposed)/\(lot.approved)/\(lot.dispatched)")
        }
        if lot.proposed + lot.approved + lot.dispatched > lot.quantity {
            problems.append("lot \(lot.id): \(lot.proposed)+\(lot.approved)+\(lot.dispatched) > \(lot.quantity)")
        }
        if lot.proposed != total(.proposed) {
            problems.append("lot \(lot.id): proposed \(lot.proposed) ≠ \(total(.proposed))")
        }
        if lot.approved != total(.approved) {
            problems.append("lot \(lot.id): approved \(lot.approved) ≠ \(total(.approved))")
        }
        if lot.dispatched != total(.dispatched) {
            problems.append("lot \(lot.id): dispatched \(lot.dispatched) ≠ \(total(.dispatched))")
        }
        if !lot.isArrived, lot.dispatched != 0 { problems.append("lot \(lot.id): dispatched before it arrived") }
        if let owner = lot.designatedRecipient {
            for allocation in mine where ledger.requests[allocation.request]?.recipient != owner {
                problems.append("directed lot \(lot.id) allocated to \(allocation.request) (not \(owner))")
            }
        }
    }
    for allocation in ledger.allocations {
        guard let request = ledger.requests[allocation.request], let lot = ledger.lots[allocation.lot] else {
            problems.append("allocation \(allocation.id) names an unknown request or lot")
            continue
        }
        // A line dropped by a resubmission leaves only released allocations behind.
        if let line = request.line(allocation.line) {
            if line.item != lot.item {
                problems.append(
                    "allocation \(allocation.id): lot \(lot.id) holds \(lot.item), line \(line.number) of \(request.id) is \(line.item)"
                )
            }
        } else if allocation.status != .released {
            problems.append(
                "allocation \(allocation.id) is \(allocation.status) for a line \(request.id) no longer has")
        }
        let allowed: Set<RequestState>
        switch allocation.status {
        case .proposed: allowed = [.proposed]
        case .approved: allowed = [.approved]
        case .dispatched: allowed = [.dispatched, .delivered]
        case .released: allowed = Set(RequestState.allCases)
        }
        if !allowed.contains(request.state) {
            problems.append("allocation \(allocation.id) is \(allocation.status) but \(request.id) is \(request.state)")
        }
        if let approved = allocation.approvedQuantity, approved > allocation.proposedQuantity {
            problems.append("allocation \(allocation.id) approved above its proposal")
        }
    }
    for request in ledger.requests.values {
        if ledger.allocations(of: request.id) != ledger.allocations.filter({ $0.request == request.id }) {
            problems.append("\(request.id): allocation index differs")
        }
        for line in request.lines {
            let active = ledger.allocations(of: request.id).filter { $0.line == line.number }
                .reduce(0) { $0 + $1.activeQuantity }
            if active > line.quantity {
                problems.append("\(request.id) line \(line.number): \(active) > \(line.quantity)")
            }
            if request.state == .delivered {
                let dispatched = ledger.dispatchedQuantity(request.id, line: line.number)
                if line.received == nil || line.received! > dispatched {
                    problems.append("\(request.id) line \(line.number): received \(String(describing: line.received))")
                }
            } else if line.received != nil {
                problems.append("\(request.id) line \(line.number) received before delivery")
            }
        }
        let decided: Set<RequestState> = [.approved, .dispatched, .delivered]
        if (request.paperwork != nil) != decided.contains(request.state) {
            problems.append("\(request.id): paperwork \(String(describing: request.paperwork)) in \(request.state)")
        }
    }
    // The planner's open lines, kept event by event, equal what a walk of the requests and allocations gives.
    let walked = ledger.walkOpenLines().ordered().all
    let kept = ledger.openLines.ordered().all
    if kept != walked {
        let differing = Set(kept.map { "\($0.request) line \($0.number): \($0.proposed)/\($0.asked)" })
            .symmetricDifference(walked.map { "\($0.request) line \($0.number): \($0.proposed)/\($0.asked)" })
        problems.append("open lines differ from a walk (\(kept.count) against \(walked.count)): \(differing.sorted())")
    }
    return problems
}

@Suite("Invariants under random events")
struct InvariantTests {
    static let steps = 2_000

    @Test(
        "2,000 random events keep every invariant, and replay rebuilds the same ledger",
        arguments: [UInt64(1), 2, 0xDA7C_1EA5, 20_260_210])
    func randomRun(seed: UInt64) throws {
        var driver = try RandomDriver(seed: seed)
        var replica = try Fixture().ledger
        #expect(invariantViolations(driver.ledger).isEmpty)
        for step in 1...Self.steps {
            guard let event = driver.step() else { continue }
            let problems = invariantViolations(driver.ledger)
            #expect(problems.isEmpty, "seed \(seed), step \(step), after \(event.event): \(problems)")
            // Replaying the accepted events into a fresh ledger, one at a time.
            do {
                try replica.apply(event)
            } catch {
                Issue.record("seed \(seed), step \(step): replay refused \(event.event): \(error)")
                return
            }
            #expect(replica == driver.ledger, "seed \(seed), step \(step): replay differs after \(event.event)")
            if !problems.isEmpty || replica != driver.ledger { return }
        }
        // And from scratch, all at once.
        let log = driver.fixture.log
        #expect(log.map(\.sequence) == Array(1...Int64(log.count)))
        #expect(try driver.fixture.replayed() == driver.ledger)
        var fresh = Ledger()
        try fresh.apply(all: log)
        #expect(fresh == driver.ledger)

        // The run exercised every kind of event, accepted and refused.
        for label in [
            "submit", "resubmit", "propose", "approve", "return", "reject", "cancel", "dispatch", "deliver",
            "receive", "register", "paperwork", "value",
        ] {
            #expect(driver.accepted[label, default: 0] > 0, "seed \(seed): no \(label) accepted")
        }
        for label in ["propose", "approve", "dispatch", "deliver", "receive", "return"] {
            #expect(driver.refused[label, default: 0] > 0, "seed \(seed): no \(label) refused")
        }
        #expect(driver.ledger.allocations.contains { $0.status == .dispatched })
        #expect(driver.ledger.allocations.contains { $0.status == .released })
        #expect(driver.ledger.requests.values.contains { $0.state == .delivered })
    }

    @Test("the same seed gives the same run")
    func deterministic() throws {
        var first = try RandomDriver(seed: 7)
        var second = try RandomDriver(seed: 7)
        for _ in 0..<300 {
            _ = first.step()
            _ = second.step()
        }
        #expect(first.fixture.log == second.fixture.log)
        #expect(first.fixture.log.count > 20)
    }

    @Test("SplitMix64 matches the reference sequence")
    func splitMix() {
        // The first outputs of SplitMix64 seeded with 0 (Vigna's reference implementation).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }
}
