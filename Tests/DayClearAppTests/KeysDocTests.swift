import Foundation
import Testing

@testable import DayClearApp

/// `docs/keys.md` is the key table rendered as Markdown, so the doc cannot drift from the keys.
@Suite struct KeysDocTests {
    static let regenerate = "RECORD_SNAPSHOTS=1 swift test --filter KeysDoc"

    /// The key table as Markdown: one section per scope in table order, one row per command.
    static func markdown() -> String {
        var text = """
            # Keys

            <!-- Generated from KeyTable.bindings (Sources/DayClearApp/KeyTable.swift); do not edit by hand.
                 Regenerate with: \(regenerate) -->

            Every key DayClear's terminal UI answers to. A screen's own keys are looked up first, then
            the keys that work everywhere. While a prompt or question is open on the status line, it
            takes the keys: Enter confirms, Esc cancels at once. The `?` help screen shows this same
            table.

            """
        var scopes: [KeyBinding.Scope] = []
        for binding in KeyTable.bindings where !scopes.contains(binding.scope) {
            scopes.append(binding.scope)
        }
        for scope in scopes {
            let title: String
            switch scope {
            case .global: title = "全局 / Everywhere"
            case .screen(let screen): title = "\(screen.title(.zh)) / \(screen.title(.en))"
            }
            text += "\n## \(title)\n\n| Key | 中文 | English |\n| --- | --- | --- |\n"
            var done: [Command] = []
            for binding in KeyTable.bindings where binding.scope == scope && !done.contains(binding.command) {
                done.append(binding.command)
                let keys = KeyTable.bindings.filter { $0.scope == scope && $0.command == binding.command }
                    .map { "`\($0.key.displayName)`" }.joined(separator: " ")
                text += "| \(keys) | \(binding.help.zh) | \(binding.help.en) |\n"
            }
        }
        return text
    }

    @Test func keysDocMatchesTheKeyTable() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/keys.md")
        let expected = Self.markdown()
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try expected.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let actual = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        #expect(
            actual == expected,
            "docs/keys.md differs from the key table; regenerate it with: \(Self.regenerate)")
    }
}
