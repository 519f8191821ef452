/// A box of lines over the screen reporting what an action found, closed by any key.
public struct ResultPanel: Sendable, Hashable {
    /// The box's title.
    public var title: String
    /// The lines, most important first; the renderer shows as many as fit.
    public var lines: [String]
    /// Whether the panel reports a refusal.
    public var isError: Bool

    /// Creates a panel.
    public init(title: String, lines: [String], isError: Bool) {
        self.title = title
        self.lines = lines
        self.isError = isError
    }
}
