import DayClearCore

// MARK: - Recording the shuttle runs from the routes screen

/// `S`: asks whether to record the runs the routes screen shows as the day's plan, the same
/// `shuttleRunsPlanned` event as `dayclear route --apply`. Coordinators only; nothing to record
/// when no approved goods go on the shuttle.
func askToRecordShuttleRuns(state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    guard state.roles.contains(.coordinator) || state.roles.contains(.admin) else {
        state.status = .error(
            language.pick(
                "记录车次需要仓库协调员角色，\(state.user) 没有这个角色；未做任何更改",
                "Recording shuttle runs needs the coordinator role; \(state.user) does not have it. Nothing changed"))
        return []
    }
    let day = ledger.calendar.day(containing: state.now)
    switch shuttleOutcome(state, ledger: ledger, day: day) {
    case .failure(let problem):
        state.status = .error(problem.message(language))
    case .success(let plan) where plan.runs.isEmpty:
        state.status = .error(
            language.pick(
                "没有可记录的车次：\(day) 没有已批准的物资走邮政专车",
                "Nothing to record: no approved goods go on the shuttle for \(day)"))
    case .success(let plan):
        state.modal = .confirm(Confirmation(action: .recordShuttleRuns(plan.record)))
    }
    return []
}

/// The effect that records confirmed runs.
func recordingShuttleRuns(_ plan: ShuttleRunsPlanned, language: Language) -> Effect {
    .record(
        reason: MachineReason.routePlan.recorded, events: [.shuttleRunsPlanned(plan)],
        success: language.pick(
            "已记录 \(plan.day) 的 \(plan.runs.count) 趟邮政专车",
            "Recorded the shuttle plan for \(plan.day) (runs: \(plan.runs.count))"))
}

/// `y` on the question: plans again on the ledger as it is now and records the runs only if they
/// are the ones the user was shown. Another terminal may have approved or dispatched meanwhile;
/// then nothing is recorded and the user is asked to look again.
func recordConfirmedShuttleRuns(_ confirmed: ShuttleRunsPlanned, state: inout AppState, ledger: Ledger) -> [Effect] {
    let language = state.language
    guard case .success(let plan) = shuttleOutcome(state, ledger: ledger, day: confirmed.day), plan.record == confirmed
    else {
        state.status = .error(
            language.pick(
                "确认前专车计划已变化（其他终端有新记录），未记录；请按 S 重新查看",
                "The shuttle plan changed before you confirmed (another terminal recorded something); nothing recorded. Press S to see it again"
            ))
        return []
    }
    return [recordingShuttleRuns(confirmed, language: language)]
}
