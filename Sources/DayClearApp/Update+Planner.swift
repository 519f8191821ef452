import DayClearCore

/// The group screen's `P`: the planner's proposal for every open request, recorded as the task force's.
func proposeByPlanner(state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    let rule = PlanningRule.default
    let plan = Planner(rule: rule).plan(ledger: ledger, day: ledger.calendar.day(containing: state.now), now: state.now)
    guard !plan.allocations.isEmpty else {
        state.status = .error(
            language.pick("没有可分配的物资或待分配的申请", "Nothing to allocate: no free stock for the open requests"))
        return []
    }
    let units = plan.units
    return [
        .record(
            reason: MachineReason.planner(rule).recorded, events: plan.events,
            success: language.pick(
                "已生成分配建议：\(plan.allocations.count) 笔，共 \(units) 件（\(rule.chineseName)）",
                "Planner proposed \(plan.allocations.count) allocations, \(units) units (\(rule.englishName))"))
    ]
}
