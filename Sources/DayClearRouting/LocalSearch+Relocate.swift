extension LocalSearch {
    /// The longest chain of consecutive customers a relocation moves (Or-opt).
    static let longestChain = 3

    /// Moves one customer, or a chain of up to three, to another place in its own run or in
    /// another run with room for it, in either direction; applies the best such move.
    mutating func relocateChain() -> Bool {
        var best = (gain: LocalSearch.tolerance, from: -1, start: 0, length: 0, to: 0, edge: 0, reversed: false)
        for from in runs.indices {
            let count = runs[from].count
            for length in 1...min(LocalSearch.longestChain, max(1, count)) where length <= count {
                for start in 0...(count - length) {
                    let first = runs[from][start]
                    let last = runs[from][start + length - 1]
                    let before = node(from, start - 1)
                    let after = node(from, start + length)
                    let removal = d(before, first) + d(last, after) - d(before, after)
                    guard removal > LocalSearch.tolerance else { continue }
                    var chainLoad = 0
                    for index in start..<(start + length) { chainLoad += problem.demands[runs[from][index]] }
                    for to in runs.indices {
                        if to != from && (runs[to].isEmpty || loads[to] + chainLoad > problem.capacity) { continue }
                        // Edge `edge` joins positions edge − 1 and edge; in its own run, the edges
                        // touching the chain are not places to put it.
                        for edge in 0...runs[to].count {
                            if to == from && edge >= start && edge <= start + length { continue }
                            let x = node(to, edge - 1)
                            let y = node(to, edge)
                            let forward = d(x, first) + d(last, y) - d(x, y)
                            let backward = d(x, last) + d(first, y) - d(x, y)
                            let insertion = min(forward, backward)
                            let gain = removal - insertion
                            if gain > best.gain {
                                best = (gain, from, start, length, to, edge, backward < forward)
                            }
                        }
                    }
                }
            }
        }
        guard best.from >= 0 else { return false }
        var chain = Array(runs[best.from][best.start..<(best.start + best.length)])
        if best.reversed { chain.reverse() }
        let chainLoad = chain.reduce(0) { $0 + problem.demands[$1] }
        runs[best.from].removeSubrange(best.start..<(best.start + best.length))
        loads[best.from] -= chainLoad
        var edge = best.edge
        if best.to == best.from && edge > best.start { edge -= best.length }
        runs[best.to].insert(contentsOf: chain, at: edge)
        loads[best.to] += chainLoad
        return true
    }
}
