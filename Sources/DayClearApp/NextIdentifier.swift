/// Suggests the next free identifier of the centre's `L-0001` / `R-0001` style.
enum NextIdentifier {
    /// One past the highest `PREFIX-NNNN` among `existing`, four digits at least; `PREFIX-0001`
    /// when there is none.
    static func after(_ existing: some Sequence<String>, prefix: String) -> String {
        let highest = existing.reduce(0) { highest, id in
            let digits = id.dropFirst(prefix.count)
            guard id.hasPrefix(prefix), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits)
            else {
                return highest
            }
            return max(highest, number)
        }
        let next = String(highest < Int.max ? highest + 1 : highest)
        return prefix + String(repeating: "0", count: max(0, 4 - next.count)) + next
    }
}
