import Foundation

/// A compact encoding of the whole ledger, so a store can start from a saved model instead of
/// replaying every event. The store keeps it only as a cache, checked against the hash chain.
///
/// Every stored property of `Ledger`, `Lot`, `Request`, `Allocation`, the shuttle plans, the roster and the substitutions is written here; a new
/// property must be added to both directions and `snapshotFormat` raised (LedgerSnapshotTests
/// counts the properties to catch a forgotten one). The per-request and per-lot allocation
/// indices and each lot's takers are rebuilt from the requests and allocations; the planner's open
/// lines are stored (`OpenLines+Snapshot.swift`), as rebuilding them walks and sorts every open request.
extension Ledger {
    /// Raised whenever the layout below changes; a snapshot of another format is ignored.
    public static let snapshotFormat: Int64 = 7

    public func snapshotBytes() -> [UInt8] {
        var w = SnapshotWriter()
        w.int64(lastSequence)
        w.string(calendar.timeZone.identifier)
        w.int(calendar.cutoffMinutes)
        w.section { w in
            // In the order of their numbers, which reading them gives back.
            w.int(recipients.count)
            for recipient in Self.byNumber(recipients.values, recipientNumbers, key: { $0.id }) {
                w.string(recipient.id.rawValue)
                w.string(recipient.name)
                w.int(recipient.tier.rawValue)
                w.double(recipient.latitude)
                w.double(recipient.longitude)
                w.string(recipient.contact)
            }
            w.int(lots.count)
            for lot in lots.values { Self.write(lot, &w) }
            w.int(requests.count)
            var awaiting: [RequestID: Int] = [:]
            for request in requests.values {
                Self.write(request, &w)
                if request.state.awaitsDecision { awaiting[request.id] = awaiting.count }
            }
            openLines.write(to: &w, awaiting: awaiting)
        }
        w.int(allocations.count)
        for allocation in allocations { Self.write(allocation, &w) }
        // In the order of their numbers, which reading them gives back.
        w.int(itemUnits.count)
        for (item, unit) in Self.byNumber(itemUnits, itemNumbers, key: { $0.key }) {
            Self.write(item, &w)
            w.string(unit)
            w.int(unitsByItem[item] ?? 0)
        }
        w.int(shuttlePlans.count)
        for plan in shuttlePlans.values { Self.write(plan, &w) }
        w.int(roster.roles.count)
        for (user, roles) in roster.roles {
            w.string(user)
            w.int(roles.count)
            for role in roles { w.string(role.rawValue) }
        }
        w.optional(roster.serverGroup) { $0.string($1) }
        w.int(substitutions.count)
        for (request, allowed) in substitutions {
            w.string(request.rawValue)
            w.int(allowed.count)
            for substitution in allowed {
                w.int(substitution.line)
                Self.write(substitution.item, &w)
                w.string(substitution.allowedBy)
                w.date(substitution.allowedAt)
                w.optional(substitution.revokedBy) { $0.string($1) }
                w.optional(substitution.revokedAt) { $0.date($1) }
            }
        }
        return w.bytes
    }

    /// `values` in the order of their keys' numbers (the numbers are 0..<values.count: `apply` numbers
    /// every recipient and kind+spec it registers, so a value without a number is a broken ledger).
    private static func byNumber<Key, Value>(
        _ values: some Collection<Value>, _ numbers: [Key: Int], key: (Value) -> Key
    ) -> [Value] {
        var ordered = [Value?](repeating: nil, count: values.count)
        for value in values {
            guard let number = numbers[key(value)], ordered.indices.contains(number), ordered[number] == nil else {
                preconditionFailure("the ledger's numbers do not cover its \(Value.self) values once each")
            }
            ordered[number] = value
        }
        return ordered.map { $0! }
    }

    /// The ledger `snapshotBytes()` encoded.
    ///
    /// The two halves of the body (recipients, lots, requests and open lines; allocations and the
    /// rest) are decoded on two threads, and `alongside` runs after the first half, on its thread (the
    /// store checks the snapshot's digest there): on two cores, opening a store then waits for about
    /// the larger half only.
    public init(snapshot bytes: UnsafeRawBufferPointer, alongside: @Sendable () -> Void = {}) throws {
        var r = try SnapshotReader(bytes)
        self.init()
        lastSequence = try r.int64()
        let zone = try r.string()
        guard let timeZone = TimeZone(identifier: zone) else { throw SnapshotError("unknown time zone \(zone)") }
        calendar = OperationalCalendar(timeZone: timeZone, cutoffMinutes: try r.int())
        let firstHalf = try r.section()
        let secondHalf = r
        let (requestsPart, allocationsPart) = concurrently(
            {
                let read = Result { try RequestsPart(firstHalf) }
                alongside()
                return read
            },
            { Result { try AllocationsPart(secondHalf) }.mapError { $0 as? SnapshotError ?? SnapshotError("\($0)") } })
        let first = try requestsPart.get()
        let second = try allocationsPart.get()
        recipients = first.recipients
        recipientNumbers = first.recipientNumbers
        lots = first.lots
        requests = first.requests
        openLines = first.openLines
        allocations = second.allocations
        allocationIndicesByRequest = second.indicesByRequest
        allocationIndicesByLot = second.indicesByLot
        itemUnits = second.itemUnits
        unitsByItem = second.unitsByItem
        itemNumbers = second.itemNumbers
        guard openLines.largestItemNumber < itemNumbers.count else {
            throw SnapshotError("an open line's kind+spec number is unknown")
        }
        shuttlePlans = second.shuttlePlans
        roster = second.roster
        substitutions = second.substitutions
        // Each lot's takers, from the allocations' lot and request places and the requests' recipients.
        var takers = [LotTakers?](repeating: nil, count: r.stringCount)
        for (lot, request) in second.taken {
            if let recipient = first.recipientByPlace[request] {
                takers[lot] = LotTakers.adding(recipient, to: takers[lot])
            }
        }
        for (place, taken) in takers.enumerated() {
            if let taken { takersByLot[LotID(r.string(at: place))] = taken }
        }
    }

    /// The first half of a snapshot's body: recipients, lots, requests and the open lines.
    private struct RequestsPart: Sendable {
        var recipients: [RecipientID: Recipient] = [:]
        var recipientNumbers: [RecipientID: Int] = [:]
        var lots: [LotID: Lot] = [:]
        var requests: [RequestID: Request] = [:]
        var openLines = OpenLines()
        /// Each request's recipient by the place of the request's id in the string table.
        var recipientByPlace: [RecipientID?]

        init(_ half: SnapshotReader) throws {
            var r = half
            recipientByPlace = [RecipientID?](repeating: nil, count: r.stringCount)
            let recipientCount = try r.count(minimumSize: 36)
            recipients.reserveCapacity(recipientCount)
            for _ in 0..<recipientCount {
                let id = RecipientID(try r.string())
                let name = try r.string()
                guard let tier = Tier(rawValue: try r.int()) else { throw SnapshotError("unknown tier") }
                recipients[id] = Recipient(
                    id: id, name: name, tier: tier, latitude: try r.double(), longitude: try r.double(),
                    contact: try r.string())
                recipientNumbers[id] = recipientNumbers.count
            }
            let lotCount = try r.count(minimumSize: 72)
            lots.reserveCapacity(lotCount)
            for _ in 0..<lotCount {
                let lot = try Ledger.readLot(&r)
                lots[lot.id] = lot
            }
            let requestCount = try r.count(minimumSize: 40)
            requests.reserveCapacity(requestCount)
            var awaiting: [Request] = []
            for _ in 0..<requestCount {
                var place = 0
                let request = try Ledger.readRequest(&r, idPlace: &place)
                requests[request.id] = request
                recipientByPlace[place] = request.recipient
                if request.state.awaitsDecision { awaiting.append(request) }
            }
            openLines = try OpenLines(snapshot: &r, awaiting: awaiting, recipientCount: recipientNumbers.count)
            guard r.isAtEnd else { throw SnapshotError("the snapshot's requests have bytes after their end") }
        }
    }

    /// The second half of a snapshot's body: allocations (with their indices), item units, shuttle
    /// plans, roster and substitutions.
    private struct AllocationsPart: Sendable {
        var allocations: [Allocation] = []
        var indicesByRequest: [RequestID: [Int]] = [:]
        var indicesByLot: [LotID: [Int]] = [:]
        /// The places of the lot's and the request's ids of every approved or dispatched allocation.
        var taken: [(lot: Int, request: Int)] = []
        var itemUnits: [ItemKey: String] = [:]
        var unitsByItem: [ItemKey: Int] = [:]
        var itemNumbers: [ItemKey: Int] = [:]
        var shuttlePlans: [CivilDate: ShuttleRunsPlanned] = [:]
        var roster = Roster()
        var substitutions: [RequestID: [Substitution]] = [:]

        init(_ half: SnapshotReader) throws {
            var r = half
            let allocationCount = try r.count(minimumSize: 39)
            allocations.reserveCapacity(allocationCount)
            // Gathered by the place of the request's and the lot's id in the string table, then put in
            // the dictionaries once per request and lot instead of looked up once per allocation.
            var byRequest = [[Int]](repeating: [], count: r.stringCount)
            var byLot = [[Int]](repeating: [], count: r.stringCount)
            var requestCount = 0
            var lotCount = 0
            for index in 0..<allocationCount {
                var lotPlace = 0
                var requestPlace = 0
                let allocation = try Ledger.readAllocation(
                    &r, id: index + 1, lotPlace: &lotPlace, requestPlace: &requestPlace)
                allocations.append(allocation)
                if byRequest[requestPlace].isEmpty { requestCount += 1 }
                if byLot[lotPlace].isEmpty { lotCount += 1 }
                byRequest[requestPlace].append(index)
                byLot[lotPlace].append(index)
                if allocation.status == .approved || allocation.status == .dispatched {
                    taken.append((lotPlace, requestPlace))
                }
            }
            indicesByRequest.reserveCapacity(requestCount)
            indicesByLot.reserveCapacity(lotCount)
            for place in 0..<r.stringCount {
                if !byRequest[place].isEmpty { indicesByRequest[RequestID(r.string(at: place))] = byRequest[place] }
                if !byLot[place].isEmpty { indicesByLot[LotID(r.string(at: place))] = byLot[place] }
            }
            for _ in 0..<(try r.count(minimumSize: 20)) {
                let item = try Ledger.readItem(&r)
                itemUnits[item] = try r.string()
                unitsByItem[item] = try r.int()
                itemNumbers[item] = itemNumbers.count
            }
            for _ in 0..<(try r.count(minimumSize: 28)) {
                let plan = try Ledger.readShuttlePlan(&r)
                shuttlePlans[plan.day] = plan
            }
            var roles: [String: Set<Role>] = [:]
            for _ in 0..<(try r.count(minimumSize: 12)) {
                let user = try r.string()
                var held: Set<Role> = []
                for _ in 0..<(try r.count(minimumSize: 4)) {
                    let name = try r.string()
                    guard let role = Role(rawValue: name) else { throw SnapshotError("unknown role \(name)") }
                    held.insert(role)
                }
                roles[user] = held
            }
            roster = Roster(roles: roles, serverGroup: try r.optional { try $0.string() })
            for _ in 0..<(try r.count(minimumSize: 12)) {
                let request = RequestID(try r.string())
                substitutions[request] = try (0..<(try r.count(minimumSize: 30))).map { _ in
                    Substitution(
                        line: try r.int(), item: try Ledger.readItem(&r), allowedBy: try r.string(),
                        allowedAt: try r.date(), revokedBy: try r.optional { try $0.string() },
                        revokedAt: try r.optional { try $0.date() })
                }
            }
            guard r.isAtEnd else { throw SnapshotError("the snapshot has bytes after its end") }
        }
    }
}
