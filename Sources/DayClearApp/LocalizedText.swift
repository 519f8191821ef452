/// A text in Chinese and English, picked by the label language when drawn.
public struct LocalizedText: Sendable, Hashable {
    /// The 简体中文 text.
    public var zh: String
    /// The English text.
    public var en: String

    /// Creates a text from its two languages.
    public init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in a language.
    public func text(_ language: Language) -> String {
        language.pick(zh, en)
    }
}
