import DayClearCore
import Testing

@Suite struct MachineReasonTests {
    static let proposal = DomainEvent.allocationProposed(
        AllocationProposal(request: "R-1", line: 1, lot: "L-1", quantity: 5))
    static let shuttle = DomainEvent.shuttleRunsPlanned(
        ShuttleRunsPlanned(day: CivilDate(year: 2026, month: 11, day: 30), runs: [], dayUnits: 0, clearedUnits: 0))

    /// Each reason with the event DayClear records it with.
    static let recorded: [(MachineReason, DomainEvent)] =
        [(.routePlan, shuttle)] + PlanningRule.allCases.map { (.planner($0), proposal) }

    @Test(arguments: recorded)
    func theRecordedTextIsRecognisedAgain(reason: MachineReason, event: DomainEvent) {
        #expect(MachineReason(recorded: reason.recorded, with: event) == reason)
        #expect(reason.chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
    }

    /// A person who types the same words with another kind of event wrote their own reason.
    @Test(arguments: recorded)
    func theSameWordsWithAnotherEventAreAPersonsReason(reason: MachineReason, event: DomainEvent) {
        let other = event == Self.shuttle ? Self.proposal : Self.shuttle
        #expect(MachineReason(recorded: reason.recorded, with: other) == nil)
        #expect(
            MachineReason(recorded: reason.recorded, with: .requestReturned(RequestReference(request: "R-1"))) == nil)
    }

    @Test func aPersonsReasonIsNotAMachineReason() {
        #expect(MachineReason(recorded: "重复申请", with: Self.proposal) == nil)
        #expect(MachineReason(recorded: "planner: my own words", with: Self.proposal) == nil)
        #expect(MachineReason(recorded: "", with: Self.shuttle) == nil)
    }
}
