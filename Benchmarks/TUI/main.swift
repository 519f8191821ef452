import DayClearApp
import DayClearCore
import DayClearStore
import Foundation
import SeededRandom
import TerminalUI

/// Times one key handled and the frame drawn, the way the run loop does it: `update` then `render` into
/// a fresh 120×40 cell buffer, on a ledger of 1,000 lots and 100,000 open requests built in memory.
///
/// Then, per screen, times the first frame after another terminal's event is folded in (an approval
/// or a dispatch), which the screens bring up to date from the event instead of from the whole ledger.
///
/// Usage: dayclear-bench-tui [--requests N] [--lots N] [--keys N] [--events N] [--seed N] [--only SCREEN]
/// Run in release: `swift run -c release --scratch-path .build-e2e dayclear-bench-tui`.

struct Options {
    var requests = 100_000
    var lots = 1_000
    var keys = 1_000
    /// Events folded in per screen for the "event arrives, next frame" step.
    var events = 100
    var seed: UInt64 = 20_260_210
    /// Only this screen's run (`lists`, `group`, …, `mixed`), for profiling.
    var only: String?

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--only" {
                only = iterator.next()
                continue
            }
            guard let value = iterator.next().flatMap({ Int($0) }), value > 0 else {
                FileHandle.standardError.write(
                    Data(
                        "usage: dayclear-bench-tui [--requests N] [--lots N] [--keys N] [--events N] [--seed N] [--only SCREEN]\n"
                            .utf8))
                exit(2)
            }
            switch argument {
            case "--requests": requests = value
            case "--lots": lots = value
            case "--keys": keys = value
            case "--events": events = value
            case "--seed": seed = UInt64(value)
            default:
                FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// The generated day: the recorded events (also the journal) and the ledger folded from them.
struct Day {
    var events: [RecordedEvent] = []
    var ledger = Ledger()
    let now: Date

    /// Records one event as the store would: the next sequence number, by `wang`, at `time`.
    mutating func record(_ event: DomainEvent, at time: Date) throws {
        let recorded = RecordedEvent(
            sequence: Int64(events.count + 1), time: time, actor: "wang", reason: nil, event: event)
        try ledger.apply(recorded)
        events.append(recorded)
    }
}

/// 1,000 lots over 40 kinds+specs (some expected, some directed), 400 recipients across the four tiers,
/// and 100,000 requests of 1–3 lines: about 60% proposed, 25% submitted, 15% approved (a third of those
/// dispatched), all submitted over the last eight hours of the day.
func generateDay(_ options: Options) throws -> Day {
    var random = SplitMix64(seed: options.seed)
    // 2026-02-10 15:00 in Shanghai, before the 16:00 cutoff.
    let now = Date(timeIntervalSince1970: 1_770_706_800)
    var day = Day(now: now)
    let start = now.addingTimeInterval(-9 * 3600)
    try day.record(
        .calendarConfigured(CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: 16 * 60)), at: start)

    let kinds: [(String, String, [String])] = [
        ("口罩", "只", ["医用外科", "医用防护N95", "KN95", "儿童"]),
        ("防护服", "件", ["医用一次性L", "医用一次性XL", "隔离衣M", "隔离衣L"]),
        ("手套", "副", ["乳胶M", "乳胶L", "丁腈M", "丁腈L"]),
        ("护目镜", "个", ["防雾", "普通", "面屏", "全封闭"]),
        ("消毒液", "瓶", ["84 500ml", "75%酒精 500ml", "免洗 250ml", "过氧乙酸"]),
        ("体温计", "支", ["额温枪", "水银", "电子", "耳温"]),
        ("鞋套", "双", ["防水", "一次性", "加厚", "长筒"]),
        ("帽子", "顶", ["一次性", "布帽", "防护头套", "圆帽"]),
        ("呼吸机", "台", ["无创", "有创", "高流量", "转运"]),
        ("方便面", "箱", ["红烧", "酸菜", "香辣", "清汤"]),
    ]
    let items = kinds.flatMap { kind, unit, specs in specs.map { (ItemKey(kind: kind, spec: $0), unit) } }

    let recipientCount = 400
    let names = ["医院", "人民医院", "中医院", "疾控中心", "卫健局", "社区卡口", "街道", "方舱医院"]
    for index in 0..<recipientCount {
        let tier = Tier.allCases[Int(random.next() % 4)]
        try day.record(
            .recipientRegistered(
                Recipient(
                    id: RecipientID("H\(String(format: "%03d", index))"),
                    name: "杭州市第\(index + 1)\(names[index % names.count])", tier: tier,
                    latitude: 30 + Double(index % 50) / 100, longitude: 120 + Double(index % 70) / 100,
                    contact: "联系人\(index)")),
            at: start)
    }

    var lotsByItem: [ItemKey: [LotID]] = [:]
    for index in 0..<options.lots {
        let (item, unit) = items[index % items.count]
        let id = LotID("L-\(String(format: "%04d", index + 1))")
        let expected = random.next() % 10 == 0
        let status: Lot.Status =
            expected
            ? .expected(eta: now.addingTimeInterval(Double(random.next() % 7200)))
            : .arrived(at: start.addingTimeInterval(Double(random.next() % 3600)))
        let directed: RecipientID? =
            random.next() % 20 == 0 ? RecipientID("H\(String(format: "%03d", Int(random.next() % 400)))") : nil
        let expiry: Date? = random.next() % 15 == 0 ? now.addingTimeInterval(3 * 86_400) : nil
        try day.record(
            .lotRegistered(
                LotRegistration(
                    id: id, item: item, unit: unit, quantity: 1_000_000, packSize: 10, donor: "捐赠方\(index % 97)",
                    status: status, expiry: expiry, designatedRecipient: directed)),
            at: start)
        if !expected && directed == nil { lotsByItem[item, default: []].append(id) }
    }

    let submittedSpan = 8 * 3600.0
    for index in 0..<options.requests {
        let id = RequestID("R-\(String(format: "%05d", index + 1))")
        let submittedAt = start.addingTimeInterval(3600 + submittedSpan * Double(index) / Double(options.requests))
        let lineCount = 1 + Int(random.next() % 3)
        var chosen: [(ItemKey, String)] = []
        while chosen.count < lineCount {
            let candidate = items[Int(random.next() % UInt64(items.count))]
            if !chosen.contains(where: { $0.0 == candidate.0 }) { chosen.append(candidate) }
        }
        let lines = chosen.enumerated().map { number, pair in
            RequestLine(number: number + 1, item: pair.0, unit: pair.1, quantity: 10 * (1 + Int(random.next() % 50)))
        }
        try day.record(
            .requestSubmitted(
                RequestSubmission(
                    id: id, recipient: RecipientID("H\(String(format: "%03d", Int(random.next() % 400)))"),
                    neededBy: submittedAt.addingTimeInterval(6 * 3600), submittedAt: submittedAt, lines: lines)),
            at: submittedAt)
        let roll = random.next() % 100
        guard roll >= 25 else { continue }  // about 25% stay submitted
        for line in lines {
            guard let lots = lotsByItem[line.item], !lots.isEmpty else { continue }
            let lot = lots[Int(random.next() % UInt64(lots.count))]
            try day.record(
                .allocationProposed(
                    AllocationProposal(request: id, line: line.number, lot: lot, quantity: line.quantity)),
                at: submittedAt.addingTimeInterval(30))
        }
        guard roll >= 85, day.ledger.requests[id]?.state == .proposed else { continue }  // about 15% approved
        var quantities: [Int: Int] = [:]
        for line in lines { quantities[line.number] = day.ledger.proposedQuantity(id, line: line.number) }
        try day.record(
            .requestApproved(LineQuantities(request: id, quantities: quantities)),
            at: submittedAt.addingTimeInterval(60))
        if roll >= 95 {
            try day.record(.requestDispatched(RequestReference(request: id)), at: submittedAt.addingTimeInterval(120))
        }
    }
    return day
}

/// Milliseconds from a monotonic clock.
func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// This thread's CPU time in nanoseconds: the work itself, without the time the scheduler of a
/// shared machine gave to other processes.
func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

struct Summary {
    var median: Double
    var p99: Double
    var max: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        func at(_ fraction: Double) -> Double {
            sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded(.up)))]
        }
        median = at(0.5)
        p99 = at(0.99)
        max = sorted.last ?? 0
    }
}

/// The digit key that shows a screen.
func digit(_ screen: Screen) -> Key {
    let digits: [Screen: Character] = [
        .lists: "1", .group: "2", .routes: "3", .paperwork: "4", .dayEnd: "5", .journal: "6",
    ]
    return .character(digits[screen] ?? "1")
}

/// Times `keys` key presses: update, then render into a fresh buffer (as the run loop allocates one per frame).
/// The first frame (before any key) is timed separately as the cold draw.
func time(
    _ label: String, state: AppState, ledger: Ledger, keys: Int, width: Int = 120, height: Int = 40,
    next: (inout SplitMix64, AppState) -> Key, random: inout SplitMix64
) -> (summary: Summary, first: Double, cpu: Summary, firstCPU: Double) {
    var state = state
    var checksum = 0
    let firstCPUStart = threadCPUNanoseconds()
    let first = milliseconds {
        var buffer = CellBuffer(width: width, height: height)
        render(state, ledger: ledger, into: &buffer)
        checksum &+= buffer.width
    }
    let firstCPU = Double(threadCPUNanoseconds() - firstCPUStart) / 1e6
    var samples: [Double] = []
    var cpu: [Double] = []
    samples.reserveCapacity(keys)
    cpu.reserveCapacity(keys)
    for _ in 0..<keys {
        let key = next(&random, state)
        // The run loop sets the clock before every key; a frame is drawn at a new time.
        state.now = state.now.addingTimeInterval(0.05)
        let cpuStart = threadCPUNanoseconds()
        samples.append(
            milliseconds {
                _ = update(&state, key: key, ledger: ledger)
                var buffer = CellBuffer(width: width, height: height)
                render(state, ledger: ledger, into: &buffer)
                checksum &+= buffer.width
            })
        cpu.append(Double(threadCPUNanoseconds() - cpuStart) / 1e6)
    }
    if checksum == 42 { print("") }  // keeps the work observable
    return (Summary(samples), first, Summary(cpu), firstCPU)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
var dayOrNil: Day?
var failure: Error?
let buildTime = milliseconds {
    do { dayOrNil = try generateDay(options) } catch { failure = error }
}
guard let day = dayOrNil else {
    FileHandle.standardError.write(
        Data("the generated day was refused by Ledger.apply: \(failure.map { "\($0)" } ?? "")\n".utf8))
    exit(1)
}
let ledger = day.ledger
let open = ledger.requests.values.filter { $0.state.isOpen }.count
let states = Dictionary(grouping: ledger.requests.values, by: \.state).mapValues(\.count)
print(
    "ledger: \(ledger.lots.count) lots, \(ledger.requests.count) requests (\(open) open: "
        + states.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(
            separator: ", ") + "), \(ledger.allocations.count) allocations, \(day.events.count) events; built in "
        + String(format: "%.0f ms", buildTime))
print("frame 120×40, \(options.keys) keys per run; update + render per key, in ms")

var initial = AppState(language: .zh, user: "wang", roles: Set(Role.allCases), now: day.now)
initial.journal = day.events

/// One timed run: the screen it starts on and how it picks keys.
struct Run {
    var name: String
    var state: AppState
    var next: (inout SplitMix64, AppState) -> Key
}

var runs: [Run] = Screen.allCases.map { screen in
    var state = initial
    state.screen = screen
    // Mostly moving down the list, some moving up, now and then the screen's own digit.
    return Run(name: "\(screen)", state: state) { random, _ in
        let roll = random.next() % 10
        return roll < 6 ? .character("j") : roll < 9 ? .character("k") : digit(screen)
    }
}
do {
    // The lists screen with the request pane focused.
    var state = initial
    state.focus = .requests
    runs.append(
        Run(name: "lists/requests", state: state) { random, _ in
            random.next() % 10 < 7 ? .character("j") : .character("k")
        })
    // The journal as the terminal loads it (the latest events), narrowed by a filter: every
    // frame decides which of them match.
    var filtered = initial
    filtered.screen = .journal
    filtered.journal = Array(day.events.suffix(Int(AppState.journalLength)))
    filtered.filters[.journal] = "批准"
    runs.append(
        Run(name: "journal/filter", state: filtered) { random, _ in
            random.next() % 10 < 7 ? .character("j") : .character("k")
        })
    // Moving between screens: Tab, Shift-Tab, digits, j/k mixed.
    let mixed: [Key] = [.tab, .backTab, .character("j"), .character("k")] + Screen.allCases.map(digit)
    runs.append(Run(name: "mixed", state: initial) { random, _ in mixed[Int(random.next() % UInt64(mixed.count))] })
}

func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

print("\(padded("screen", 16))  median     p99     max  first frame  cpu median  cpu p99  cpu first")
var random = SplitMix64(seed: options.seed)
var worst = 0.0
var worstCPU = 0.0
for run in runs where options.only == nil || options.only == run.name {
    let result = time(run.name, state: run.state, ledger: ledger, keys: options.keys, next: run.next, random: &random)
    worst = max(worst, result.summary.p99)
    worstCPU = max(worstCPU, result.cpu.p99)
    print(
        padded(run.name, 16)
            + String(
                format: "%8.3f%8.3f%8.3f%13.3f%12.3f%9.3f%11.3f", result.summary.median, result.summary.p99,
                result.summary.max, result.first, result.cpu.median, result.cpu.p99, result.firstCPU))
}
print(
    String(
        format:
            "worst p99 %.3f ms (thread CPU time: %.3f ms); target 2 ms per key and frame at the 99th percentile: %@",
        worst, worstCPU, worst <= 2 ? "met" : "MISSED"))

/// The next event another terminal would record: approving a proposed request at its proposed
/// quantities, or dispatching an approved one, in turn.
func nextEvent(_ ledger: Ledger, turn: Int, random: inout SplitMix64) -> DomainEvent? {
    let state: RequestState = turn % 2 == 0 ? .proposed : .approved
    let candidates = ledger.requests.values.filter { $0.state == state }.map(\.id)
    guard !candidates.isEmpty else { return nil }
    let id = candidates[Int(random.next() % UInt64(candidates.count))]
    guard state == .proposed, let request = ledger.requests[id] else {
        return .requestDispatched(RequestReference(request: id))
    }
    var quantities: [Int: Int] = [:]
    for line in request.lines { quantities[line.number] = ledger.proposedQuantity(id, line: line.number) }
    return .requestApproved(LineQuantities(request: id, quantities: quantities))
}

print("")
print("event arrives, next frame: \(options.events) events per screen (approvals and dispatches), render only, in ms")
print("\(padded("screen", 16))  median     p99     max  cpu median  cpu p99")
var eventLedger = ledger
var eventTime = day.now
var worstEventCPU = 0.0
for screen in Screen.allCases where options.only == nil || options.only == "\(screen)" {
    var state = initial
    state.screen = screen
    var buffer = CellBuffer(width: 120, height: 40)
    render(state, ledger: eventLedger, into: &buffer)  // the rows before the first event
    var samples: [Double] = []
    var cpu: [Double] = []
    for turn in 0..<options.events {
        guard let event = nextEvent(eventLedger, turn: turn, random: &random) else { break }
        eventTime = eventTime.addingTimeInterval(1)
        do {
            try eventLedger.apply(
                RecordedEvent(
                    sequence: eventLedger.lastSequence + 1, time: eventTime, actor: "li", reason: nil, event: event))
        } catch {
            FileHandle.standardError.write(Data("the bench's event was refused: \(error)\n".utf8))
            exit(1)
        }
        state.now = eventTime
        let cpuStart = threadCPUNanoseconds()
        samples.append(
            milliseconds {
                var buffer = CellBuffer(width: 120, height: 40)
                render(state, ledger: eventLedger, into: &buffer)
            })
        cpu.append(Double(threadCPUNanoseconds() - cpuStart) / 1e6)
    }
    let wall = Summary(samples)
    let work = Summary(cpu)
    worstEventCPU = max(worstEventCPU, work.p99)
    print(
        padded("\(screen)", 16)
            + String(format: "%8.3f%8.3f%8.3f%12.3f%9.3f", wall.median, wall.p99, wall.max, work.median, work.p99))
}
print(String(format: "worst p99 of the frame after an event: %.3f ms of thread CPU time", worstEventCPU))
