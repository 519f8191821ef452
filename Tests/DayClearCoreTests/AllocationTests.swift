import Foundation
import Testing

@testable import DayClearCore

private func proposal(_ request: RequestID, line: Int = 1, _ lot: LotID, _ quantity: Int) -> DomainEvent {
    .allocationProposed(AllocationProposal(request: request, line: line, lot: lot, quantity: quantity))
}

private func approval(_ request: RequestID, _ quantities: [Int: Int] = [:]) -> DomainEvent {
    .requestApproved(LineQuantities(request: request, quantities: quantities))
}

private func deliveryEvent(_ request: RequestID, _ quantities: [Int: Int] = [:]) -> DomainEvent {
    .requestDelivered(LineQuantities(request: request, quantities: quantities))
}

@Suite("Allocations: proposals")
struct ProposalTests {
    @Test("a proposal records who, when, which line, and holds units against the lot")
    func proposalRecorded() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 300)])
        try f.propose("R-1", from: Lots.n95, 200, at: Clock.at(2026, 2, 10, 9, 5), actor: "zhang")
        let allocation = try #require(f.ledger.allocations.first)
        #expect(allocation.id == 1)
        #expect(allocation.lot == Lots.n95)
        #expect(allocation.request == "R-1")
        #expect(allocation.line == 1)
        #expect(allocation.proposedQuantity == 200)
        #expect(allocation.proposedBy == "zhang")
        #expect(allocation.proposedAt == Clock.at(2026, 2, 10, 9, 5))
        #expect(allocation.status == .proposed)
        #expect(allocation.approvedQuantity == nil)
        #expect(allocation.activeQuantity == 200)
        let lot = try f.lot(Lots.n95)
        #expect(lot.proposed == 200)
        #expect(lot.free == 800)
        #expect(lot.onHand == 1000)
        #expect(f.state("R-1") == .proposed)
        #expect(f.ledger.proposedQuantity("R-1", line: 1) == 200)
        #expect(f.ledger.allocations(of: RequestID("R-1")) == [allocation])
        #expect(f.ledger.allocations(of: Lots.n95) == [allocation])
        // A second allocation gets the next id.
        try f.propose("R-1", from: Lots.n95Expected, 100)
        #expect(f.ledger.allocations.map(\.id) == [1, 2])
        #expect(f.ledger.proposedQuantity("R-1", line: 1) == 300)
    }

    @Test("over-allocating a lot is refused with insufficientStock")
    func overAllocation() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 2000)])
        f.expectRefusal(proposal("R-1", Lots.n95, 1001), .insufficientStock(lot: Lots.n95, free: 1000, wanted: 1001))
        try f.propose("R-1", from: Lots.n95, 1000)
        #expect(try f.lot(Lots.n95).free == 0)
        f.expectRefusal(proposal("R-1", Lots.n95, 1), .insufficientStock(lot: Lots.n95, free: 0, wanted: 1))
    }

    @Test("two requests competing for one lot: the second gets only what is free")
    func competingRequests() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 700)])
        try f.submit("R-2", for: Units.district, [(Items.n95, 500)])
        try f.propose("R-1", from: Lots.n95, 700)
        f.expectRefusal(proposal("R-2", Lots.n95, 500), .insufficientStock(lot: Lots.n95, free: 300, wanted: 500))
        try f.propose("R-2", from: Lots.n95, 300)
        let lot = try f.lot(Lots.n95)
        #expect(lot.proposed == 1000)
        #expect(lot.free == 0)
        // Approving one does not free anything for the other.
        try f.approve("R-1")
        f.expectRefusal(proposal("R-2", Lots.n95, 1), .insufficientStock(lot: Lots.n95, free: 0, wanted: 1))
        #expect(try f.lot(Lots.n95).approved == 700)
        #expect(try f.lot(Lots.n95).proposed == 300)
    }

    @Test("allocating more than the line asks is refused with exceedsAsked")
    func exceedsAsked() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        f.expectRefusal(proposal("R-1", Lots.n95, 101), .exceedsAsked("R-1", line: 1, asked: 100, wouldBe: 101))
        try f.propose("R-1", from: Lots.n95, 60)
        // Across lots, the line's total counts.
        f.expectRefusal(
            proposal("R-1", Lots.n95Expected, 50), .exceedsAsked("R-1", line: 1, asked: 100, wouldBe: 110))
        try f.propose("R-1", from: Lots.n95Expected, 40)
        #expect(f.ledger.proposedQuantity("R-1", line: 1) == 100)
    }

    @Test("directed stock goes only to its recipient")
    func earmarks() throws {
        var f = try Fixture()
        try f.submit("R-other", for: Units.otherHospital, [(Items.n95, 100)])
        try f.submit("R-owner", for: Units.frontLine, [(Items.n95, 100)])
        f.expectRefusal(
            proposal("R-other", Lots.n95Directed, 10),
            .earmarked(lot: Lots.n95Directed, for: Units.frontLine, request: "R-other", recipient: Units.otherHospital))
        try f.propose("R-owner", from: Lots.n95Directed, 100)
        #expect(try f.lot(Lots.n95Directed).proposed == 100)
        // Undirected stock goes anywhere.
        try f.propose("R-other", from: Lots.n95, 100)
    }

    @Test("stock of one kind+spec never fills a line of another")
    func kindMismatch() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        // Another kind.
        f.expectRefusal(
            proposal("R-1", Lots.gowns, 10),
            .kindMismatch(lot: Lots.gowns, lotItem: Items.gownL, line: 1, lineItem: Items.n95))
        // The same kind, another spec.
        f.expectRefusal(
            proposal("R-1", Lots.surgical, 10),
            .kindMismatch(lot: Lots.surgical, lotItem: Items.surgical, line: 1, lineItem: Items.n95))
    }

    @Test("an expected lot due after the request is needed is refused; due in time is fine")
    func expectedTooLate() throws {
        var f = try Fixture()
        try f.submit("R-early", [(Items.n95, 100)], neededBy: Clock.at(2026, 2, 10, 20, 0))
        try f.submit("R-exact", for: Units.district, [(Items.n95, 100)], neededBy: Clock.expectedETA)
        f.expectRefusal(
            proposal("R-early", Lots.n95Expected, 10), .expectedTooLate(lot: Lots.n95Expected, request: "R-early"))
        // Arrived stock is fine for the early request.
        try f.propose("R-early", from: Lots.n95, 10)
        // Due exactly when needed is in time.
        try f.propose("R-exact", from: Lots.n95Expected, 10)
        // Once it has arrived, the ETA no longer matters.
        try f.receive(Lots.n95Expected, 600)
        try f.propose("R-early", from: Lots.n95Expected, 10)
    }

    @Test(
        "an expired lot cannot be allocated",
        arguments: [Clock.glovesExpiry, Clock.glovesExpiry.addingTimeInterval(3600)])
    func expired(at time: Date) throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.gloves, 100)])
        f.expectRefusal(proposal("R-1", Lots.glovesNearExpiry, 10), .expired(lot: Lots.glovesNearExpiry), at: time)
    }

    @Test("a lot near expiry can still be allocated before it expires")
    func nearExpiry() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.gloves, 100)])
        try f.propose("R-1", from: Lots.glovesNearExpiry, 10, at: Clock.glovesExpiry.addingTimeInterval(-1))
        #expect(try f.lot(Lots.glovesNearExpiry).proposed == 10)
    }

    @Test("proposals naming an unknown line or lot, or a non-positive quantity, are refused")
    func badProposals() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        f.expectRefusal(proposal("R-1", line: 2, Lots.n95, 10), .unknownLine("R-1", 2))
        f.expectRefusal(proposal("R-1", line: 0, Lots.n95, 10), .unknownLine("R-1", 0))
        f.expectRefusal(proposal("R-1", "L-9999", 10), .unknownLot("L-9999"))
        f.expectRefusal(proposal("R-9", Lots.n95, 10), .unknownRequest("R-9"))
        for quantity in [0, -1, Int.min] {
            f.expectRefusal(proposal("R-1", Lots.n95, quantity)) {
                if case .invalidQuantity = $0 { return true }
                return false
            }
        }
        #expect(f.state("R-1") == .submitted)
    }

    @Test(
        "returning, rejecting or cancelling releases the proposed stock",
        arguments: [RequestState.returned, .rejected, .cancelled])
    func closeReleases(as closing: RequestState) throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 500), (Items.gownL, 50)])
        try f.propose("R-1", line: 1, from: Lots.n95, 300)
        try f.propose("R-1", line: 1, from: Lots.n95Expected, 200)
        try f.propose("R-1", line: 2, from: Lots.gowns, 50)
        #expect(try f.lot(Lots.n95).free == 700)
        switch closing {
        case .returned: try f.returnRequest("R-1")
        case .rejected: try f.reject("R-1")
        default: try f.cancel("R-1")
        }
        #expect(f.state("R-1") == closing)
        for id in [Lots.n95, Lots.n95Expected, Lots.gowns] {
            let lot = try f.lot(id)
            #expect(lot.proposed == 0)
            #expect(lot.free == lot.quantity)
        }
        #expect(f.ledger.allocations.allSatisfy { $0.status == .released && $0.activeQuantity == 0 })
        #expect(f.ledger.proposedQuantity("R-1", line: 1) == 0)
        // The stock is free for someone else.
        try f.submit("R-2", for: Units.district, [(Items.n95, 1000)])
        try f.propose("R-2", from: Lots.n95, 1000)
    }
}

@Suite("Allocations: approval")
struct ApprovalTests {
    /// R-1 for H01: line 1 N95 200 (120 from L-0001, 80 from the expected L-0002),
    /// line 2 gowns 50 (from L-0004).
    static func proposed() throws -> Fixture {
        var f = try Fixture()
        try f.submit("R-1", for: Units.frontLine, [(Items.n95, 200), (Items.gownL, 50)])
        try f.propose("R-1", line: 1, from: Lots.n95, 120)
        try f.propose("R-1", line: 1, from: Lots.n95Expected, 80)
        try f.propose("R-1", line: 2, from: Lots.gowns, 50)
        return f
    }

    @Test("approving without trims approves every proposal in full and starts the paperwork")
    func approveInFull() throws {
        var f = try Self.proposed()
        let decidedAt = Clock.at(2026, 2, 10, 9, 7)
        try f.approve("R-1", at: decidedAt, actor: "li")
        let request = try f.request("R-1")
        #expect(request.state == .approved)
        #expect(request.decidedAt == decidedAt)
        #expect(request.decidedBy == "li")
        #expect(request.paperwork == Paperwork(completedAt: nil, completedBy: nil))
        #expect(f.ledger.allocations.map(\.status) == [.approved, .approved, .approved])
        #expect(f.ledger.allocations.map(\.approvedQuantity) == [120, 80, 50])
        #expect(try f.lot(Lots.n95).approved == 120)
        #expect(try f.lot(Lots.n95).proposed == 0)
        #expect(try f.lot(Lots.n95Expected).approved == 80)
        #expect(try f.lot(Lots.gowns).approved == 50)
        #expect(f.ledger.approvedQuantity("R-1", line: 1) == 200)
        #expect(f.ledger.proposedQuantity("R-1", line: 1) == 0)
    }

    @Test("trims: allocations are approved in order up to the line's quantity, the rest released")
    func approveWithTrims() throws {
        var f = try Self.proposed()
        try f.approve("R-1", [1: 150, 2: 0])
        let allocations = f.ledger.allocations
        #expect(allocations.map(\.approvedQuantity) == [120, 30, 0])
        #expect(allocations.map(\.status) == [.approved, .approved, .released])
        #expect(allocations.map(\.activeQuantity) == [120, 30, 0])
        let n95 = try f.lot(Lots.n95)
        #expect((n95.proposed, n95.approved, n95.free) == (0, 120, 880))
        let expected = try f.lot(Lots.n95Expected)
        #expect((expected.proposed, expected.approved, expected.free) == (0, 30, 570))
        let gowns = try f.lot(Lots.gowns)
        #expect((gowns.proposed, gowns.approved, gowns.free) == (0, 0, 200))
        #expect(f.ledger.approvedQuantity("R-1", line: 1) == 150)
        #expect(f.ledger.approvedQuantity("R-1", line: 2) == 0)
        #expect(f.state("R-1") == .approved)
    }

    @Test("a trim below the first allocation releases the later ones")
    func trimReleasesLaterAllocations() throws {
        var f = try Self.proposed()
        try f.approve("R-1", [1: 100])
        #expect(f.ledger.allocations.map(\.approvedQuantity) == [100, 0, 50])
        #expect(f.ledger.allocations.map(\.status) == [.approved, .released, .approved])
        #expect(try f.lot(Lots.n95Expected).free == 600)
        #expect(try f.lot(Lots.n95).approved == 100)
    }

    @Test("approving more than proposed is refused")
    func approveMoreThanProposed() throws {
        var f = try Self.proposed()
        f.expectRefusal(approval("R-1", [1: 201]), .exceedsProposed("R-1", line: 1, proposed: 200, wanted: 201))
        f.expectRefusal(approval("R-1", [2: 51]), .exceedsProposed("R-1", line: 2, proposed: 50, wanted: 51))
        f.expectRefusal(approval("R-1", [1: Int.max]), .exceedsProposed("R-1", line: 1, proposed: 200, wanted: Int.max))
    }

    @Test("approving zero on every line is refused: return or reject instead")
    func approveZero() throws {
        var f = try Self.proposed()
        f.expectRefusal(approval("R-1", [1: 0, 2: 0])) {
            if case .invalid = $0 { return true }
            return false
        }
    }

    @Test("negative approvals and unknown lines are refused")
    func approveNonsense() throws {
        var f = try Self.proposed()
        f.expectRefusal(approval("R-1", [1: -1])) {
            if case .invalidQuantity = $0 { return true }
            return false
        }
        f.expectRefusal(approval("R-1", [3: 10]), .unknownLine("R-1", 3))
    }

    @Test("approving a request with no proposal is refused")
    func approveWithoutProposal() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        // A request with nothing proposed is still `submitted`, and the state
        // machine (submitted ↛ approved) is what refuses it.
        // `DomainError.nothingProposed` cannot be reached through `apply`: every
        // request in `proposed` has at least one proposed allocation.
        f.expectRefusal(approval("R-1"), .illegalTransition("R-1", from: .submitted, to: .approved))
        // A returned-and-resubmitted request has its proposals released: nothing to approve either.
        try f.propose("R-1", from: Lots.n95, 10)
        try f.returnRequest("R-1")
        try f.record(.requestResubmitted(Fixture.submission("R-1", [(Items.n95, 90)])))
        f.expectRefusal(approval("R-1"), .illegalTransition("R-1", from: .submitted, to: .approved))
    }
}

@Suite("Allocations: dispatch, delivery and paperwork")
struct DispatchTests {
    @Test("dispatch from a lot that has not arrived is refused until it arrives")
    func notArrived() throws {
        var f = try ApprovalTests.proposed()
        try f.approve("R-1")
        f.expectRefusal(
            .requestDispatched(RequestReference(request: "R-1")), .notArrived(lot: Lots.n95Expected, request: "R-1"))
        #expect(try f.lot(Lots.n95).onHand == 1000)
        try f.receive(Lots.n95Expected, 600, at: Clock.at(2026, 2, 10, 11, 0))
        try f.dispatch("R-1")
        #expect(f.state("R-1") == .dispatched)
    }

    @Test("a trimmed-away allocation from a lot not yet arrived does not block dispatch")
    func releasedAllocationDoesNotBlock() throws {
        var f = try ApprovalTests.proposed()
        try f.approve("R-1", [1: 120])
        try f.dispatch("R-1")
        #expect(f.ledger.allocations.map(\.status) == [.dispatched, .released, .dispatched])
    }

    @Test("dispatch moves approved units to dispatched and out of the warehouse")
    func dispatchMovesUnits() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 300), (Items.gownL, 40)])
        try f.propose("R-1", line: 1, from: Lots.n95, 300)
        try f.propose("R-1", line: 2, from: Lots.gowns, 40)
        try f.approve("R-1", [1: 250])
        let before = try f.lot(Lots.n95)
        #expect((before.approved, before.dispatched, before.onHand, before.free) == (250, 0, 1000, 750))
        let when = Clock.at(2026, 2, 10, 10, 30)
        try f.dispatch("R-1", at: when)
        let after = try f.lot(Lots.n95)
        #expect((after.proposed, after.approved, after.dispatched) == (0, 0, 250))
        #expect(after.onHand == 750)
        #expect(after.free == 750)
        #expect(after.quantity == 1000)
        let gowns = try f.lot(Lots.gowns)
        #expect((gowns.approved, gowns.dispatched, gowns.onHand) == (0, 40, 160))
        #expect(f.ledger.allocations.map(\.status) == [.dispatched, .dispatched])
        #expect(f.ledger.allocations.map(\.dispatchedAt) == [when, when])
        #expect(f.ledger.allocations.map(\.activeQuantity) == [250, 40])
        #expect(f.ledger.dispatchedQuantity("R-1", line: 1) == 250)
        #expect(f.ledger.approvedQuantity("R-1", line: 1) == 250)
        #expect(try f.request("R-1").dispatchedAt == when)
    }

    @Test("delivery records what was received per line; more than dispatched is refused")
    func delivery() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 300), (Items.gownL, 40), (Items.surgical, 100)])
        try f.propose("R-1", line: 1, from: Lots.n95, 300)
        try f.propose("R-1", line: 2, from: Lots.gowns, 40)
        try f.propose("R-1", line: 3, from: Lots.surgical, 100)
        try f.approve("R-1", [3: 0])
        try f.dispatch("R-1")
        f.expectRefusal(
            deliveryEvent("R-1", [1: 301]), .receivedTooMuch("R-1", line: 1, dispatched: 300, received: 301))
        f.expectRefusal(deliveryEvent("R-1", [3: 1]), .receivedTooMuch("R-1", line: 3, dispatched: 0, received: 1))
        f.expectRefusal(deliveryEvent("R-1", [4: 1]), .unknownLine("R-1", 4))
        f.expectRefusal(deliveryEvent("R-1", [2: -1])) {
            if case .invalidQuantity = $0 { return true }
            return false
        }
        let when = Clock.at(2026, 2, 10, 14, 0)
        try f.deliver("R-1", [1: 290], at: when)
        let request = try f.request("R-1")
        #expect(request.state == .delivered)
        #expect(request.deliveredAt == when)
        // Line 2 was not mentioned: received as dispatched. Line 3 was trimmed to zero.
        #expect(request.lines.map(\.received) == [290, 40, 0])
        #expect(request.lines.map(\.quantity) == [300, 40, 100])
        // A short delivery does not put anything back in the warehouse.
        #expect(try f.lot(Lots.n95).dispatched == 300)
    }

    @Test("paperwork: not before approval, once only, records who and when")
    func paperwork() throws {
        var f = try Fixture()
        let ref = DomainEvent.paperworkCompleted(RequestReference(request: "R-1"))
        f.expectRefusal(ref, .unknownRequest("R-1"))
        try f.submit("R-1", [(Items.n95, 100)])
        f.expectRefusal(ref, .paperwork("R-1", .notStarted(.submitted)))
        try f.propose("R-1", from: Lots.n95, 100)
        f.expectRefusal(ref, .paperwork("R-1", .notStarted(.proposed)))
        try f.approve("R-1")
        #expect(try f.request("R-1").paperwork?.isComplete == false)
        let when = Clock.at(2026, 2, 10, 18, 0)
        try f.record(ref, at: when, actor: "clerk")
        let paperwork = try #require(try f.request("R-1").paperwork)
        #expect(paperwork.isComplete)
        #expect(paperwork.completedAt == when)
        #expect(paperwork.completedBy == "clerk")
        let error = f.refuse(ref, at: when.addingTimeInterval(60), actor: "other")
        #expect(error == .paperwork("R-1", .alreadyCompleted(by: "clerk", at: "2026-02-10 18:00")))
    }

    @Test("paperwork cannot be started on a returned, rejected or cancelled request")
    func paperworkOnClosedRequests() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        try f.submit("R-2", [(Items.n95, 100)])
        try f.submit("R-3", [(Items.n95, 100)])
        try f.returnRequest("R-1")
        try f.reject("R-2")
        try f.cancel("R-3")
        for id: RequestID in ["R-1", "R-2", "R-3"] {
            f.expectRefusal(.paperworkCompleted(RequestReference(request: id))) {
                if case .paperwork(id, _) = $0 { return true }
                return false
            }
        }
    }
}

@Suite("Allocations: return, reject, cancel and resubmit")
struct DecisionTests {
    @Test(
        "returning or rejecting without a reason is refused",
        arguments: [RequestState.returned, .rejected], [nil, "", "   ", "\n\t"] as [String?])
    func reasonRequired(closing: RequestState, reason: String?) throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        try f.propose("R-1", from: Lots.n95, 100)
        let ref = RequestReference(request: "R-1")
        let event: DomainEvent = closing == .returned ? .requestReturned(ref) : .requestRejected(ref)
        f.expectRefusal(event, .reasonRequired("R-1", closing), reason: reason)
        #expect(try f.lot(Lots.n95).proposed == 100)
    }

    @Test("return and reject record who decided, when, and why")
    func decisionRecorded() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        let when = Clock.at(2026, 2, 10, 9, 3)
        try f.record(.requestRejected(RequestReference(request: "R-1")), at: when, actor: "li", reason: "  重复申请 ")
        let request = try f.request("R-1")
        #expect(request.reason == "重复申请")
        #expect(request.decidedAt == when)
        #expect(request.decidedBy == "li")
    }

    @Test("cancelling needs no reason, and keeps one when given")
    func cancelWithoutReason() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100)])
        try f.submit("R-2", [(Items.n95, 100)])
        try f.cancel("R-1")
        #expect(f.state("R-1") == .cancelled)
        #expect(try f.request("R-1").reason == nil)
        #expect(try f.request("R-1").decidedAt == nil)
        try f.cancel("R-2", reason: "已由区里解决")
        #expect(try f.request("R-2").reason == "已由区里解决")
    }

    @Test("a returned request is resubmitted with revised lines and can be allocated again")
    func resubmission() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 500)], at: Clock.at(2026, 2, 10, 8, 0))
        try f.propose("R-1", from: Lots.n95, 500)
        try f.returnRequest("R-1")
        #expect(try f.request("R-1").decidedBy == "supervisor")
        let resubmittedAt = Clock.at(2026, 2, 10, 9, 30)
        let revised = RequestSubmission(
            id: "R-1", recipient: Units.otherHospital, neededBy: Clock.at(2026, 2, 13, 12, 0),
            lines: Fixture.lines([(Items.n95, 300), (Items.gownL, 20)]))
        try f.record(.requestResubmitted(revised), at: resubmittedAt)
        let request = try f.request("R-1")
        #expect(request.state == .submitted)
        #expect(request.lines == revised.lines)
        #expect(request.neededBy == Clock.at(2026, 2, 13, 12, 0))
        #expect(request.submittedAt == resubmittedAt)
        #expect(request.decidedAt == nil)
        #expect(request.decidedBy == nil)
        // The first proposal stays released; the new lines are allocated afresh.
        #expect(f.ledger.proposedQuantity("R-1", line: 1) == 0)
        try f.propose("R-1", line: 1, from: Lots.n95, 300)
        try f.propose("R-1", line: 2, from: Lots.gowns, 20)
        f.expectRefusal(proposal("R-1", Lots.n95, 1), .exceedsAsked("R-1", line: 1, asked: 300, wouldBe: 301))
        try f.approve("R-1")
        #expect(f.ledger.approvedQuantity("R-1", line: 1) == 300)
        #expect(try f.lot(Lots.n95).approved == 300)
    }

    @Test("a resubmission cannot change the recipient, nor carry bad lines")
    func badResubmission() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 500)])
        try f.returnRequest("R-1")
        f.expectRefusal(.requestResubmitted(Fixture.submission("R-1", for: Units.district, [(Items.n95, 5)]))) {
            if case .invalid = $0 { return true }
            return false
        }
        f.expectRefusal(.requestResubmitted(Fixture.submission("R-1", []))) {
            if case .invalid = $0 { return true }
            return false
        }
        f.expectRefusal(
            .requestResubmitted(Fixture.submission("R-1", [(Items.n95, 0)]))
        ) {
            if case .invalidQuantity = $0 { return true }
            return false
        }
        #expect(f.state("R-1") == .returned)
    }

    /// Every allocation of `id` whose line still exists is of that line's item.
    static func expectAllocationsMatchLines(
        _ f: Fixture, _ id: RequestID, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let request = try f.request(id)
        for allocation in f.ledger.allocations(of: id) {
            let lotItem = try f.lot(allocation.lot).item
            guard let line = request.line(allocation.line) else {
                #expect(allocation.status == .released, sourceLocation: sourceLocation)
                continue
            }
            #expect(
                line.item == lotItem,
                "allocation \(allocation.id) of \(lotItem) is listed against line \(line.number), which is \(line.item)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("a resubmission cannot change the item of a line")
    func resubmissionKeepsLineItems() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100), (Items.gownL, 20)])
        try f.propose("R-1", from: Lots.n95, 100)
        try f.returnRequest("R-1")
        // Line 1 as gowns, or the two lines swapped: the N95 allocation would be
        // listed against a gown line.
        for items in [[(Items.gownL, 10)], [(Items.gownL, 20), (Items.n95, 100)]] {
            f.expectRefusal(.requestResubmitted(Fixture.submission("R-1", items))) {
                if case .invalid = $0 { return true }
                return false
            }
        }
        // Same items, new quantities and an added line are fine.
        try f.record(
            .requestResubmitted(Fixture.submission("R-1", [(Items.n95, 50), (Items.gownL, 20), (Items.gloves, 5)])))
        try Self.expectAllocationsMatchLines(f, "R-1")
    }

    @Test("dropping a line and adding another item in its place later does not relabel its allocations")
    func resubmissionInTwoSteps() throws {
        var f = try Fixture()
        try f.submit("R-1", [(Items.n95, 100), (Items.gownL, 20)])
        try f.propose("R-1", line: 2, from: Lots.gowns, 20)
        try f.returnRequest("R-1")
        // Drop line 2 (its gown allocation is released)…
        let atReturn = f.ledger
        do {
            try f.record(.requestResubmitted(Fixture.submission("R-1", [(Items.n95, 100)])))
        } catch {
            #expect(f.ledger == atReturn)
            return  // refusing to drop a line that has allocations is a fair answer
        }
        try Self.expectAllocationsMatchLines(f, "R-1")
        try f.returnRequest("R-1")
        // …then bring back a line 2 of surgical masks.
        let before = f.ledger
        do {
            try f.record(.requestResubmitted(Fixture.submission("R-1", [(Items.n95, 100), (Items.surgical, 50)])))
        } catch {
            #expect(f.ledger == before)
            return
        }
        // The gown allocation must not now read as an allocation of surgical masks.
        try Self.expectAllocationsMatchLines(f, "R-1")
    }
}
