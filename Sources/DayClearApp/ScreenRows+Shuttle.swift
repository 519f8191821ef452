import DayClearCore
import DayClearRouting

extension ScreenRows {
    /// The day's shuttle plan with the configuration given, remembered per ledger, day and
    /// configuration (routing runs several savings weightings, too slow to repeat every frame).
    static func shuttlePlan(
        _ ledger: Ledger, day: CivilDate, configuration: ShuttleConfiguration
    ) -> Result<ShuttlePlan, ShuttlePlanningError> {
        shuttleMemo.value(ledger, ShuttlePlanKey(day: day, configuration: configuration)) {
            Result { () throws(ShuttlePlanningError) -> ShuttlePlan in
                try ShuttlePlanner(configuration: configuration).plan(ledger: ledger, day: day)
            }
        }
    }

    private struct ShuttlePlanKey: Hashable, Sendable {
        var day: CivilDate
        var configuration: ShuttleConfiguration
    }

    private static let shuttleMemo = LedgerMemo<ShuttlePlanKey, Result<ShuttlePlan, ShuttlePlanningError>>(
        capacity: 4)
}
