import TerminalUI
import Testing

@Suite("Key")
struct KeyTests {
    @Test(
        "display names",
        arguments: [
            (Key.up, "↑"), (.down, "↓"), (.left, "←"), (.right, "→"), (.tab, "Tab"), (.backTab, "Shift-Tab"),
            (.escape, "Esc"), (.enter, "Enter"), (.control("c"), "Ctrl-C"), (.character("q"), "q"),
            (.character(" "), "Space"), (.character("批"), "批"), (.function(1), "F1"), (.pageUp, "PgUp"),
            (.pageDown, "PgDn"), (.backspace, "Backspace"), (.delete, "Del"), (.home, "Home"), (.end, "End"),
            (.resize, "Resize"),
        ]
    )
    func displayName(key: Key, name: String) {
        #expect(key.displayName == name)
    }

    @Test("keys work as dictionary keys, as a key table needs")
    func hashable() {
        let table: [Key: String] = [.character("a"): "approve", .control("c"): "quit", .function(1): "help"]
        #expect(table[.character("a")] == "approve")
        #expect(table[.character("A")] == nil)
        #expect(table[.function(1)] == "help")
    }
}
