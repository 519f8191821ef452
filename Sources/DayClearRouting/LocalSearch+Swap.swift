extension LocalSearch {
    /// Exchanges two customers of different runs when both runs stay within capacity;
    /// applies the best such exchange.
    mutating func swap() -> Bool {
        var best = (gain: LocalSearch.tolerance, a: -1, i: 0, b: 0, j: 0)
        for a in runs.indices {
            for i in runs[a].indices {
                let u = runs[a][i]
                let beforeU = node(a, i - 1)
                let afterU = node(a, i + 1)
                let outU = d(beforeU, u) + d(u, afterU)
                for b in runs.indices where b > a {
                    for j in runs[b].indices {
                        let v = runs[b][j]
                        let shift = problem.demands[v] - problem.demands[u]
                        guard loads[a] + shift <= problem.capacity, loads[b] - shift <= problem.capacity else {
                            continue
                        }
                        let beforeV = node(b, j - 1)
                        let afterV = node(b, j + 1)
                        let gain =
                            outU + d(beforeV, v) + d(v, afterV) - d(beforeU, v) - d(v, afterU) - d(beforeV, u)
                            - d(u, afterV)
                        if gain > best.gain { best = (gain, a, i, b, j) }
                    }
                }
            }
        }
        guard best.a >= 0 else { return false }
        let u = runs[best.a][best.i]
        let v = runs[best.b][best.j]
        runs[best.a][best.i] = v
        runs[best.b][best.j] = u
        let shift = problem.demands[v] - problem.demands[u]
        loads[best.a] += shift
        loads[best.b] -= shift
        return true
    }
}
