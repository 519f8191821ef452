import DayClearRouting
import Foundation

/// Solves every TSPLIB instance of a folder and compares each cost with the optimum in its
/// `optima.csv` (columns `instance,optimal_cost`): cost, optimum, gap, and the median time of
/// several solves. Usage: dayclear-bench-routing [FOLDER] (default Benchmarks/cvrp).
let folder = CommandLine.arguments.dropFirst().first ?? "Benchmarks/cvrp"
let repetitions = 11

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

guard let optimaText = try? String(contentsOfFile: folder + "/optima.csv", encoding: .utf8) else {
    fail("cannot read \(folder)/optima.csv")
}
var optima: [String: Double] = [:]
for line in optimaText.split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    if fields.count == 2, let value = Double(fields[1]) { optima[fields[0]] = value }
}

let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    .filter { $0.hasSuffix(".vrp") }.sorted()
guard !files.isEmpty else { fail("no .vrp files in \(folder)") }

print("instance      n  runs      cost   optimum    gap %   median ms   max ms")
var gaps: [Double] = []
var worstTime = 0.0
let solver = RoutingSolver()
for file in files {
    let path = folder + "/" + file
    let name = String(file.dropLast(4))
    let problem: RoutingProblem
    do {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        problem = try TSPLIBParser.parse(text).problem()
    } catch {
        fail("\(path): \(error)")
    }
    var times: [Double] = []
    var solution = RoutingSolution(runs: [], problem: problem)
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        solution = solver.solve(problem)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    let median = times[times.count / 2]
    worstTime = max(worstTime, times[times.count - 1])
    let optimum = optima[name]
    let gap = optimum.map { (solution.cost - $0) / $0 * 100 }
    if let gap { gaps.append(gap) }
    print(
        [
            name.padding(toLength: 10, withPad: " ", startingAt: 0),
            String(format: "%4d", problem.demands.count - 1), String(format: "%5d", solution.runs.count),
            String(format: "%9.0f", solution.cost), optimum.map { String(format: "%9.0f", $0) } ?? "        -",
            gap.map { String(format: "%8.2f", $0) } ?? "       -", String(format: "%11.2f", median),
            String(format: "%8.2f", times[times.count - 1]),
        ].joined(separator: " "))
}
if !gaps.isEmpty {
    let mean = gaps.reduce(0, +) / Double(gaps.count)
    print(
        String(
            format: "mean gap %.2f%% over %d instances (max %.2f%%); slowest solve %.2f ms", mean, gaps.count,
            gaps.max() ?? 0, worstTime))
}
