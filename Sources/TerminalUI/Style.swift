/// How a cell is drawn: a semantic role plus bold and reverse flags.
public struct Style: Sendable, Hashable {
    /// What the text means; the backend turns it into colours.
    public var role: StyleRole
    /// Whether the text is drawn bold on top of the role's attributes.
    public var bold: Bool
    /// Whether foreground and background are swapped on top of the role's attributes.
    public var reverse: Bool

    /// Creates a style; the default is plain, normal text.
    public init(role: StyleRole = .normal, bold: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
    }

    /// A style with the given role and no extra flags.
    public static func role(_ role: StyleRole) -> Style {
        Style(role: role)
    }
}
