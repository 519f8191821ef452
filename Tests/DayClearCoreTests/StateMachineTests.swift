import Foundation
import Testing

@testable import DayClearCore

@Suite("Request state machine")
struct StateMachineTests {
    static let id: RequestID = "R-0001"

    /// Submits R-0001 (100 N95 masks for H02) and drives it into `state` by
    /// ordinary events.
    static func fixture(in state: RequestState) throws -> Fixture {
        var f = try Fixture()
        try f.submit(id, [(Items.n95, 100)])
        switch state {
        case .submitted:
            break
        case .proposed:
            try f.propose(id, from: Lots.n95, 10)
        case .approved:
            try f.propose(id, from: Lots.n95, 10)
            try f.approve(id)
        case .returned:
            try f.propose(id, from: Lots.n95, 10)
            try f.returnRequest(id)
        case .rejected:
            try f.reject(id)
        case .cancelled:
            try f.cancel(id)
        case .dispatched:
            try f.propose(id, from: Lots.n95, 10)
            try f.approve(id)
            try f.dispatch(id)
        case .delivered:
            try f.propose(id, from: Lots.n95, 10)
            try f.approve(id)
            try f.dispatch(id)
            try f.deliver(id)
        }
        #expect(f.state(id) == state)
        return f
    }

    /// The event that would move a request to `state`, and the reason it carries.
    static func event(movingTo state: RequestState) -> (DomainEvent, reason: String?) {
        let ref = RequestReference(request: id)
        switch state {
        case .submitted:
            return (.requestResubmitted(Fixture.submission(id, [(Items.n95, 80)])), nil)
        case .proposed:
            return (.allocationProposed(AllocationProposal(request: id, line: 1, lot: Lots.n95, quantity: 10)), nil)
        case .approved:
            return (.requestApproved(LineQuantities(request: id, quantities: [:])), nil)
        case .returned: return (.requestReturned(ref), "数量有误")
        case .rejected: return (.requestRejected(ref), "重复申请")
        case .cancelled: return (.requestCancelled(ref), "已另行解决")
        case .dispatched: return (.requestDispatched(ref), nil)
        case .delivered: return (.requestDelivered(LineQuantities(request: id, quantities: [:])), nil)
        }
    }

    @Test(
        "every (from, to) pair is accepted or refused exactly as successors says",
        arguments: RequestState.allCases, RequestState.allCases)
    func transition(from: RequestState, to: RequestState) throws {
        var f = try Self.fixture(in: from)
        let (event, reason) = Self.event(movingTo: to)
        if from.canMove(to: to) {
            try f.record(event, actor: "supervisor", reason: reason)
            #expect(f.state(Self.id) == to)
            #expect(try f.replayed() == f.ledger)
        } else {
            let error = f.refuse(event, actor: "supervisor", reason: reason)
            #expect(error == .illegalTransition(Self.id, from: from, to: to))
            let message = try #require(error).description
            #expect(message.contains(Self.id.rawValue))
            #expect(message.contains(from.rawValue))
            #expect(message.contains(to.rawValue))
            #expect(f.state(Self.id) == from)
        }
    }

    @Test("the successor table is the one in the design")
    func successorTable() {
        let legal: Set<[RequestState]> = [
            [.submitted, .proposed], [.submitted, .returned], [.submitted, .rejected], [.submitted, .cancelled],
            [.proposed, .proposed], [.proposed, .approved], [.proposed, .returned], [.proposed, .rejected],
            [.proposed, .cancelled],
            [.returned, .submitted], [.returned, .cancelled],
            [.approved, .dispatched],
            [.dispatched, .delivered],
        ]
        for from in RequestState.allCases {
            for to in RequestState.allCases {
                #expect(from.canMove(to: to) == legal.contains([from, to]), "\(from) → \(to)")
            }
        }
    }

    @Test("open, awaiting-decision and Chinese names")
    func stateProperties() {
        #expect(RequestState.allCases.filter(\.awaitsDecision) == [.submitted, .proposed])
        #expect(Set(RequestState.allCases.filter { !$0.isOpen }) == [.rejected, .cancelled, .delivered])
        for state in RequestState.allCases where !state.isOpen {
            #expect(state.successors.isEmpty)
        }
        #expect(Set(RequestState.allCases.map(\.chineseName)).count == RequestState.allCases.count)
        #expect(RequestState.approved.chineseName == "已批准")
    }

    @Test("paperwork is not a state move: it is allowed after approval in any later state")
    func paperworkAfterDispatch() throws {
        var f = try Self.fixture(in: .dispatched)
        try f.record(.paperworkCompleted(RequestReference(request: Self.id)), actor: "clerk")
        #expect(f.state(Self.id) == .dispatched)
        #expect(try f.request(Self.id).paperwork?.completedBy == "clerk")
    }

    @Test("events for an unknown request are refused", arguments: RequestState.allCases)
    func unknownRequest(target: RequestState) throws {
        var f = try Fixture()
        let (event, reason) = Self.event(movingTo: target)
        f.expectRefusal(event, .unknownRequest(Self.id), reason: reason)
    }
}
