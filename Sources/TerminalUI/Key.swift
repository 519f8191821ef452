/// A key press the app can react to, as a backend reports it.
public enum Key: Sendable, Hashable {
    /// A printable character, including space and CJK text from an input method.
    case character(Character)
    /// The up arrow.
    case up
    /// The down arrow.
    case down
    /// The left arrow.
    case left
    /// The right arrow.
    case right
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Enter or Return.
    case enter
    /// Escape, reported as soon as it is pressed.
    case escape
    /// Backspace.
    case backspace
    /// Delete (forward delete).
    case delete
    /// A function key, F1 being `.function(1)`.
    case function(Int)
    /// A control chord; the character is the lowercase letter, so Ctrl-C is `.control("c")`.
    case control(Character)
    /// The terminal changed size; the app should redraw at the backend's new size.
    case resize

    /// How the key is named in footer hints and on the help screen: "↑", "Tab", "Esc", "Ctrl-C", "q".
    public var displayName: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .function(let number): "F\(number)"
        case .control(let character): "Ctrl-\(character.uppercased())"
        case .resize: "Resize"
        }
    }
}
