import Foundation

/// Reads the TSPLIB subset CVRPLIB uses for capacitated routing: the specification lines
/// `NAME`, `TYPE : CVRP`, `DIMENSION`, `CAPACITY`, `EDGE_WEIGHT_TYPE : EUC_2D` (others such as
/// `COMMENT` are ignored), then `NODE_COORD_SECTION`, `DEMAND_SECTION`, `DEPOT_SECTION` and `EOF`.
///
/// Every problem is reported with its line.
public enum TSPLIBParser {
    private enum Section { case specification, coordinates, demands, depots, end }

    public static func parse(_ text: String) throws(TSPLIBError) -> CVRPInstance {
        var name = ""
        var dimension: Int?
        var capacity: Int?
        var coordinates: [Int: (x: Double, y: Double)] = [:]
        var demands: [Int: (demand: Int, line: Int)] = [:]
        var depots: [Int] = []
        var depotsClosed = false
        var section = Section.specification
        var lineNumber = 0

        func node(_ field: Substring) throws(TSPLIBError) -> Int {
            guard let dimension else {
                throw TSPLIBError(line: lineNumber, "DIMENSION must come before the node sections")
            }
            guard let number = Int(field), (1...dimension).contains(number) else {
                throw TSPLIBError(line: lineNumber, "node \(field) is not between 1 and DIMENSION \(dimension)")
            }
            return number
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let keyword = fields[0].uppercased()
            if section == .end {
                throw TSPLIBError(line: lineNumber, "text after EOF")
            }
            if keyword == "EOF" {
                section = .end
                continue
            }
            if keyword.hasSuffix("_SECTION") {
                switch keyword {
                case "NODE_COORD_SECTION": section = .coordinates
                case "DEMAND_SECTION": section = .demands
                case "DEPOT_SECTION": section = .depots
                default: throw TSPLIBError(line: lineNumber, "unsupported section \(keyword)")
                }
                continue
            }
            switch section {
            case .specification, .end:
                guard let colon = line.firstIndex(of: ":") else {
                    throw TSPLIBError(line: lineNumber, "expected KEY : VALUE, got \(line)")
                }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).uppercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch key {
                case "NAME": name = value
                case "TYPE":
                    guard value.uppercased() == "CVRP" else {
                        throw TSPLIBError(line: lineNumber, "TYPE is \(value); only CVRP is supported")
                    }
                case "DIMENSION":
                    guard let count = Int(value), count >= 2 else {
                        throw TSPLIBError(
                            line: lineNumber, "DIMENSION must be a whole number of at least 2, not \(value)")
                    }
                    dimension = count
                case "CAPACITY":
                    guard let amount = Int(value), amount > 0 else {
                        throw TSPLIBError(line: lineNumber, "CAPACITY must be a positive whole number, not \(value)")
                    }
                    capacity = amount
                case "EDGE_WEIGHT_TYPE":
                    guard value.uppercased() == "EUC_2D" else {
                        throw TSPLIBError(line: lineNumber, "EDGE_WEIGHT_TYPE is \(value); only EUC_2D is supported")
                    }
                default: continue
                }
            case .coordinates:
                guard fields.count == 3, let x = Double(fields[1]), let y = Double(fields[2]) else {
                    throw TSPLIBError(line: lineNumber, "a coordinate line is NODE X Y, got \(line)")
                }
                let number = try node(fields[0])
                guard coordinates.updateValue((x, y), forKey: number) == nil else {
                    throw TSPLIBError(line: lineNumber, "node \(number) has coordinates twice")
                }
            case .demands:
                guard fields.count == 2, let demand = Int(fields[1]) else {
                    throw TSPLIBError(line: lineNumber, "a demand line is NODE DEMAND, got \(line)")
                }
                let number = try node(fields[0])
                guard demand >= 0 else { throw TSPLIBError(line: lineNumber, "node \(number) has a negative demand") }
                guard demands.updateValue((demand, lineNumber), forKey: number) == nil else {
                    throw TSPLIBError(line: lineNumber, "node \(number) has a demand twice")
                }
            case .depots:
                guard fields.count == 1, let value = Int(fields[0]), !depotsClosed else {
                    throw TSPLIBError(line: lineNumber, "a depot line is one node number, ended by -1; got \(line)")
                }
                if value == -1 {
                    depotsClosed = true
                } else {
                    depots.append(try node(fields[0]))
                }
            }
        }

        let end = max(1, lineNumber)
        guard let dimension else { throw TSPLIBError(line: end, "DIMENSION is missing") }
        guard let capacity else { throw TSPLIBError(line: end, "CAPACITY is missing") }
        guard let depot = depots.first else { throw TSPLIBError(line: end, "DEPOT_SECTION names no depot") }
        guard depots.count == 1 else {
            throw TSPLIBError(line: end, "DEPOT_SECTION names \(depots.count) depots; only one is supported")
        }
        var nodes: [Int: (x: Double, y: Double, demand: Int)] = [:]
        for number in 1...dimension {
            guard let point = coordinates[number] else {
                throw TSPLIBError(line: end, "node \(number) has no line in NODE_COORD_SECTION")
            }
            guard let demand = demands[number] else {
                throw TSPLIBError(line: end, "node \(number) has no line in DEMAND_SECTION")
            }
            if number == depot, demand.demand != 0 {
                throw TSPLIBError(line: demand.line, "the depot \(number) has demand \(demand.demand), not 0")
            }
            if demand.demand > capacity {
                throw TSPLIBError(
                    line: demand.line, "node \(number) demands \(demand.demand), more than CAPACITY \(capacity)")
            }
            nodes[number] = (point.x, point.y, demand.demand)
        }
        return CVRPInstance(name: name, capacity: capacity, depot: depot, nodes: nodes)
    }
}
