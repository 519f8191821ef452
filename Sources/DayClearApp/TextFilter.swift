import Foundation

/// Case-insensitive matching of a screen's filter text against a row's texts.
enum TextFilter {
    /// Whether `filter` selects anything, i.e. is not empty or blank; callers skip building a row's
    /// texts when it does not. Asked on every frame, so the usual empty filter is not trimmed.
    static func isActive(_ filter: String) -> Bool {
        !filter.isEmpty && !filter.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// Whether any of `texts` contains `filter`; an empty filter matches everything.
    static func matches(_ filter: String, _ texts: [String]) -> Bool {
        let needle = filter.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return true }
        return texts.contains { $0.lowercased().contains(needle) }
    }
}
