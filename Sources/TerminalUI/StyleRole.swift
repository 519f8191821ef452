/// What a piece of text means on screen; the backend maps each role to colours or attributes.
///
/// Roles keep colour decisions in one place (the backend's palette), as htop does: widgets and
/// screens say "this is a warning", never "this is yellow".
public enum StyleRole: Sendable, Hashable, CaseIterable {
    /// Ordinary text.
    case normal
    /// A screen or panel title.
    case title
    /// A table header or section heading.
    case header
    /// The selected row or item.
    case selection
    /// Secondary, less important text.
    case dim
    /// Something that is on track or done.
    case ok
    /// Something that needs attention soon.
    case warning
    /// Something past its time.
    case overdue
    /// Goods earmarked for a named recipient (定向).
    case directed
    /// A quantity that falls short of what was asked.
    case shortfall
    /// Key hints and help text.
    case help
}
