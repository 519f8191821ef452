import DayClearRouting
import Foundation

/// `dayclear route --cvrp FILE.vrp`: solves one TSPLIB capacitated routing instance and prints
/// each run's nodes (the file's numbers, depot at both ends), load and length, then `cost N`.
struct CVRPSolve {
    var path: String

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandError("cannot read \(path): \(error.localizedDescription)")
        }
        let instance: CVRPInstance
        let problem: RoutingProblem
        do {
            instance = try TSPLIBParser.parse(text)
            problem = try instance.problem()
        } catch let error as TSPLIBError {
            throw CommandError("\(path):\(error.line): \(error.problem)")
        }
        let solution = RoutingSolver().solve(problem)
        let numbers = instance.nodeNumbers
        print(
            "\(instance.name.isEmpty ? path : instance.name): \(problem.customers.count) customers, "
                + "capacity \(problem.capacity), depot \(instance.depot)")
        for (index, run) in solution.runs.enumerated() {
            let stops = ([0] + run + [0]).map { "\(numbers[$0])" }.joined(separator: " ")
            let length = Int(problem.length(of: run).rounded())
            print("run \(index + 1): \(stops)  load \(problem.load(of: run))  length \(length)")
        }
        print("cost \(Int(solution.cost.rounded()))")
    }
}
