extension LocalSearch {
    /// 2-opt between runs (2-opt*): cuts two runs and joins each head to the other's tail, when
    /// both new runs fit; applies the best such exchange.
    mutating func exchangeTails() -> Bool {
        var best = (gain: LocalSearch.tolerance, a: -1, i: 0, b: 0, j: 0)
        let heads = runs.map { run in run.reduce(into: [0]) { $0.append($0[$0.count - 1] + problem.demands[$1]) } }
        for a in runs.indices {
            for b in runs.indices where b > a {
                // Cut `i` leaves runs[a][..<i] as the head and runs[a][i...] as the tail.
                for i in 0...runs[a].count {
                    let x = node(a, i - 1)
                    let y = node(a, i)
                    for j in 0...runs[b].count {
                        let headA = heads[a][i]
                        let headB = heads[b][j]
                        guard headA + loads[b] - headB <= problem.capacity,
                            headB + loads[a] - headA <= problem.capacity
                        else { continue }
                        let p = node(b, j - 1)
                        let q = node(b, j)
                        let gain = d(x, y) + d(p, q) - d(x, q) - d(p, y)
                        if gain > best.gain { best = (gain, a, i, b, j) }
                    }
                }
            }
        }
        guard best.a >= 0 else { return false }
        let tailA = Array(runs[best.a][best.i...])
        let tailB = Array(runs[best.b][best.j...])
        runs[best.a] = Array(runs[best.a][..<best.i]) + tailB
        runs[best.b] = Array(runs[best.b][..<best.j]) + tailA
        loads[best.a] = problem.load(of: runs[best.a])
        loads[best.b] = problem.load(of: runs[best.b])
        return true
    }
}
