import TerminalUI

/// One row of the key table: a key, what it does, its help text and where it applies.
public struct KeyBinding: Sendable, Hashable {
    /// Where a binding applies.
    public enum Scope: Sendable, Hashable {
        /// On every screen, after the screen's own bindings.
        case global
        /// Only on one screen; looked up before the global bindings.
        case screen(Screen)
    }

    /// The key pressed.
    public var key: Key
    /// What it does.
    public var command: Command
    /// The help text in Chinese and English.
    public var help: (zh: String, en: String)
    /// Where it applies.
    public var scope: Scope
    /// Whether the footer shows it; a key used now and then stays out, so that a full footer still
    /// has room for help and quit at 80 columns. The help screen lists every key.
    public var inFooter: Bool

    /// Creates a binding.
    public init(key: Key, command: Command, help: (zh: String, en: String), scope: Scope, inFooter: Bool = true) {
        self.key = key
        self.command = command
        self.help = help
        self.scope = scope
        self.inFooter = inFooter
    }

    /// The help text in a language.
    public func help(_ language: Language) -> String {
        language.pick(help.zh, help.en)
    }

    public static func == (lhs: KeyBinding, rhs: KeyBinding) -> Bool {
        lhs.key == rhs.key && lhs.command == rhs.command && lhs.help == rhs.help && lhs.scope == rhs.scope
            && lhs.inFooter == rhs.inFooter
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(command)
        hasher.combine(help.zh)
        hasher.combine(help.en)
        hasher.combine(scope)
        hasher.combine(inFooter)
    }
}
