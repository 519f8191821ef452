import DayClearCore

extension RecordedEvent {
    /// The reason as the journal shows it: DayClear's own reasons (`MachineReason`) in the screen's
    /// language, a person's as they wrote it; empty when none was recorded.
    func reasonText(_ language: Language) -> String {
        guard let reason else { return "" }
        guard language == .zh, let machine = MachineReason(recorded: reason, with: event) else { return reason }
        return machine.chinese
    }
}
