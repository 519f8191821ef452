import Foundation
import Testing

/// The commands the brief promises; the root help may list more.
private let documentedCommands = [
    "init", "demo", "import", "lists", "receive", "value", "propose", "approve", "return", "reject", "cancel",
    "resubmit", "dispatch", "deliver", "paperwork-done", "history", "export",
]

/// The subcommand names listed under SUBCOMMANDS in a help text.
private func subcommands(inHelp help: String) -> [String] {
    var names: [String] = []
    var inSection = false
    for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("SUBCOMMANDS:") {
            inSection = true
            continue
        }
        guard inSection else { continue }
        // Entries are indented by two spaces; wrapped abstracts by many more.
        guard line.hasPrefix("  "), !line.hasPrefix("   "),
            let name = line.split(separator: " ", omittingEmptySubsequences: true).first
        else {
            if !line.hasPrefix(" "), !line.isEmpty { inSection = false }
            continue
        }
        // A command name is lower-case letters and hyphens; "See 'dayclear help …'" is not one.
        if name.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) { names.append(String(name)) }
    }
    return names
}

@Suite("--help")
struct HelpTests {
    @Test("the root help lists every command")
    func rootHelp() throws {
        let result = try run(["--help"])
        #expect(result.status == 0, result.comment)
        #expect(result.stdout.contains("USAGE: dayclear"), result.comment)
        let listed = subcommands(inHelp: result.stdout)
        for command in documentedCommands {
            #expect(listed.contains(command), "root --help does not list \(command): \(listed)")
        }
    }

    @Test("every command answers --help", arguments: documentedCommands + ["export day-end"])
    func commandHelp(_ command: String) throws {
        let words = command.split(separator: " ").map(String.init)
        let result = try run(words + ["--help"])
        #expect(result.status == 0, result.comment)
        #expect(result.stdout.contains("USAGE: dayclear \(command)"), result.comment)
        #expect(result.stdout.contains("--help"), result.comment)
        #expect(result.stderr.isEmpty, result.comment)
    }

    @Test("commands the root help lists beyond the documented ones also answer --help")
    func discoveredCommandsHelp() throws {
        let root = try run(["--help"])
        try #require(root.status == 0, root.comment)
        for command in subcommands(inHelp: root.stdout) where command != "help" {
            let result = try run([command, "--help"])
            #expect(result.status == 0, result.comment)
            #expect(result.stdout.contains("USAGE: dayclear \(command)"), result.comment)
        }
    }

    @Test("`dayclear help COMMAND` matches `COMMAND --help`")
    func helpSubcommand() throws {
        let viaHelp = try run(["help", "import"])
        let viaFlag = try run(["import", "--help"])
        #expect(viaHelp.status == 0, viaHelp.comment)
        #expect(viaHelp.stdout == viaFlag.stdout)
    }

    @Test("commands that take --data document it")
    func dataOptionDocumented() throws {
        for command in documentedCommands where command != "export" {
            let result = try run([command, "--help"])
            #expect(result.stdout.contains("--data"), "\(command) --help does not mention --data")
        }
    }
}
