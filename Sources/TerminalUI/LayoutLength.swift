/// A length along one axis of a layout: fixed, a fraction of the whole, or a share of what is left.
public enum LayoutLength: Sendable, Hashable {
    /// Exactly this many cells (fewer if the space runs out).
    case fixed(Int)
    /// This fraction (0...1) of the whole length being split, rounded down.
    case fraction(Double)
    /// An equal share of whatever the fixed and fractional parts leave over.
    case fill

    /// Resolves lengths into sizes that add up to at most `total` minus the gaps between them.
    ///
    /// Fixed and fractional parts are given out first, in order, each capped by what is left;
    /// the rest is split among the `.fill` parts, the first ones getting any odd cells. With no
    /// `.fill` part, the leftover is left unused.
    public static func resolve(_ lengths: [LayoutLength], total: Int, spacing: Int = 0) -> [Int] {
        guard !lengths.isEmpty else {
            return []
        }
        let available = max(0, total - max(0, spacing) * (lengths.count - 1))
        var remaining = available
        var sizes = [Int](repeating: 0, count: lengths.count)
        var fillIndices: [Int] = []
        for (index, length) in lengths.enumerated() {
            let wanted: Int
            switch length {
            case .fixed(let cells):
                wanted = max(0, cells)
            case .fraction(let fraction):
                wanted = Int((Double(available) * min(max(fraction, 0), 1)).rounded(.down))
            case .fill:
                fillIndices.append(index)
                continue
            }
            sizes[index] = min(wanted, remaining)
            remaining -= sizes[index]
        }
        if !fillIndices.isEmpty {
            let share = remaining / fillIndices.count
            let extra = remaining % fillIndices.count
            for (order, index) in fillIndices.enumerated() {
                sizes[index] = share + (order < extra ? 1 : 0)
            }
        }
        return sizes
    }
}
