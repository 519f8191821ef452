import DayClearCore

extension ShuttlePlan {
    /// The plan as the event that records it (`dayclear route --apply`): each run's vehicle,
    /// trip, stops, load and whole metres.
    public var record: ShuttleRunsPlanned {
        ShuttleRunsPlanned(
            day: day,
            runs: runs.map {
                .init(
                    vehicle: $0.vehicle.id, trip: $0.trip, stops: $0.stops.map(\.recipient),
                    millilitres: $0.millilitres, metres: Int($0.metres.rounded()))
            }, dayUnits: dayUnits, clearedUnits: clearedUnits)
    }
}
