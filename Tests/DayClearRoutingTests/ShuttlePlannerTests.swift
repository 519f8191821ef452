import DayClearCore
import Testing

@testable import DayClearRouting

@Suite("Shuttle runs for a day")
struct ShuttlePlannerTests {
    /// A pack of 50 masks takes 10 L, a pack of 20 gowns 60 L.
    static func configuration(_ fleet: [Vehicle]) -> ShuttleConfiguration {
        ShuttleConfiguration(
            centreName: "中心", centre: Coordinate(latitude: 30.25, longitude: 120.15), fleet: fleet,
            packVolumes: [DayBuilder.masks: 10_000, DayBuilder.gowns: 60_000])
    }

    /// Four recipients; a directed lot, a lot going whole to H1, and a mask lot shared by H2,
    /// H3 and H4 (which therefore rides the shuttle).
    static func day() throws -> DayBuilder {
        var builder = try DayBuilder()
        try builder.recipient("H1", north: 0.01, east: 0)
        try builder.recipient("H2", north: 0.02, east: 0.01)
        try builder.recipient("H3", north: -0.02, east: 0.02)
        try builder.recipient("H4", north: -0.02, east: 0.021)
        try builder.lot("L-D", DayBuilder.gowns, quantity: 100, packSize: 20, directedTo: "H2")
        try builder.lot("L-W", DayBuilder.gowns, quantity: 40, packSize: 20)
        try builder.lot("L-S", DayBuilder.masks, quantity: 3000, packSize: 50)
        try builder.approved("R-1", for: "H2", DayBuilder.gowns, from: [("L-D", 100)])
        try builder.approved("R-2", for: "H1", DayBuilder.gowns, from: [("L-W", 40)])
        try builder.approved("R-3", for: "H2", DayBuilder.masks, from: [("L-S", 1000)])
        try builder.approved("R-4", for: "H3", DayBuilder.masks, from: [("L-S", 1000)])
        try builder.approved("R-5", for: "H4", DayBuilder.masks, from: [("L-S", 500)])
        return builder
    }

    @Test func classifiesAndRoutesTheShuttleLoads() throws {
        let ledger = try Self.day().ledger
        let plan = try ShuttlePlanner(
            configuration: Self.configuration([Vehicle(id: "V", name: "车", capacityMillilitres: 1_000_000)])
        )
        .plan(ledger: ledger, day: DayBuilder.day)
        #expect(Set(plan.pointToPoint.map(\.request)) == ["R-1", "R-2"])
        #expect(plan.runs.count == 1)
        let stops = plan.runs[0].stops.map(\.recipient)
        #expect(Set(stops) == ["H2", "H3", "H4"])
        // H3 and H4 sit side by side: the run passes from one straight to the other.
        let h3 = try #require(stops.firstIndex(of: "H3"))
        let h4 = try #require(stops.firstIndex(of: "H4"))
        #expect(abs(h3 - h4) == 1)
        // 1,000 masks are 20 packs of 10 L; 500 are 10 packs.
        #expect(plan.runs[0].millilitres == 500_000)
        #expect(plan.leftOver.isEmpty)
        #expect(plan.dayUnits == 3140)
        #expect(plan.clearedUnits == 2640)
    }

    @Test func loadsLargerThanAVehicleAreCutInWholePacks() throws {
        let ledger = try Self.day().ledger
        // 120 L per run: 12 packs of masks at most.
        let fleet = [Vehicle(id: "V", name: "车", capacityMillilitres: 120_000, runsPerDay: 10)]
        let plan = try ShuttlePlanner(configuration: Self.configuration(fleet)).plan(
            ledger: ledger, day: DayBuilder.day)
        #expect(plan.runs.allSatisfy { $0.millilitres <= 120_000 })
        #expect(plan.runs.count >= 5)
        let carried = plan.runs.flatMap { $0.stops.flatMap(\.cargo) }
        for request: RequestID in ["R-3", "R-4", "R-5"] {
            let parts = carried.filter { $0.request == request }
            #expect(parts.allSatisfy { $0.units % 50 == 0 })
        }
        #expect(carried.reduce(0) { $0 + $1.units } == 2500)
        #expect(plan.leftOver.isEmpty)
    }

    @Test func whatFitsNoRunWaitsInTheWarehouse() throws {
        let ledger = try Self.day().ledger
        // One run of 250 L: 25 of the 50 packs leave; the rest stays.
        let fleet = [Vehicle(id: "V", name: "车", capacityMillilitres: 250_000, runsPerDay: 1)]
        let plan = try ShuttlePlanner(configuration: Self.configuration(fleet)).plan(
            ledger: ledger, day: DayBuilder.day)
        #expect(plan.runs.count == 1)
        #expect(plan.runs[0].millilitres <= 250_000)
        let carried = plan.runs[0].stops.reduce(0) { $0 + $1.units }
        let waiting = plan.leftOver.reduce(0) { $0 + $1.units }
        #expect(carried + waiting == 2500)
        #expect(waiting > 0)
        #expect(plan.clearedUnits == 140 + carried)
        #expect(plan.forecastClearRate == Double(140 + carried) / 3140)
    }

    @Test func aSmallerVehicleTakesARunThatFitsIt() throws {
        let ledger = try Self.day().ledger
        let fleet = [
            Vehicle(id: "BIG", name: "大车", capacityMillilitres: 400_000),
            Vehicle(id: "SMALL", name: "小车", capacityMillilitres: 250_000),
        ]
        let plan = try ShuttlePlanner(configuration: Self.configuration(fleet)).plan(
            ledger: ledger, day: DayBuilder.day)
        // Routed for 400 L: H3 and H4 together (300 L) on the big van, H2 (200 L) alone fits the small one.
        #expect(plan.runs.count == 2)
        #expect(plan.runs.allSatisfy { $0.millilitres <= $0.vehicle.capacityMillilitres })
        let small = try #require(plan.runs.first { $0.vehicle.id == "SMALL" })
        #expect(small.stops.map(\.recipient) == ["H2"])
        #expect(plan.leftOver.isEmpty)
    }

    @Test func aShuttledKindWithoutPackVolumeIsNamed() throws {
        let ledger = try Self.day().ledger
        var configuration = Self.configuration([Vehicle(id: "V", name: "车", capacityMillilitres: 1_000_000)])
        configuration.packVolumes[DayBuilder.masks] = nil
        #expect(throws: ShuttlePlanningError.noPackVolume(DayBuilder.masks, request: "R-3", line: 1)) {
            try ShuttlePlanner(configuration: configuration).plan(ledger: ledger, day: DayBuilder.day)
        }
    }

    @Test func runLengthIsTheGreatCircleTour() throws {
        let ledger = try Self.day().ledger
        let configuration = Self.configuration([Vehicle(id: "V", name: "车", capacityMillilitres: 1_000_000)])
        let plan = try ShuttlePlanner(configuration: configuration).plan(ledger: ledger, day: DayBuilder.day)
        let points =
            [configuration.centre]
            + plan.runs[0].stops.map { stop in
                let place = ledger.recipients[stop.recipient]!
                return Coordinate(latitude: place.latitude, longitude: place.longitude)
            } + [configuration.centre]
        let tour = zip(points, points.dropFirst()).reduce(0.0) { $0 + $1.0.metres(to: $1.1) }
        #expect(abs(tour - plan.runs[0].metres) < 1e-6)
    }
}
