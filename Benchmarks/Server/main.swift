import DayClearCore
import DayClearStore
import Foundation

/// Load test of `dayclear serve` on loopback (a Unix-domain socket on this machine): N concurrent
/// clients, each with its own connection and replica, record changes for a fixed time; then the
/// store is verified (hash chain, numbering, every rule and invariant on replay).
///
/// Each client loops: register a new arrived lot, then value it (two commands, each validated on the
/// server, committed with synchronous = FULL, and pushed to every client).
///
/// Usage: dayclear-bench-server [--clients N] [--seconds N]
/// Run in release: `swift run -c release dayclear-bench-server`.

struct Options {
    var clients = 50
    var seconds = 60

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard let value = iterator.next().flatMap({ Int($0) }), value > 0 else { Self.usage() }
            switch argument {
            case "--clients": clients = value
            case "--seconds": seconds = value
            default: Self.usage()
            }
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: dayclear-bench-server [--clients N] [--seconds N]\n".utf8))
        exit(2)
    }
}

/// What the clients measured, gathered under a lock.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var latencies: [Double] = []
    private(set) var refusals: [String] = []
    private(set) var failures: [String] = []

    func record(_ seconds: Double) { lock.withLock { latencies.append(seconds) } }
    func refuse(_ why: String) { lock.withLock { refusals.append(why) } }
    func fail(_ why: String) { lock.withLock { failures.append(why) } }
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let root = FileManager.default.temporaryDirectory.appendingPathComponent("dayclear-bench-server-\(getpid())")
let directory = DataDirectory(path: root.appendingPathComponent("data").path)
let socket = root.appendingPathComponent("run/dayclear.sock").path

do {
    let store = try directory.initialise(
        actor: currentUserName(), calendar: CalendarSettings(timeZoneIdentifier: "Asia/Shanghai", cutoffMinutes: 960))
    let server = LedgerServer(store: store, socketPath: socket, groupID: getegid()) { _ in }
    Thread { try? server.run() }.start()
    let deadline = Date().addingTimeInterval(10)
    while (try? RemoteStore(socketPath: socket)) == nil {
        guard Date() < deadline else { throw WireError.cannotConnect(socket, "the server did not start") }
        usleep(20_000)
    }
} catch {
    FileHandle.standardError.write(Data("cannot start: \(error)\n".utf8))
    exit(1)
}

let tally = Tally()
let group = DispatchGroup()
let start = Date()
let end = start.addingTimeInterval(Double(options.seconds))
print("\(options.clients) clients for \(options.seconds) s on \(socket) …")
for client in 0..<options.clients {
    group.enter()
    Thread {
        defer { group.leave() }
        let remote: RemoteStore
        do {
            remote = try RemoteStore(socketPath: socket)
        } catch {
            tally.fail("client \(client) cannot connect: \(error)")
            return
        }
        var index = 0
        while Date() < end {
            index += 1
            let lot = LotID("L-\(client)-\(index)")
            let commands: [DomainEvent] = [
                .lotRegistered(
                    LotRegistration(
                        id: lot, item: ItemKey(kind: "口罩", spec: "医用外科"), unit: "只", quantity: 100, packSize: 50,
                        donor: "压测捐赠方 \(client)", status: .arrived(at: Date()))),
                .lotValued(LotValuation(lot: lot, valuation: .invoiced(fen: 10_000))),
            ]
            for event in commands {
                let began = Date()
                do {
                    try remote.perform(event)
                    tally.record(Date().timeIntervalSince(began))
                } catch let error as WireError {
                    tally.fail("client \(client): \(error)")
                    return
                } catch {
                    tally.refuse("client \(client): \(error)")
                }
            }
        }
    }.start()
}
group.wait()
let elapsed = Date().timeIntervalSince(start)

let sorted = tally.latencies.sorted()
func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
print(
    "commands confirmed: \(sorted.count) in \(String(format: "%.1f", elapsed)) s = \(String(format: "%.0f", Double(sorted.count) / elapsed)) per second"
)
print(
    "latency: p50 \(ms(percentile(sorted, 0.50))), p95 \(ms(percentile(sorted, 0.95))), p99 \(ms(percentile(sorted, 0.99))), max \(ms(sorted.last ?? .nan))"
)
print("refused: \(tally.refusals.count); connection failures: \(tally.failures.count)")
for line in (tally.refusals + tally.failures).prefix(5) { print("  \(line)") }

do {
    let report = try AuditVerifier.verify(directory)
    let replay = try directory.open(actor: currentUserName())
    let violations = replay.ledger.invariantViolations()
    print("verify: OK, \(report.eventCount) events, chain head \(report.head.map { "\($0)" } ?? "none")")
    print("invariants: \(violations.isEmpty ? "all hold" : violations.prefix(3).joined(separator: "; "))")
    let expected = Int64(sorted.count) + Int64(1 + Role.allCases.count)
    print(
        "every confirmed command is in the log: \(report.eventCount == expected ? "yes" : "NO (\(report.eventCount) events, expected \(expected))")"
    )
    try? FileManager.default.removeItem(at: root)
    exit(violations.isEmpty && tally.failures.isEmpty && report.eventCount == expected ? 0 : 1)
} catch {
    print("verify FAILED: \(error)")
    try? FileManager.default.removeItem(at: root)
    exit(1)
}
