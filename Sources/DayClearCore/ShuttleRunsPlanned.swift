/// The postal shuttle's runs a coordinator adopted for a day (`dayclear route --apply`): which
/// vehicle goes where in what order, and the same-day clear rate the plan forecasts.
public struct ShuttleRunsPlanned: Hashable, Codable, Sendable {
    /// One run from the relief centre and back.
    public struct Run: Hashable, Codable, Sendable {
        /// The vehicle's id in the fleet file.
        public var vehicle: String
        /// Which of the vehicle's runs of the day, from 1.
        public var trip: Int
        /// The recipients in the order the run visits them.
        public var stops: [RecipientID]
        /// The packed load, in millilitres.
        public var millilitres: Int
        /// The great-circle length from the centre through the stops and back, in metres.
        public var metres: Int

        public init(vehicle: String, trip: Int, stops: [RecipientID], millilitres: Int, metres: Int) {
            self.vehicle = vehicle
            self.trip = trip
            self.stops = stops
            self.millilitres = millilitres
            self.metres = metres
        }
    }

    public var day: CivilDate
    public var runs: [Run]
    /// Units of the day's goods when the plan was made.
    public var dayUnits: Int
    /// Of those, units dispatched during the day or leaving on the plan.
    public var clearedUnits: Int

    public init(day: CivilDate, runs: [Run], dayUnits: Int, clearedUnits: Int) {
        self.day = day
        self.runs = runs
        self.dayUnits = dayUnits
        self.clearedUnits = clearedUnits
    }

    /// Stops over all runs.
    public var stopCount: Int { runs.reduce(0) { $0 + $1.stops.count } }

    /// The runs' total length in kilometres, to one decimal, as the journal shows it.
    public var kilometresText: String { String(format: "%.1f", Double(runs.reduce(0) { $0 + $1.metres }) / 1000) }

    /// The forecast same-day clear rate; nil when the day had no goods.
    public var forecastClearRate: Double? { dayUnits > 0 ? Double(clearedUnits) / Double(dayUnits) : nil }
}
