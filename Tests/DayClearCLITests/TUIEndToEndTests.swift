import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `dayclear tui` in a real terminal (tmux), driven by keys the way a person drives it, and
/// read back from the pane: start, CJK alignment, approve with a key, a second terminal seeing it,
/// resize, a coordinator refused, and the terminal left clean by `q`, SIGTERM and SIGHUP.
///
/// Each test has its own data directory and its own tmux server; waits poll the pane with a deadline.
@Suite(
    "TUI end to end (tmux)", .serialized,
    .enabled(
        if: TmuxSession.isAvailable,
        "tmux is not installed; scripts/install-prerequisites.sh installs it (CI does)"))
struct TUIEndToEndTests {
    // MARK: Start

    @Test("the demo opens with the day and the user in the title, Chinese lists, and columns aligned")
    func startsTheDemo() throws {
        let sandbox = try demoSandbox()
        let day = try sandbox.listsJSON().day
        let tui = try TmuxSession("start", command: tuiCommand(sandbox))
        defer { withExtendedLifetime(sandbox) { tui.kill() } }

        let screen = try tui.waitFor("the lists screen") { $0.contains("第二张清单") && $0.contains("受援单位") }
        let rows = screen.components(separatedBy: "\n")
        let title = rows[0]
        #expect(title.contains("业务日 \(day)"), "title: \(title)")
        #expect(title.contains("用户 \(currentUser)"), "title: \(title)")
        #expect(screen.contains("口罩"), "\(screen)")
        #expect(screen.contains("第一张清单"), "\(screen)")

        // Every drawn row fits the 120 columns, and every box row ends on the last column.
        for row in rows {
            let width = row.reduce(0) { $0 + displayWidth($1) }
            #expect(width <= 120, "row wider than the terminal (\(width)): \(row)")
            if row.hasPrefix("│") || row.hasPrefix("┌") || row.hasPrefix("└") {
                #expect(width == 120, "box row does not end at column 120 (\(width)): \(row)")
            }
        }

        // The goods table: the right-aligned 在库 column ends where its header ends.
        let goods = try #require(rows.firstIndex { $0.contains("物资/规格") && $0.contains("在库") }, "\(screen)")
        let onHandHeader = try #require(displayColumn(of: "在库", in: rows[goods]))
        let goodsRows = rows[(goods + 1)...].prefix { $0.hasPrefix("│") }
        #expect(goodsRows.count >= 5, "\(screen)")
        for row in goodsRows {
            let token = try #require(firstNumber(in: row), "no number in \(row)")
            #expect(
                token.column + token.text.count == onHandHeader + 4,
                "在库 ends at \(onHandHeader + 4), the value \(token.text) at \(token.column + token.text.count): \(row)")
        }

        // The requests table: after a CJK recipient column, the goods and state columns start under their headers.
        let requests = try #require(rows.firstIndex { $0.contains("受援单位") }, "\(screen)")
        let goodsHeader = try #require(displayColumn(of: "物资/规格", in: rows[requests]))
        let stateHeader = try #require(displayColumn(of: "状态", in: rows[requests]))
        let requestRows = rows[(requests + 1)...].prefix { $0.hasPrefix("│") }
        #expect(requestRows.count >= 5, "\(screen)")
        for row in requestRows {
            let goodsText = try #require(goodsCell(in: row), "no goods in \(row)")
            #expect(
                goodsText.column == goodsHeader,
                "物资/规格 at \(goodsHeader), \(goodsText.text) at \(goodsText.column): \(row)")
            let state = try #require(
                ["已提交", "已建议", "已批准", "已退回"].compactMap { displayColumn(of: $0, in: row) }.first,
                "no state in \(row)")
            #expect(state == stateHeader, "状态 at \(stateHeader), the state at \(state): \(row)")
        }
    }

    // MARK: Approve

    @Test("plain dayclear, with no command, opens the terminal UI on $DAYCLEAR_DATA")
    func plainDayclearOpensTheTUI() throws {
        let sandbox = try demoSandbox()
        guard let binary = Package.binary else { throw CLIError.binaryNotFound }
        let command =
            "env DAYCLEAR_DATA=\(shellQuoted(sandbox.data.path)) LC_ALL=zh_CN.UTF-8 \(shellQuoted(binary.path))"
        let tui = try TmuxSession("plain", command: command)
        defer { withExtendedLifetime(sandbox) { tui.kill() } }

        let screen = try tui.waitFor("the lists screen") { $0.contains("第一张清单") && $0.contains("第二张清单") }
        #expect(screen.contains("DayClear 日进日清"), "\(screen)")
    }

    @Test("the README's demo opens on the sample day in Chinese under any locale, and in English with --lang en")
    func demoSpeaksTheSampleDaysLanguage() throws {
        let sandbox = try Sandbox()
        guard let binary = Package.binary else { throw CLIError.binaryNotFound }
        for (index, (option, expected)) in [("", "第二张清单"), (" --lang en", "List 2: dispatch requests")].enumerated() {
            let data = sandbox.root.appendingPathComponent("demo-\(index)").path
            let command =
                "env LC_ALL=C.UTF-8 LANG=en_US.UTF-8 \(shellQuoted(binary.path)) demo --data \(shellQuoted(data))"
                + " --sample-data \(shellQuoted(Package.sampleData.path))\(option)"
            let tui = try TmuxSession("demo-\(index)", command: command)
            defer { withExtendedLifetime(sandbox) { tui.kill() } }
            // The sample's goods are named in Chinese whatever the labels' language.
            try tui.waitFor("\(expected) over the sample day's goods") { $0.contains(expected) && $0.contains("口罩") }
        }
    }

    @Test("plain dayclear without a terminal says so in words and exits non-zero")
    func plainDayclearWithoutATerminal() throws {
        let sandbox = try demoSandbox()
        let result = try sandbox.dayclear(arguments: [])
        #expect(!result.succeeded, result.comment)
        #expect(result.stderr.contains("needs a terminal"), result.comment)
    }

    @Test("a snapshot that does not check out is named in the status line, not lost under the screen")
    func ignoredSnapshotIsShown() throws {
        let sandbox = try demoSandbox()
        try Data("not a snapshot".utf8).write(to: sandbox.data.appendingPathComponent("snapshot.bin"))
        let tui = try TmuxSession("snapshot", command: tuiCommand(sandbox))
        defer { withExtendedLifetime(sandbox) { tui.kill() } }

        let screen = try tui.waitFor("the notice under the lists") { $0.contains("第二张清单") && $0.contains("snapshot") }
        #expect(screen.contains("ignored"), "\(screen)")
    }

    @Test("2 then a approves the proposed request; the screen and the history show it")
    func approvesWithKeys() throws {
        let sandbox = try demoSandbox(proposing: true)
        let before = try sandbox.history("--request", "R-0001")
        let tui = try TmuxSession("approve", command: tuiCommand(sandbox))
        defer { withExtendedLifetime(sandbox) { tui.kill() } }

        try tui.waitFor("第二张清单")
        try tui.send("2")
        try tui.waitFor("R-0001 selected and proposed") { $0.contains("▶ R-0001") && $0.contains("已建议 1 项") }
        try tui.send("a")
        let approved = try tui.waitFor("已批准 R-0001")
        #expect(!approved.contains("▶ R-0001"), "R-0001 left the queue:\n\(approved)")
        #expect(approved.contains("已建议 0 项"), "\(approved)")

        // The lists screen shows the line approved.
        try tui.send("1")
        try tui.waitFor("R-0001's first line approved on the lists screen") { screen in
            screen.components(separatedBy: "\n").contains {
                $0.contains("杭州市西溪医院") && $0.contains("口罩 / 医用防护N95") && $0.contains("已批准")
                    && $0.contains("2000")
            }
        }

        // Another process reads the approval from the store.
        let after = try sandbox.history("--request", "R-0001")
        let new = after.filter { !before.contains($0) }
        #expect(new.count == 1, "new events: \(new)")
        #expect(new.first?.contains("approved R-0001") == true, "new events: \(new)")
        #expect(new.first?.split(separator: "\t").dropFirst(2).first == Substring(currentUser), "\(new)")
    }

    @Test("a second terminal on the same data sees the approval within a second, without a key press")
    func secondTerminalSeesTheApproval() throws {
        let sandbox = try demoSandbox(proposing: true)
        let first = try TmuxSession("first", command: tuiCommand(sandbox))
        let second = try TmuxSession("second", command: tuiCommand(sandbox))
        defer {
            withExtendedLifetime(sandbox) {
                first.kill()
                second.kill()
            }
        }
        for tui in [first, second] {
            try tui.waitFor("第二张清单")
            try tui.send("2")
            try tui.waitFor("R-0001 proposed in the queue") { $0.contains("▶ R-0001") && $0.contains("已建议 1 项") }
        }

        try first.send("a")
        try first.waitFor("已批准 R-0001")
        let shown = Date()
        let seen = try second.waitFor("the approval in the second terminal", timeout: 1.5) {
            !$0.contains("R-0001") && $0.contains("已建议 0 项")
        }
        let latency = Date().timeIntervalSince(shown)
        print("TUI end to end: the second terminal showed the approval \(Int(latency * 1000)) ms after the first")
        #expect(latency < 1.0, "latency \(Int(latency * 1000)) ms:\n\(seen)")
        // Nothing was said in the second terminal's status line: it only folded the change in.
        #expect(!seen.contains("已批准 R-0001"), "\(seen)")
    }

    // MARK: Routes

    @Test("3 shows the shuttle's runs once goods are approved; a bad vehicles.csv is named in their place")
    func showsTheShuttleRuns() throws {
        let sandbox = try demoSandbox(proposing: true)
        // 500 of L-0016's 1,500 N95 masks for H01: a lot shared out, so it rides the shuttle.
        let proposed = try sandbox.dayclear("propose", "R-0001", "--lot", "L-0016", "--quantity", "500")
        try #require(proposed.succeeded, proposed.comment)
        let approved = try sandbox.dayclear("approve", "R-0001")
        try #require(approved.succeeded, approved.comment)
        let tui = try TmuxSession("routes", command: tuiCommand(sandbox))
        defer { withExtendedLifetime(sandbox) { tui.kill() } }

        try tui.waitFor("第二张清单")
        try tui.send("3")
        let screen = try tui.waitFor("邮政专车：1 趟")
        #expect(screen.contains("1 Y03 第1趟  300/3000 升"), "\(screen)")
        #expect(screen.contains("H01 杭州市西溪医院"), "\(screen)")
        #expect(screen.contains("预测（按今日车次）"), "\(screen)")

        let vehicles = sandbox.data.appendingPathComponent("vehicles.csv")
        try "车辆编号,车辆名称,容量（升）,每日趟数\nY01,大车,9000,2\nY02,小车,-300,1\n".write(
            to: vehicles, atomically: true, encoding: .utf8)
        let refused = try tui.waitFor("邮政专车：无法排车")
        #expect(refused.contains("vehicles.csv:3:"), "\(refused)")
    }

    @Test("S on the routes screen asks once, then records the runs shown as the day's plan")
    func recordsTheShuttleRuns() throws {
        let sandbox = try demoSandbox(proposing: true)
        let proposed = try sandbox.dayclear("propose", "R-0001", "--lot", "L-0016", "--quantity", "500")
        try #require(proposed.succeeded, proposed.comment)
        let approved = try sandbox.dayclear("approve", "R-0001")
        try #require(approved.succeeded, approved.comment)
        let tui = try TmuxSession("record-runs", command: tuiCommand(sandbox))
        defer { withExtendedLifetime(sandbox) { tui.kill() } }

        try tui.waitFor("第二张清单")
        try tui.send("3")
        try tui.waitFor("邮政专车：1 趟")
        try tui.send("S")
        try tui.waitFor("趟邮政专车为当日车次？(y/n)")
        try tui.send("y")
        try tui.waitFor("（已记录）")
        let history = try sandbox.history()
        #expect(history.last?.contains("planned 1 shuttle runs") == true, "\(history.suffix(3))")
        #expect(history.last?.contains("route plan") == true, "\(history.suffix(3))")
    }

    @Test(
        "s on the group screen allows a substitute spec for a line, shown on the line and in the history, and revokes it"
    )
    func allowsASubstitute() throws {
        let sandbox = try demoSandbox(proposing: true)
        let tui = try TmuxSession("substitute", command: tuiCommand(sandbox))
        defer { withExtendedLifetime(sandbox) { tui.kill() } }

        try tui.waitFor("第二张清单")
        try tui.send("2")
        try tui.waitFor("R-0001 selected") { $0.contains("▶ R-0001") }
        try tui.send("s")
        try tui.waitFor("R-0001 替代规格（行=规格 允许，-行=规格 撤销）")
        try tui.type("1=KN95", enter: true)
        let screen = try tui.waitFor("可替代 KN95")
        #expect(screen.contains("可替代 KN95（\(currentUser) 允许）"), "\(screen)")
        let history = try sandbox.history("--request", "R-0001")
        #expect(history.last?.contains("allowed spec KN95 for R-0001 line 1") == true, "\(history.suffix(3))")

        // The same key takes the allowance back.
        try tui.send("s")
        try tui.waitFor("R-0001 替代规格")
        try tui.type("-1=KN95", enter: true)
        let revoked = try tui.waitFor("the allowance gone from the line") {
            $0.contains("已撤销 R-0001 第 1 行") && !$0.contains("可替代 KN95")
        }
        #expect(!revoked.contains("未保存"), "\(revoked)")
        let after = try sandbox.history("--request", "R-0001")
        #expect(after.last?.contains("KN95") == true && after.count == history.count + 1, "\(after.suffix(3))")
    }

    // MARK: Resize

    @Test("resizing re-lays the screen at 80×24, says when 60×20 is too small, and recovers at 120×40")
    func resizes() throws {
        let sandbox = try demoSandbox()
        let tui = try TmuxSession("resize", command: tuiCommand(sandbox))
        defer { withExtendedLifetime(sandbox) { tui.kill() } }
        try tui.waitFor("the lists at 120×40") { laidOut($0, width: 120, height: 40) }

        try tui.resize(width: 80, height: 24)
        let small = try tui.waitFor("the lists at 80×24") { laidOut($0, width: 80, height: 24) }
        #expect(small.contains("业务日"), "\(small)")
        #expect(small.contains("受援单位"), "\(small)")

        try tui.resize(width: 60, height: 20)
        let tiny = try tui.waitFor("the too-small message") { $0.contains("终端太小") && $0.contains("60×20") }
        #expect(tiny.contains("80×24"), "names the size it needs:\n\(tiny)")
        #expect(!tiny.contains("┌"), "draws no boxes when too small:\n\(tiny)")

        try tui.resize(width: 120, height: 40)
        let back = try tui.waitFor("the lists at 120×40 again") { laidOut($0, width: 120, height: 40) }
        #expect(!back.contains("终端太小"), "\(back)")
        // Still responsive to keys after the resizes.
        try tui.send("2")
        try tui.waitFor("审批群：")
    }

    // MARK: Roles

    @Test("a coordinator who presses approve is told approving needs the approver role, and nothing changes")
    func coordinatorRefused() throws {
        let sandbox = try demoSandbox(proposing: true)
        let admin = try sandbox.dayclear("roster", "grant", "dayclear-test-admin", "admin")
        try #require(admin.succeeded, admin.comment)
        let revoked = try sandbox.dayclear("roster", "revoke", currentUser, "admin", "approver", "task-force", "viewer")
        try #require(revoked.succeeded, revoked.comment)
        let before = try sandbox.history()
        let tui = try TmuxSession("coordinator", command: tuiCommand(sandbox))
        defer { withExtendedLifetime(sandbox) { tui.kill() } }

        let title = try tui.waitFor("第二张清单").components(separatedBy: "\n")[0]
        #expect(title.contains("仓库协调员"), "title: \(title)")
        #expect(!title.contains("审批人"), "title: \(title)")
        try tui.send("2")
        try tui.waitFor("R-0001 selected") { $0.contains("▶ R-0001") }
        try tui.send("a")
        let refused = try tui.waitFor("the refusal") { screen in
            let status = statusLine(screen)
            return status.contains("approver") || status.contains("审批人")
        }
        let status = statusLine(refused)
        #expect(status.lowercased().contains("approv") || status.contains("批准"), "status: \(status)")
        #expect(refused.contains("▶ R-0001") && refused.contains("已建议 1 项"), "R-0001 still waits:\n\(refused)")
        #expect(!refused.contains("已批准 R-0001"), "\(refused)")
        #expect(try sandbox.history() == before, "no event recorded")
    }

    // MARK: Leaving the terminal clean

    @Test("q returns to the shell prompt with the terminal in canonical mode and echoing")
    func quitLeavesTheTerminalClean() throws {
        let sandbox = try demoSandbox()
        let shell = try TmuxSession("quit", command: "env PS1='READY$ ' bash --norc --noprofile")
        defer { withExtendedLifetime(sandbox) { shell.kill() } }
        try shell.waitFor("READY$")
        try shell.type(tuiCommand(sandbox), enter: true)
        try shell.waitFor("第二张清单")
        try shell.send("q")
        let back = try shell.waitFor("the prompt after quitting") { lastLine($0) == "READY$" }
        #expect(!back.contains("DayClear 日进日清"), "the TUI's frame is gone (alternate screen left):\n\(back)")

        try shell.type("stty -a; echo STTY-DONE", enter: true)
        let stty = try shell.waitFor("stty's output") { $0.contains("STTY-DONE\nREADY$") }
        let flags = sttyFlags(stty)
        #expect(flags.contains("icanon") && !flags.contains("-icanon"), "\(stty)")
        #expect(flags.contains("echo") && !flags.contains("-echo"), "\(stty)")
        // The shell still reads a line and echoes what is typed.
        try shell.type("echo typed-$((6*7))", enter: true)
        try shell.waitFor("typed-42")
    }

    @Test(
        "SIGTERM and SIGHUP restore the terminal and lose nothing acknowledged",
        arguments: [("SIGTERM", SIGTERM), ("SIGHUP", SIGHUP)])
    func terminationSignal(name: String, signal: Int32) throws {
        let sandbox = try demoSandbox(proposing: true)
        let shell = try TmuxSession(name, command: "env PS1='READY$ ' bash --norc --noprofile")
        defer { withExtendedLifetime(sandbox) { shell.kill() } }
        try shell.waitFor("READY$")
        // `sh` (not the interactive shell, which could repair the terminal itself) reports what the TUI left.
        try shell.type("sh -c '\(tuiCommand(sandbox)); echo TUI-EXIT=$?; stty -a; echo STTY-DONE'", enter: true)
        try shell.waitFor("第二张清单")
        try shell.send("2")
        try shell.waitFor("R-0001 selected") { $0.contains("▶ R-0001") }
        try shell.send("a")
        try shell.waitFor("已批准 R-0001")

        let pids = try tuiProcesses(sandbox)
        try #require(pids.count == 1, "one TUI process on \(sandbox.data.path): \(pids)")
        #expect(kill(pids[0], signal) == 0)
        let after = try shell.waitFor("the prompt after \(name)") { $0.contains("STTY-DONE\nREADY$") }
        let exit = after.components(separatedBy: "\n").last { $0.hasPrefix("TUI-EXIT=") } ?? "?"
        print("TUI end to end: after \(name) the TUI exited with \(exit)")
        #expect(exit == "TUI-EXIT=\(128 + signal)", "a signal ends the TUI with 128 + its number")
        #expect(!after.contains("DayClear 日进日清"), "the TUI's frame is gone:\n\(after)")
        let flags = sttyFlags(after)
        #expect(flags.contains("icanon") && !flags.contains("-icanon"), "\(after)")
        #expect(flags.contains("echo") && !flags.contains("-echo"), "\(after)")
        #expect(try tuiProcesses(sandbox).isEmpty, "the TUI is gone")

        let history = try sandbox.history("--request", "R-0001")
        #expect(history.contains { $0.contains("approved R-0001") }, "\(history)")
    }
}

// MARK: - Helpers

/// A fresh `demo` data directory; with `proposing`, R-0001's first line is proposed 2000 from L-0001.
private func demoSandbox(proposing: Bool = false, _ name: String = #function) throws -> Sandbox {
    let sandbox = try Sandbox(name)
    let demo = try sandbox.dayclear("demo")
    try #require(demo.succeeded, demo.comment)
    if proposing {
        let proposed = try sandbox.dayclear("propose", "R-0001", "--lot", "L-0001", "--quantity", "2000")
        try #require(proposed.succeeded, proposed.comment)
    }
    return sandbox
}

/// The shell command that opens the TUI in Chinese on the sandbox's data directory.
private func tuiCommand(_ sandbox: Sandbox) throws -> String {
    guard let binary = Package.binary else { throw CLIError.binaryNotFound }
    return "\(shellQuoted(binary.path)) tui --data \(shellQuoted(sandbox.data.path)) --lang zh"
}

private func shellQuoted(_ text: String) -> String {
    text.allSatisfy { $0.isLetter || $0.isNumber || "/._-".contains($0) }
        ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// The `dayclear tui` processes on the sandbox's data directory, found in /proc by their arguments.
private func tuiProcesses(_ sandbox: Sandbox) throws -> [pid_t] {
    guard let binary = Package.binary else { throw CLIError.binaryNotFound }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> pid_t? in
        guard let pid = pid_t(entry),
            let bytes = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
        else { return nil }
        let arguments = bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard arguments.first == binary.path, arguments.dropFirst().first == "tui",
            arguments.contains(sandbox.data.path)
        else { return nil }
        return pid
    }
}

/// Whether the pane shows the lists screen laid out for exactly `width`×`height`.
private func laidOut(_ screen: String, width: Int, height: Int) -> Bool {
    let rows = screen.components(separatedBy: "\n")
    guard rows.count >= height, rows.count <= height + 1, screen.contains("受援单位"), screen.contains("业务日")
    else { return false }
    let widths = rows.map { $0.reduce(0) { $0 + displayWidth($1) } }
    let boxes = zip(rows, widths).filter { $0.0.hasPrefix("┌") || $0.0.hasPrefix("└") }
    return widths.allSatisfy { $0 <= width } && boxes.count >= 2 && boxes.allSatisfy { $0.1 == width }
}

/// The status line: the second last row of the frame.
private func statusLine(_ screen: String) -> String {
    var rows = screen.components(separatedBy: "\n")
    while rows.last?.isEmpty == true { rows.removeLast() }
    return rows.count >= 2 ? rows[rows.count - 2] : ""
}

/// The last non-empty row of the pane.
private func lastLine(_ screen: String) -> String {
    screen.components(separatedBy: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?
        .trimmingCharacters(in: .whitespaces) ?? ""
}

/// The words of the last `stty -a` output on the screen (`icanon`, `-echo`, …): from its `speed` line
/// to the `STTY-DONE` marker echoed after it.
private func sttyFlags(_ text: String) -> Set<String> {
    let rows = text.components(separatedBy: "\n")
    guard let start = rows.lastIndex(where: { $0.hasPrefix("speed ") }) else { return [] }
    let output = rows[start...].prefix { $0 != "STTY-DONE" }
    return Set(output.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init))
}

/// The first all-digit word of a row and the display column it starts at.
private func firstNumber(in row: String) -> (text: String, column: Int)? {
    var column = 0
    var word = ""
    var start = 0
    for character in row + " " {
        if character == " " || character == "│" {
            if !word.isEmpty && word.allSatisfy(\.isASCII) && word.allSatisfy(\.isNumber) {
                return (word, start)
            }
            word = ""
        } else {
            if word.isEmpty { start = column }
            word.append(character)
        }
        column += displayWidth(character)
    }
    return nil
}

/// The goods cell of a request row (`kind / spec`) and the display column it starts at.
private func goodsCell(in row: String) -> (text: String, column: Int)? {
    guard let slash = row.range(of: " / ") else { return nil }
    let before = row[..<slash.lowerBound]
    let kindStart = before.lastIndex(of: " ").map { row.index(after: $0) } ?? row.startIndex
    let text = String(row[kindStart...].prefix(12))
    let column = row[..<kindStart].reduce(0) { $0 + displayWidth($1) }
    return (text, column)
}
