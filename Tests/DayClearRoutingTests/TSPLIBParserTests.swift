import Foundation
import Testing

@testable import DayClearRouting

@Suite("TSPLIB CVRP files")
struct TSPLIBParserTests {
    static let small = """
        NAME : tiny
        COMMENT : four nodes
        TYPE : CVRP
        DIMENSION : 4
        EDGE_WEIGHT_TYPE : EUC_2D
        CAPACITY : 10
        NODE_COORD_SECTION
         1 0 0
         2 3 4
         3 -3 4
         4 0 -2
        DEMAND_SECTION
        1 0
        2 6
        3 5
        4 4
        DEPOT_SECTION
         1
         -1
        EOF

        """

    /// The lines of `small` with line `number` (1-based) replaced, or removed when nil.
    static func small(replacing number: Int, with line: String?) -> String {
        var lines = small.components(separatedBy: "\n")
        if let line { lines[number - 1] = line } else { lines.remove(at: number - 1) }
        return lines.joined(separator: "\n")
    }

    @Test func readsAGoodFile() throws {
        let instance = try TSPLIBParser.parse(Self.small)
        #expect(instance.name == "tiny")
        #expect(instance.capacity == 10)
        #expect(instance.depot == 1)
        #expect(instance.nodeNumbers == [1, 2, 3, 4])
        let problem = try instance.problem()
        #expect(problem.demands == [0, 6, 5, 4])
        #expect(problem.distances[0, 1] == 5)
        #expect(problem.distances[1, 2] == 6)
        // √(3² + 6²) = 6.71 rounds to 7, as EUC_2D does.
        #expect(problem.distances[1, 3] == 7)
    }

    @Test func aDepotOtherThanNodeOneComesFirst() throws {
        let text = Self.small(replacing: 18, with: " 4").replacingOccurrences(of: "4 4\n", with: "4 0\n")
            .replacingOccurrences(of: "1 0\n2 6", with: "1 3\n2 6")
        let instance = try TSPLIBParser.parse(text)
        #expect(instance.nodeNumbers == [4, 1, 2, 3])
        #expect(try instance.problem().demands == [0, 3, 6, 5])
    }

    @Test func readsABundledInstance() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Benchmarks/cvrp/A-n32-k5.vrp")
        let instance = try TSPLIBParser.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(instance.name == "A-n32-k5")
        #expect(instance.capacity == 100)
        #expect(instance.nodes.count == 32)
        #expect(instance.nodes[32]?.x == 98 && instance.nodes[32]?.demand == 9)
    }

    @Test(arguments: [
        (6, "CAPACITY : -5", 6, "CAPACITY must be a positive whole number, not -5"),
        (6, "CAPACITY : ten", 6, "CAPACITY must be a positive whole number, not ten"),
        (5, "EDGE_WEIGHT_TYPE : GEO", 5, "EDGE_WEIGHT_TYPE is GEO; only EUC_2D is supported"),
        (3, "TYPE : TSP", 3, "TYPE is TSP; only CVRP is supported"),
        (4, "DIMENSION : x", 4, "DIMENSION must be a whole number of at least 2, not x"),
        (9, " 2 3", 9, "a coordinate line is NODE X Y, got 2 3"),
        (9, " 9 3 4", 9, "node 9 is not between 1 and DIMENSION 4"),
        (10, " 2 1 1", 10, "node 2 has coordinates twice"),
        (14, "2 11", 14, "node 2 demands 11, more than CAPACITY 10"),
        (14, "2 -1", 14, "node 2 has a negative demand"),
        (13, "1 2", 13, "the depot 1 has demand 2, not 0"),
        (7, "EDGE_WEIGHT_SECTION", 7, "unsupported section EDGE_WEIGHT_SECTION"),
        (2, "COMMENT four nodes", 2, "expected KEY : VALUE, got COMMENT four nodes"),
        (18, " 1 2", 18, "a depot line is one node number, ended by -1; got 1 2"),
    ])
    func reportsTheLineAndTheProblem(line: Int, replacement: String, reported: Int, problem: String) {
        #expect(throws: TSPLIBError(line: reported, problem)) {
            try TSPLIBParser.parse(Self.small(replacing: line, with: replacement))
        }
    }

    @Test func missingPartsAreNamed() {
        #expect(throws: TSPLIBError(line: 20, "CAPACITY is missing")) {
            try TSPLIBParser.parse(Self.small(replacing: 6, with: nil))
        }
        #expect(throws: TSPLIBError(line: 20, "node 3 has no line in DEMAND_SECTION")) {
            try TSPLIBParser.parse(Self.small(replacing: 15, with: nil))
        }
        #expect(throws: TSPLIBError(line: 20, "DEPOT_SECTION names no depot")) {
            try TSPLIBParser.parse(Self.small(replacing: 18, with: nil))
        }
        #expect(throws: TSPLIBError(line: 21, "text after EOF")) {
            try TSPLIBParser.parse(Self.small + "1 2\n")
        }
    }
}
