/// Where text sits inside a wider field.
public enum Alignment: Sendable, Hashable, CaseIterable {
    /// Text starts at the left edge; padding goes to the right.
    case left
    /// Text ends at the right edge; padding goes to the left.
    case right
    /// Text sits in the middle; an odd column of padding goes to the right.
    case center
}
