import DayClearCore
import Foundation

/// Plans the day's classified delivery: approved allocations go point-to-point or on the postal
/// shuttle (`Ledger.routeClass(of:)`); the shuttle's loads are cut into pieces that fit a
/// vehicle, routed from the relief centre by `RoutingSolver`, and the runs given to the
/// fleet's vehicles. What fits no run of the day stays in the warehouse.
public struct ShuttlePlanner: Sendable {
    public var configuration: ShuttleConfiguration
    public var solver: RoutingSolver

    public init(configuration: ShuttleConfiguration, solver: RoutingSolver = RoutingSolver()) {
        self.configuration = configuration
        self.solver = solver
    }

    /// The plan for `day` as the ledger stands.
    public func plan(ledger: Ledger, day: CivilDate) throws(ShuttlePlanningError) -> ShuttlePlan {
        let window = ledger.calendar.window(of: day)
        var pointToPoint: [ShuttlePlan.Cargo] = []
        var shuttled: [RecipientID: [ShuttlePlan.Cargo]] = [:]
        for allocation in ledger.allocations where allocation.status == .approved {
            guard let request = ledger.requests[allocation.request], request.state == .approved,
                let lot = ledger.lots[allocation.lot], Self.leavesBy(lot, window.end)
            else { continue }
            let units = allocation.approvedQuantity ?? 0
            guard units > 0 else { continue }
            var cargo = ShuttlePlan.Cargo(
                allocation: allocation.id, request: request.id, line: allocation.line, lot: lot.id, item: lot.item,
                units: units, millilitres: 0)
            switch ledger.routeClass(of: allocation) {
            case .pointToPoint:
                pointToPoint.append(cargo)
            case .shuttle, .warehouse:
                guard let volume = configuration.packVolumes[lot.item] else {
                    throw .noPackVolume(lot.item, request: request.id, line: allocation.line)
                }
                cargo.millilitres = Self.packs(units, of: lot.packSize) * volume
                shuttled[request.recipient, default: []].append(cargo)
            }
        }

        var pieces: [Piece] = []
        for recipient in shuttled.keys.sorted() {
            guard let place = ledger.recipients[recipient] else { continue }
            let coordinate = Coordinate(latitude: place.latitude, longitude: place.longitude)
            for cargo in cut(shuttled[recipient] ?? [], ledger: ledger) {
                pieces.append(Piece(recipient: recipient, coordinate: coordinate, cargo: cargo))
            }
        }
        let (runs, leftOver) = assign(pieces)

        let (dayUnits, cleared) = Self.clearance(ledger: ledger, window: window, runs: runs, direct: pointToPoint)
        return ShuttlePlan(
            day: day, runs: runs, pointToPoint: pointToPoint, leftOver: leftOver.flatMap(\.cargo), dayUnits: dayUnits,
            clearedUnits: cleared)
    }

    /// The day's goods (lots received during the day, and lots expected before its end) and
    /// how many of their units leave the same day: already dispatched during the day, or
    /// approved and leaving point-to-point or on one of the plan's runs.
    static func clearance(
        ledger: Ledger, window: DateInterval, runs: [ShuttlePlan.Run], direct: [ShuttlePlan.Cargo]
    ) -> (dayUnits: Int, cleared: Int) {
        func inDay(_ date: Date?) -> Bool { date.map { window.start <= $0 && $0 < window.end } ?? false }
        let leaving = (direct + runs.flatMap { $0.stops.flatMap(\.cargo) }).reduce(into: [Int: Int]()) {
            $0[$1.allocation, default: 0] += $1.units
        }
        var dayUnits = 0
        var cleared = 0
        for lot in ledger.lots.values where inDay(lot.arrivedAt) || (lot.eta.map { $0 < window.end } ?? false) {
            dayUnits += lot.quantity
            for allocation in ledger.allocations(of: lot.id) {
                switch allocation.status {
                case .dispatched where inDay(allocation.dispatchedAt): cleared += allocation.approvedQuantity ?? 0
                case .approved: cleared += leaving[allocation.id] ?? 0
                default: continue
                }
            }
        }
        return (dayUnits, cleared)
    }

    /// A lot can leave by the day's end if it has arrived or is expected before then.
    static func leavesBy(_ lot: Lot, _ end: Date) -> Bool {
        lot.isArrived || (lot.eta.map { $0 < end } ?? false)
    }

    /// Whole packs needed for `units`: a partial pack still takes a pack's room.
    static func packs(_ units: Int, of packSize: Int) -> Int {
        let size = max(1, packSize)
        return (units + size - 1) / size
    }
}

// MARK: - Pieces and vehicles

extension ShuttlePlanner {
    /// A load for one recipient small enough for the largest vehicle.
    struct Piece {
        var recipient: RecipientID
        var coordinate: Coordinate
        var cargo: [ShuttlePlan.Cargo]
        var millilitres: Int { cargo.reduce(0) { $0 + $1.millilitres } }
    }

    /// Cuts one recipient's cargo into loads of at most the largest vehicle, in whole packs.
    func cut(_ cargo: [ShuttlePlan.Cargo], ledger: Ledger) -> [[ShuttlePlan.Cargo]] {
        let room = configuration.largestCapacity
        guard room > 0 else { return [cargo] }
        var pieces: [[ShuttlePlan.Cargo]] = [[]]
        var free = room
        for var item in cargo {
            let packSize = max(1, ledger.lots[item.lot]?.packSize ?? 1)
            let packVolume = configuration.packVolumes[item.item] ?? 0
            while item.millilitres > free {
                let packs = packVolume > 0 ? free / packVolume : 0
                if packs > 0 {
                    var part = item
                    part.units = packs * packSize
                    part.millilitres = packs * packVolume
                    pieces[pieces.count - 1].append(part)
                    item.units -= part.units
                    item.millilitres -= part.millilitres
                }
                pieces.append([])
                free = room
            }
            pieces[pieces.count - 1].append(item)
            free -= item.millilitres
        }
        return pieces.filter { !$0.isEmpty }
    }

    /// Routes the pieces for the largest vehicle left, gives the longest-loaded runs to the
    /// smallest vehicle run that holds them, and repeats with what is left until the fleet's
    /// runs or the pieces run out. Returns the runs and the pieces no run took.
    func assign(_ pieces: [Piece]) -> (runs: [ShuttlePlan.Run], leftOver: [Piece]) {
        var slots: [(vehicle: Int, trip: Int)] = configuration.fleet.indices.flatMap { index in
            (0..<max(0, configuration.fleet[index].runsPerDay)).map { (index, $0 + 1) }
        }
        var pending = pieces
        var leftOver: [Piece] = []
        var runs: [(slot: (vehicle: Int, trip: Int), run: ShuttlePlan.Run)] = []
        while !pending.isEmpty, let room = slots.map({ configuration.fleet[$0.vehicle].capacityMillilitres }).max() {
            leftOver += pending.filter { $0.millilitres > room }
            pending.removeAll { $0.millilitres > room }
            guard !pending.isEmpty,
                let problem = try? RoutingProblem(
                    distances: DistanceMatrix(coordinates: [configuration.centre] + pending.map(\.coordinate)),
                    demands: [0] + pending.map(\.millilitres), capacity: room)
            else { break }
            let solution = solver.solve(problem)
            let byLoad = solution.runs.sorted { problem.load(of: $0) > problem.load(of: $1) }
            var taken = Set<Int>()
            for nodes in byLoad {
                let load = problem.load(of: nodes)
                let fitting = slots.indices.filter {
                    configuration.fleet[slots[$0].vehicle].capacityMillilitres >= load
                }
                guard
                    let best = fitting.min(by: {
                        configuration.fleet[slots[$0].vehicle].capacityMillilitres
                            < configuration.fleet[slots[$1].vehicle].capacityMillilitres
                    })
                else { continue }
                let slot = slots.remove(at: best)
                taken.formUnion(nodes)
                runs.append(
                    (
                        slot,
                        ShuttlePlan.Run(
                            vehicle: configuration.fleet[slot.vehicle], trip: slot.trip,
                            stops: stops(nodes.map { pending[$0 - 1] }), metres: problem.length(of: nodes))
                    ))
            }
            pending = pending.indices.filter { !taken.contains($0 + 1) }.map { pending[$0] }
        }
        leftOver += pending
        let ordered = runs.sorted { ($0.slot.vehicle, $0.slot.trip) < ($1.slot.vehicle, $1.slot.trip) }
        return (ordered.map(\.run), leftOver)
    }

    /// The stops of a run, one per recipient visit: pieces of one recipient next to each other
    /// are unloaded at one stop.
    func stops(_ pieces: [Piece]) -> [ShuttlePlan.Stop] {
        var stops: [ShuttlePlan.Stop] = []
        for piece in pieces {
            if stops.last?.recipient == piece.recipient {
                stops[stops.count - 1].cargo += piece.cargo
            } else {
                stops.append(ShuttlePlan.Stop(recipient: piece.recipient, cargo: piece.cargo))
            }
        }
        return stops
    }
}
