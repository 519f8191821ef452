/// Which half of the lists screen has the focus.
public enum Pane: Sendable, Hashable {
    /// The goods (first list).
    case goods
    /// The requests (second list).
    case requests
}
