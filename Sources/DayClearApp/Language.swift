/// The language of the labels: 简体中文 or English.
public enum Language: String, CaseIterable, Sendable, Hashable {
    case zh
    case en

    /// Picks the Chinese or the English text.
    public func pick(_ chinese: String, _ english: String) -> String {
        self == .zh ? chinese : english
    }

    /// Chinese when `LC_ALL` (or, if unset, `LANG`) starts with `zh`, else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let locale = [environment["LC_ALL"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }
}
