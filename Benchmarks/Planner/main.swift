import DayClearCore
import Foundation

/// Times the allocation planner on the instances `generate_instances.py` writes.
///
/// Usage: dayclear-bench-planner INSTANCE.json… — prints one JSON object per
/// instance: its size; the planner's best, median and worst wall time over 11 runs and the thread's
/// CPU time beside it; the CPU time of a plan and its events (what the group screen's `P` reads) and of a plan
/// read whole (every line and allocation); the median of 11 runs with explanations and whether they planned the same
/// numbers; the units and the tier-weighted units planned, the units planned from substitutes, and
/// whether `Ledger.apply` accepted every event; a digest of the explained plan (`digest(of:)`). With
/// PLAN_PROFILE_RUNS=N in the environment it only makes N plain plans per instance, for `perf record`.

struct Instance: Decodable {
    struct Item: Decodable {
        var kind: String
        var spec: String
        var unit: String
    }

    struct Recipient: Decodable {
        var id: String
        var tier: Int
    }

    struct Lot: Decodable {
        var id: String
        var item: Int
        var quantity: Int
        var packSize: Int
        var eta: Double?
        var expiry: Double?
        var designated: String?
    }

    struct Request: Decodable {
        var id: String
        var recipient: String
        var submittedAt: Double
        var neededBy: Double
        var lines: [[Int]]
        /// `[line number, item]`: another spec a supervisor allowed for that line.
        var substitutes: [[Int]]?
    }

    var name: String
    var day: String
    var timeZone: String
    var cutoffMinutes: Int
    var now: Double
    var arrivedAt: Double
    var items: [Item]
    var recipients: [Recipient]
    var lots: [Lot]
    var requests: [Request]
}

enum BenchError: Error {
    case invalid(String)
}

/// The same kind+spec in strings of its own, as every request decoded from a store holds it: strings that
/// share their storage compare equal without reading their bytes, which would flatter the planner.
func separateCopy(of item: ItemKey) -> ItemKey {
    ItemKey(
        kind: String(decoding: Array(item.kind.utf8), as: UTF8.self),
        spec: String(decoding: Array(item.spec.utf8), as: UTF8.self))
}

/// The ledger the instance describes, built through `Ledger.apply` like a real day.
func ledger(of instance: Instance) throws -> Ledger {
    var ledger = Ledger()
    let now = Date(timeIntervalSince1970: instance.now)
    func record(_ event: DomainEvent) throws {
        try ledger.apply(
            RecordedEvent(sequence: ledger.lastSequence + 1, time: now, actor: "bench", reason: nil, event: event))
    }
    let items = instance.items.map { ItemKey(kind: $0.kind, spec: $0.spec) }
    try record(
        .calendarConfigured(
            CalendarSettings(timeZoneIdentifier: instance.timeZone, cutoffMinutes: instance.cutoffMinutes)))
    for recipient in instance.recipients {
        guard let tier = Tier(rawValue: recipient.tier) else { throw BenchError.invalid("tier \(recipient.tier)") }
        try record(
            .recipientRegistered(
                Recipient(
                    id: RecipientID(recipient.id), name: recipient.id, tier: tier, latitude: 30.27,
                    longitude: 120.15, contact: "")))
    }
    for lot in instance.lots {
        let status: DayClearCore.Lot.Status =
            lot.eta.map { .expected(eta: Date(timeIntervalSince1970: $0)) }
            ?? .arrived(at: Date(timeIntervalSince1970: instance.arrivedAt))
        try record(
            .lotRegistered(
                LotRegistration(
                    id: LotID(lot.id), item: items[lot.item], unit: instance.items[lot.item].unit,
                    quantity: lot.quantity, packSize: lot.packSize, donor: "bench", status: status,
                    expiry: lot.expiry.map { Date(timeIntervalSince1970: $0) },
                    designatedRecipient: lot.designated.map { RecipientID($0) })))
    }
    for request in instance.requests {
        let lines = request.lines.enumerated().map { index, pair in
            RequestLine(
                number: index + 1, item: separateCopy(of: items[pair[0]]), unit: instance.items[pair[0]].unit,
                quantity: pair[1])
        }
        try record(
            .requestSubmitted(
                RequestSubmission(
                    id: RequestID(request.id), recipient: RecipientID(request.recipient),
                    neededBy: Date(timeIntervalSince1970: request.neededBy),
                    submittedAt: Date(timeIntervalSince1970: request.submittedAt), lines: lines)))
        for pair in request.substitutes ?? [] {
            try record(
                .substitutionAllowed(
                    SubstitutionAllowance(request: RequestID(request.id), line: pair[0], spec: items[pair[1]].spec)))
        }
    }
    return ledger
}

func milliseconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
}

/// CPU time of the calling thread, in milliseconds: what the plan cost, whatever else the machine runs.
func threadCPUMilliseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
}

/// Wall and thread CPU times of `runs` plans, each sorted.
func time(runs: Int, _ body: () -> Void) -> (wall: [Double], cpu: [Double]) {
    let clock = ContinuousClock()
    var wall: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<runs {
        let start = clock.now
        let cpuStart = threadCPUMilliseconds()
        body()
        cpu.append(threadCPUMilliseconds() - cpuStart)
        wall.append(milliseconds(clock.now - start))
    }
    return (wall.sorted(), cpu.sorted())
}

/// Keeps a result alive, so that reading a plan is not optimised away.
@inline(never)
func consume(_ value: Int) {
    if value == Int.min { print(value) }
}

/// FNV-1a of every line and every allocation with its explanation, in order: two plans with the same digest
/// have the same lines, allocations, quantities and explanations (to the last bit of each share and λ).
func digest(of plan: Plan) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ text: String) {
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0x0a) &* 0x100_0000_01b3
    }
    for line in plan.lines {
        mix(
            "\(line.request) \(line.line) \(line.item) \(line.recipient) \(line.tier) \(line.asked) \(line.alreadyProposed) \(line.planned)"
        )
    }
    for allocation in plan.allocations {
        mix(
            "\(allocation.request) \(allocation.line) \(allocation.lot) \(allocation.quantity) \(allocation.source) "
                + String(describing: allocation.explanation))
    }
    return String(hash, radix: 16)
}

let decoder = JSONDecoder()
decoder.keyDecodingStrategy = .convertFromSnakeCase
for path in CommandLine.arguments.dropFirst() {
    let instance = try decoder.decode(Instance.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
    let built = try ledger(of: instance)
    guard let day = CivilDate(instance.day) else { throw BenchError.invalid("day \(instance.day)") }
    let now = Date(timeIntervalSince1970: instance.now)
    let planner = Planner(rule: .default)
    var plan = planner.plan(ledger: built, day: day, now: now)
    // For a profiler: only that many plain plans, so that their samples are not mixed with the other readings.
    if let runs = ProcessInfo.processInfo.environment["PLAN_PROFILE_RUNS"].flatMap(Int.init) {
        for _ in 0..<runs { plan = planner.plan(ledger: built, day: day, now: now) }
        print(#"{"instance":"\#(instance.name)","profiled_plans":\#(runs),"lines":\#(plan.lines.count)}"#)
        continue
    }
    let times = time(runs: 11) { plan = planner.plan(ledger: built, day: day, now: now) }
    // What the group screen's `P` reads of a plan: its events (to record) and its units (to report).
    let eventTimes = time(runs: 11) {
        let read = planner.plan(ledger: built, day: day, now: now)
        consume(read.events.count + read.units)
    }
    // A plan read whole: every line and every allocation built from the plan's records.
    let readTimes = time(runs: 11) {
        let read = planner.plan(ledger: built, day: day, now: now)
        consume(read.lines.reduce(0) { $0 + $1.planned } + read.allocations.reduce(0) { $0 + $1.quantity })
    }
    // The same plan with an explanation per allocation, as `dayclear plan` shows it.
    var explained = planner.plan(ledger: built, day: day, now: now, explained: true)
    let explainedTimes = time(runs: 11) { explained = planner.plan(ledger: built, day: day, now: now, explained: true) }
    let sameNumbers =
        explained.lines == plan.lines
        && explained.allocations.map { [$0.request.rawValue, $0.lot.rawValue, "\($0.line)", "\($0.quantity)"] }
            == plan.allocations.map { [$0.request.rawValue, $0.lot.rawValue, "\($0.line)", "\($0.quantity)"] }
    var applied = built
    var accepted = true
    do {
        try applied.apply(
            all: plan.events.enumerated().map { offset, event in
                RecordedEvent(
                    sequence: built.lastSequence + Int64(offset) + 1, time: now, actor: "planner",
                    reason: "planner: default rule", event: event)
            })
    } catch {
        accepted = false
    }
    let middle = times.wall.count / 2
    let result: [String: Any] = [
        "instance": instance.name, "lots": instance.lots.count, "requests": instance.requests.count,
        "lines": plan.lines.count, "allocations": plan.allocations.count,
        "units": plan.allocations.reduce(0) { $0 + $1.quantity }, "tier_weighted_units": plan.tierWeightedUnits,
        "best_ms": times.wall[0], "median_ms": times.wall[middle], "worst_ms": times.wall[times.wall.count - 1],
        "cpu_median_ms": times.cpu[middle], "cpu_best_ms": times.cpu[0], "cpu_worst_ms": times.cpu[times.cpu.count - 1],
        "with_events_cpu_median_ms": eventTimes.cpu[middle], "read_whole_cpu_median_ms": readTimes.cpu[middle],
        "explained_median_ms": explainedTimes.wall[middle], "explained_cpu_median_ms": explainedTimes.cpu[middle],
        "explained_same_numbers": sameNumbers, "plan_digest": digest(of: explained), "all_events_accepted": accepted,
        "substitute_units": plan.allocations.filter { $0.source == .substitute }.reduce(0) { $0 + $1.quantity },
    ]
    let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
}
