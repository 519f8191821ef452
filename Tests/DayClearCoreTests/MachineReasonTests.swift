import DayClearCore
import Testing

@Suite struct MachineReasonTests {
    @Test(arguments: [MachineReason.routePlan] + PlanningRule.allCases.map(MachineReason.planner))
    func theRecordedTextIsRecognisedAgain(reason: MachineReason) {
        #expect(MachineReason(recorded: reason.recorded) == reason)
        #expect(reason.chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
    }

    @Test func aPersonsReasonIsNotAMachineReason() {
        #expect(MachineReason(recorded: "重复申请") == nil)
        #expect(MachineReason(recorded: "planner: my own words") == nil)
        #expect(MachineReason(recorded: "") == nil)
    }
}
