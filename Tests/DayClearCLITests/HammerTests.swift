import Foundation
import SeededRandom
import Testing

/// One command a hammering worker ran, with when it started and ended.
private struct Attempt: Sendable {
    enum Action: Sendable, Equatable {
        case propose(request: String, lot: String, quantity: Int)
        case approve(request: String)

        var request: String {
            switch self {
            case .propose(let request, _, _), .approve(let request): return request
            }
        }
    }

    var worker: Int
    var action: Action
    var started: Date
    var finished: Date
    var status: Int32
    var stdout: String
    var stderr: String

    var succeeded: Bool { status == 0 }
    var describe: String { "worker \(worker) \(action): \(status) \(stdout)\(stderr)" }
}

/// Collects attempts from the concurrent workers.
private final class Attempts: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Attempt] = []
    func append(_ attempt: Attempt) { lock.withLock { storage.append(attempt) } }
    var all: [Attempt] { lock.withLock { storage } }
}

/// A lot that several requests want, and those requests.
private struct Contest: Sendable {
    var lot: String
    var free: Int
    var requests: [String]
}

@Suite("several processes hammering one store")
struct HammerTests {
    static let workers = 4
    static let seconds = 5.0

    /// Arrived, untouched, undirected lots that at least three open requests ask for.
    private func contests(_ lists: Lists) -> [Contest] {
        lists.stock.compactMap { row -> Contest? in
            guard (row.string("directed_to") ?? "").isEmpty, let lot = row.string("lot"), let free = row.int("free"),
                free > 0, (row.int("on_hand") ?? 0) == free
            else { return nil }
            let asking = Set(
                lists.requests.filter {
                    $0.string("kind") == row.string("kind") && $0.string("spec") == row.string("spec")
                }
                .compactMap { $0.string("request") })
            // Three requests per lot, so that workers collide on them often.
            return asking.count >= 3 ? Contest(lot: lot, free: free, requests: Array(asking.sorted().prefix(3))) : nil
        }
        .sorted { $0.requests.count > $1.requests.count }
    }

    @Test("proposals and approvals from four processes for five seconds keep every rule and every reported success")
    func hammer() throws {
        let sandbox = try Sandbox.withSampleDay()
        let contested = Array(contests(try sandbox.listsJSON()).prefix(3))
        try #require(contested.count >= 2, "the sample day has contested lots")
        let base = try sandbox.history().count
        let seed = UInt64(ProcessInfo.processInfo.environment["DAYCLEAR_HAMMER_SEED"] ?? "") ?? 0x4A33_E12
        let data = sandbox.data.path
        let attempts = Attempts()
        let deadline = Date().addingTimeInterval(Self.seconds)

        DispatchQueue.concurrentPerform(iterations: Self.workers) { worker in
            var random = SplitMix64(seed: seed &+ UInt64(worker))
            // A worker that has just proposed goes on to approve, as the group would; others race it.
            var proposedByMe: String?
            while Date() < deadline {
                let contest = contested[Int.random(in: 0..<contested.count, using: &random)]
                let request = contest.requests[Int.random(in: 0..<contest.requests.count, using: &random)]
                let action: Attempt.Action
                if let proposed = proposedByMe {
                    action = .approve(request: proposed)
                } else if Int.random(in: 0..<4, using: &random) == 0 {
                    action = .approve(request: request)
                } else {
                    action = .propose(
                        request: request, lot: contest.lot,
                        quantity: Int.random(in: 1...max(1, contest.free / 3), using: &random))
                }
                let arguments: [String]
                switch action {
                case .propose(let request, let lot, let quantity):
                    arguments = ["propose", request, "--lot", lot, "--quantity", "\(quantity)", "--data", data]
                case .approve(let request):
                    arguments = ["approve", request, "--data", data]
                }
                let started = Date()
                do {
                    let result = try run(arguments)
                    if case .propose(let request, _, _) = action, result.succeeded {
                        proposedByMe = request
                    } else {
                        proposedByMe = nil
                    }
                    attempts.append(
                        Attempt(
                            worker: worker, action: action, started: started, finished: Date(),
                            status: result.status, stdout: result.stdout, stderr: result.stderr))
                } catch {
                    Issue.record("could not run dayclear: \(error)")
                    return
                }
            }
        }

        let all = attempts.all
        let successes = all.filter(\.succeeded)
        let approvals = successes.filter { if case .approve = $0.action { true } else { false } }
        print(
            "hammer, seed \(seed): \(all.count) commands, \(successes.count) succeeded (\(approvals.count) approvals), \(all.count - successes.count) refused"
        )
        #expect(!successes.isEmpty, "the hammer did real work")
        #expect(all.count > successes.count, "the workers collided at least once")

        // Every refusal is an ordinary, explained refusal: no crash, no lock timeout, no lost write.
        for attempt in all where !attempt.succeeded {
            #expect(attempt.status == 1 && !attempt.stderr.isEmpty, "\(attempt.describe)")
            #expect(!attempt.stderr.contains("not saved"), "\(attempt.describe)")
        }

        // Every reported success is in the store, under the number it reported, by this user.
        let history = try sandbox.history()
        var reported: [Int: Attempt] = [:]
        for attempt in successes {
            let numbers = eventNumbers(in: attempt.stdout)
            try #require(numbers.count == 1, "\(attempt.describe)")
            #expect(reported[numbers[0]] == nil, "two processes reported event \(numbers[0])")
            reported[numbers[0]] = attempt
            let fields =
                history.indices.contains(numbers[0] - 1)
                ? history[numbers[0] - 1].split(separator: "\t").map(String.init) : []
            #expect(fields.first == "\(numbers[0])" && fields.dropFirst(2).first == currentUser, "\(fields)")
            switch attempt.action {
            case .propose(let request, let lot, let quantity):
                #expect(
                    fields.last?.hasPrefix("proposed \(quantity) from lot \(lot) for \(request) ") == true,
                    "event \(numbers[0]) is \(fields) but \(attempt.describe)")
            case .approve(let request):
                #expect(
                    fields.last?.hasPrefix("approved \(request):") == true,
                    "event \(numbers[0]) is \(fields) but \(attempt.describe)")
            }
        }
        // And nothing is in the store that no process reported.
        let appended = history.count > base ? Set((base + 1)...history.count) : []
        #expect(Set(reported.keys) == appended, "events appended that no process reported, or reported and missing")

        // No request approved twice; no lot beyond what it holds; the replayed model keeps every invariant.
        let approvedEvents = history.compactMap { line in
            line.split(separator: "\t").last.flatMap {
                $0.hasPrefix("approved ") ? $0.split(separator: ":").first : nil
            }
        }
        #expect(approvedEvents.count == Set(approvedEvents).count, "a request approved twice: \(approvedEvents)")
        let lists = try sandbox.listsJSON()
        for contest in contested {
            let row = try #require(lists.lot(contest.lot))
            let held = row.int("on_hand") ?? 0
            #expect((row.int("free") ?? -1) >= 0, "\(row)")
            #expect((row.int("proposed") ?? 0) + (row.int("approved") ?? 0) <= held, "\(row)")
        }
        let verified = try sandbox.dayclear("verify")
        #expect(verified.status == 0, verified.comment)

        // A command that started after a request's approval was reported is told who approved it and when.
        var losers = 0
        for approval in approvals {
            let request = approval.action.request
            for late in all where !late.succeeded && late.action.request == request && late.started > approval.finished
            {
                losers += 1
                #expect(
                    late.stderr.contains("\(request) was approved by \(currentUser) at "),
                    "the loser should be told what changed: \(late.describe)")
            }
        }
        print("hammer: \(losers) commands came after the approval of their request and were told who made it")
    }

    @Test("four processes approving one request at once: one wins, the others are told who approved it and when")
    func simultaneousApprovals() throws {
        let sandbox = try Sandbox.withSampleDay()
        let contest = try #require(contests(try sandbox.listsJSON()).first)
        let request = contest.requests[0]
        let proposed = try sandbox.dayclear("propose", request, "--lot", contest.lot, "--quantity", "1")
        try #require(proposed.succeeded, proposed.comment)
        let attempts = Attempts()
        let data = sandbox.data.path
        DispatchQueue.concurrentPerform(iterations: Self.workers) { worker in
            do {
                let started = Date()
                let result = try run(["approve", request, "--data", data])
                attempts.append(
                    Attempt(
                        worker: worker, action: .approve(request: request), started: started, finished: Date(),
                        status: result.status, stdout: result.stdout, stderr: result.stderr))
            } catch {
                Issue.record("could not run dayclear: \(error)")
            }
        }
        let all = attempts.all
        try #require(all.count == Self.workers)
        let winners = all.filter(\.succeeded)
        #expect(winners.count == 1, "\(all.map(\.describe))")
        for loser in all where !loser.succeeded {
            #expect(loser.stderr.contains("\(request) was approved by \(currentUser) at "), "\(loser.describe)")
            #expect(loser.stderr.contains("it cannot now be approved"), "\(loser.describe)")
        }
        let approvals = try sandbox.history().filter { $0.contains("\tapproved \(request):") }
        #expect(approvals.count == 1, "\(approvals)")
    }
}
