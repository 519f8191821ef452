import DayClearCore

/// The day's classified delivery (分类运送): the shuttle runs, what goes point-to-point, what
/// waits in the warehouse, and the forecast same-day clear rate.
public struct ShuttlePlan: Equatable, Sendable {
    /// Units of one approved allocation carried on one stop.
    public struct Cargo: Equatable, Sendable {
        public var allocation: Int
        public var request: RequestID
        public var line: Int
        public var lot: LotID
        public var item: ItemKey
        public var units: Int
        public var millilitres: Int
    }

    /// One stop of a run: a recipient and what it receives there.
    public struct Stop: Equatable, Sendable {
        public var recipient: RecipientID
        public var cargo: [Cargo]
        public var millilitres: Int { cargo.reduce(0) { $0 + $1.millilitres } }
        public var units: Int { cargo.reduce(0) { $0 + $1.units } }
    }

    /// One run of one vehicle from the relief centre and back.
    public struct Run: Equatable, Sendable {
        public var vehicle: Vehicle
        /// Which of the vehicle's runs of the day, from 1.
        public var trip: Int
        public var stops: [Stop]
        /// The length from the centre through the stops and back, great-circle metres.
        public var metres: Double
        public var millilitres: Int { stops.reduce(0) { $0 + $1.millilitres } }
    }

    public var day: CivilDate
    public var runs: [Run]
    /// Approved units leaving point-to-point (directed, or a lot going whole to one recipient).
    public var pointToPoint: [Cargo]
    /// Approved shuttle units that fit none of today's runs: they wait in the warehouse.
    public var leftOver: [Cargo]
    /// Units of the day's goods: lots received during the day and lots expected before its end.
    public var dayUnits: Int
    /// Of those, units already dispatched during the day or leaving on today's plan.
    public var clearedUnits: Int

    /// The forecast same-day clear rate (日进日清); nil when the day has no goods.
    public var forecastClearRate: Double? { dayUnits > 0 ? Double(clearedUnits) / Double(dayUnits) : nil }

    /// Total great-circle length of the runs, in metres.
    public var metres: Double { runs.reduce(0) { $0 + $1.metres } }
}
