import DayClearApp
import DayClearCore
import DayClearStore
import Foundation
import TerminalUI

/// The store benchmarks: generate a province-scale store, then time one thing per process so each
/// figure includes nothing else and the resident-memory peak belongs to that step alone.
///
/// Usage (release build; Benchmarks/store_bench.py runs them all and repeats each):
///   dayclear-bench-store generate --dir DIR [--events N] [--surge N] [--csv-mb N] [--seed N]
///   dayclear-bench-store open --data DIR [--snapshot off]
///   dayclear-bench-store snapshot --data DIR
///   dayclear-bench-store import --data DIR --file CSV --phase parse|table|plan|e2e
///   dayclear-bench-store import --data BASE-COPY --rows-from IMPORTED-DIR --file CSV --phase floor
///   dayclear-bench-store export --data DIR --day YYYY-MM-DD --out DIR
///   dayclear-bench-store approve --data DIR [--count N]
/// Each timing command prints one JSON object.

struct Arguments {
    var command: String
    var values: [String: String] = [:]

    init(_ arguments: [String]) {
        command = arguments.first ?? ""
        var rest = arguments.dropFirst().makeIterator()
        while let name = rest.next() {
            guard name.hasPrefix("--"), let value = rest.next() else { fail("expected --NAME VALUE, got \(name)") }
            values[String(name.dropFirst(2))] = value
        }
    }

    func text(_ name: String) -> String {
        guard let value = values[name] else { fail("\(command) needs --\(name)") }
        return value
    }

    func number(_ name: String, default fallback: Int) -> Int {
        guard let value = values[name] else { return fallback }
        guard let number = Int(value.replacingOccurrences(of: "_", with: "")) else { fail("--\(name) takes a number") }
        return number
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("dayclear-bench-store: \(message)\n".utf8))
    exit(2)
}

/// Milliseconds from a monotonic clock.
func milliseconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
}

/// CPU time this process has used so far, in ms: on a machine shared with other builds it moves far
/// less than the wall clock, so the steps report both.
func cpuMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

/// The process's peak resident set so far, in MiB.
func maxResidentMiB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

func emit(_ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

let arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
let benchActor = "wang"

do {
    switch arguments.command {
    case "generate": try generate(arguments)
    case "open": try openStore(arguments)
    case "snapshot": try writeSnapshot(arguments)
    case "import": try importCSV(arguments)
    case "export": try exportDayEnd(arguments)
    case "approve": try approve(arguments)
    default: fail("unknown command \(arguments.command); see Benchmarks/Store/main.swift")
    }
} catch {
    fail("\(error)")
}
