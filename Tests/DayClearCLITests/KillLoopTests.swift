import Foundation
import SeededRandom
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a writer printed before it ended, by itself or by SIGKILL.
private struct Outcome {
    var killed: Bool
    var status: Int32
    var stdout: String
}

/// Runs `dayclear` and kills it with SIGKILL after `delay` seconds unless it ended first.
private func runKilling(_ arguments: [String], after delay: Double) throws -> Outcome {
    let binary = try #require(Package.binary)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let started = Date()
    while process.isRunning, Date().timeIntervalSince(started) < delay {
        usleep(500)
    }
    let killed = process.isRunning
    if killed { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    return Outcome(
        killed: killed && process.terminationReason == .uncaughtSignal, status: process.terminationStatus,
        stdout: String(decoding: printed, as: UTF8.self))
}

@Suite("SIGKILL at random moments")
struct KillLoopTests {
    static let rounds = 24
    static let importRows = 5_000

    @Test(
        "approvals, proposals and large imports killed in a loop: acknowledged work stays, in order; imports are whole or absent"
    )
    func killLoop() throws {
        let sandbox = try Sandbox.withSampleDay()
        let lists = try sandbox.listsJSON()
        // Requests and an undirected lot of the goods they ask for.
        let pairs: [(request: String, lot: String)] = lists.stock.compactMap { row in
            guard (row.string("directed_to") ?? "").isEmpty, (row.int("free") ?? 0) > 20, let lot = row.string("lot")
            else { return nil }
            return lists.requests.first {
                $0.string("kind") == row.string("kind") && $0.string("spec") == row.string("spec")
            }
            .flatMap { $0.string("request") }.map { ($0, lot) }
        }
        try #require(pairs.count >= 3, "the sample day has lots that open requests ask for")
        let seed = UInt64(ProcessInfo.processInfo.environment["DAYCLEAR_KILL_SEED"] ?? "") ?? 0x00DA_7C1E
        var random = SplitMix64(seed: seed)
        let data = sandbox.data.path

        // Kill moments are drawn from 0 to twice the time one command takes here, so that
        // about half of the writers are killed, at any point of their run.
        let timed = Date()
        try #require(try sandbox.dayclear("lists").succeeded)
        let commandMilliseconds = max(20, Int(Date().timeIntervalSince(timed) * 1000))

        var acknowledged: [(sequence: Int, summary: String)] = []
        var imports: [(prefix: String, acknowledged: Bool)] = []
        var log: [String] = []
        for round in 1...Self.rounds {
            let outcome: Outcome
            if round % 6 == 0 {
                let prefix = "K\(round)"
                let file = sandbox.path("\(prefix).csv")
                try writeLargeStockFile(rows: Self.importRows, prefix: prefix, to: file)
                let delay = Double(Int.random(in: 10...2_500, using: &random)) / 1000
                outcome = try runKilling(["import", "stock", file, "--data", data], after: delay)
                imports.append((prefix, outcome.status == 0 && !outcome.killed))
                log.append("round \(round): import \(outcome.killed ? "killed" : "ended") at \(delay)s")
            } else {
                let (request, lot) = pairs[Int.random(in: 0..<pairs.count, using: &random)]
                let delay = Double(Int.random(in: 0...(2 * commandMilliseconds), using: &random)) / 1000
                let approve = Bool.random(using: &random)
                let arguments =
                    approve
                    ? ["approve", request, "--data", data]
                    : ["propose", request, "--lot", lot, "--quantity", "1", "--data", data]
                outcome = try runKilling(arguments, after: delay)
                if outcome.status == 0, !outcome.killed {
                    let numbers = eventNumbers(in: outcome.stdout)
                    try #require(numbers.count == 1, "\(outcome.stdout)")
                    acknowledged.append(
                        (numbers[0], approve ? "approved \(request):" : "proposed 1 from lot \(lot) for \(request) "))
                }
                log.append("round \(round): \(arguments[0]) \(outcome.killed ? "killed" : "ended") at \(delay)s")
            }

            // After every kill the store opens and verifies without repair…
            let verified = try sandbox.dayclear("verify")
            #expect(verified.status == 0, "seed \(seed), \(log.last ?? ""): \(verified)")
            // …every acknowledged action is there, under its number, in the order acknowledged…
            let history = try sandbox.history()
            let numbers = acknowledged.map(\.sequence)
            #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count, "\(numbers)")
            for (sequence, summary) in acknowledged {
                let line = history.indices.contains(sequence - 1) ? history[sequence - 1] : ""
                #expect(
                    line.hasPrefix("\(sequence)\t") && line.contains("\t\(summary)"),
                    "seed \(seed), \(log.last ?? ""): acknowledged event \(sequence) (\(summary)) reads \(line)")
            }
            // …and each import is all of its rows or none, all when acknowledged.
            let stock = try sandbox.listsJSON().stock.compactMap { $0.string("lot") }
            for (prefix, done) in imports {
                let count = stock.filter { $0.hasPrefix("\(prefix)-") }.count
                #expect(
                    count == 0 || count == Self.importRows,
                    "seed \(seed), \(log.last ?? ""): import \(prefix) left \(count) of \(Self.importRows) lots")
                #expect(!done || count == Self.importRows, "seed \(seed): acknowledged import \(prefix) has \(count)")
            }
        }
        let killed = log.filter { $0.contains("killed") }.count
        print(
            "kill loop, seed \(seed): \(killed) of \(Self.rounds) killed (\(imports.filter { !$0.acknowledged }.count) of \(imports.count) imports), \(acknowledged.count) acknowledged, a command takes ~\(commandMilliseconds) ms"
        )
        #expect(killed > 0 && killed < Self.rounds, "the delays should kill some writers and let others finish: \(log)")
        // New work is taken afterwards.
        let (request, lot) = pairs[0]
        let after = try sandbox.dayclear("propose", request, "--lot", lot, "--quantity", "1")
        #expect(after.status == 0 || after.stderr.contains(request), after.comment)
    }
}
