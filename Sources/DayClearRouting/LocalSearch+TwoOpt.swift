extension LocalSearch {
    /// 2-opt within a run: reverses the stretch between two positions when that uncrosses it.
    /// Applies the best such move over all runs; false when there is none.
    mutating func twoOpt() -> Bool {
        var best = (gain: LocalSearch.tolerance, run: -1, from: 0, to: 0)
        for run in runs.indices where runs[run].count >= 2 {
            let count = runs[run].count
            for from in 0..<(count - 1) {
                let before = node(run, from - 1)
                let first = runs[run][from]
                for to in (from + 1)..<count {
                    let last = runs[run][to]
                    let after = node(run, to + 1)
                    let gain = d(before, first) + d(last, after) - d(before, last) - d(first, after)
                    if gain > best.gain { best = (gain, run, from, to) }
                }
            }
        }
        guard best.run >= 0 else { return false }
        runs[best.run][best.from...best.to].reverse()
        return true
    }
}
