import DayClearCore

/// What the shuttle planner needs beyond the ledger: where the relief centre is, the fleet, and
/// how much room a pack of each kind+spec takes.
public struct ShuttleConfiguration: Hashable, Sendable {
    /// The relief centre's name, where every run starts and ends.
    public var centreName: String
    public var centre: Coordinate
    public var fleet: [Vehicle]
    /// Millilitres of one pack (箱) of each kind+spec, as packed for the shuttle.
    public var packVolumes: [ItemKey: Int]

    public init(centreName: String, centre: Coordinate, fleet: [Vehicle], packVolumes: [ItemKey: Int]) {
        self.centreName = centreName
        self.centre = centre
        self.fleet = fleet
        self.packVolumes = packVolumes
    }

    /// The largest load one run of the fleet can carry; 0 without vehicles.
    public var largestCapacity: Int { fleet.map(\.capacityMillilitres).max() ?? 0 }
}
