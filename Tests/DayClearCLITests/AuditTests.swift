import Foundation
import Testing

/// `yyyy-MM-dd HH:mm` in a time zone.
private func localMinute(_ date: Date, in zone: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: zone)
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
}

/// The operational day containing `date` for a centre in `zone` with a 16:00 cutoff.
private func operationalDay(_ date: Date, in zone: String) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: zone)!
    let hour = calendar.component(.hour, from: date)
    let day = hour >= 16 ? calendar.date(byAdding: .day, value: 1, to: date)! : date
    let parts = calendar.dateComponents([.year, .month, .day], from: day)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}

@Suite("the audit trail and the centre's clock")
struct AuditTests {
    @Test("history keeps one line per event, whatever a reason contains")
    func historyLinesCannotBeForged() throws {
        let sandbox = try Sandbox.withSampleDay()
        let request = try #require(try SampleFiles.requests().records.first?["申请编号"])
        let forged = "forged\n99999\t2026-01-01 00:00\tadmin\tapproved everything\r\nmore"
        let rejected = try sandbox.dayclear("reject", request, "--reason", forged)
        // Refusing such a reason is as good as recording it safely; either way the trail stays honest.
        let history = try sandbox.history()
        let malformed = history.enumerated().filter { index, line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return fields.count < 4 || Int(fields[0]) != index + 1 || fields[2] != Substring(currentUser)
        }.map(\.element)
        #expect(
            malformed.isEmpty,
            "history must print one `SEQ\\tTIME\\tACTOR\\tSUMMARY` line per event; a reason made these lines: \(malformed)"
        )
        if rejected.succeeded, let event = eventNumbers(in: rejected.stdout).first {
            let line = history.first { $0.hasPrefix("\(event)\t") }
            #expect(line?.contains("rejected \(request)") == true, "\(String(describing: line))")
            #expect(line?.contains("forged") == true, "the reason is kept in some form: \(String(describing: line))")
        }
    }

    @Test("a recipient name with a line break cannot forge history lines either")
    func importedTextCannotForgeHistory() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.dayclear("init", "--time-zone", "Asia/Shanghai").succeeded)
        let file = sandbox.path("recipients.csv")
        let csv =
            "单位编号,单位名称,优先级,纬度,经度,联系人\r\nH99,\"某医院\r\n424242\t2026-01-01 00:00\tadmin\tforged\",定点医院,30.2,120.1,某人\r\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        _ = try sandbox.dayclear("import", "recipients", file)
        let history = try sandbox.history()
        let malformed = history.enumerated().filter { index, line in !line.hasPrefix("\(index + 1)\t") }.map(\.element)
        #expect(
            malformed.isEmpty,
            "history must print one line per event; a recipient's name made these lines: \(malformed)")
    }

    @Test("times are shown in the centre's time zone and the current day follows its cutoff")
    func centreClock() throws {
        let sandbox = try Sandbox.withSampleDay()
        let request = try #require(try SampleFiles.requests().records.first?["申请编号"])
        let before = Date()
        try #require(try sandbox.dayclear("reject", request, "--reason", "clock check").succeeded)
        let after = Date()
        let last = try #require(try sandbox.history().last)
        let time = String(last.split(separator: "\t")[1])
        let allowed = Set([localMinute(before, in: "Asia/Shanghai"), localMinute(after, in: "Asia/Shanghai")])
        #expect(allowed.contains(time), "history shows \(time); now in Asia/Shanghai is \(allowed)")

        let day = try sandbox.listsJSON().day
        let expectedDays = Set([
            operationalDay(before, in: "Asia/Shanghai"), operationalDay(Date(), in: "Asia/Shanghai"),
        ])
        #expect(expectedDays.contains(day), "lists shows \(day); the operational day is \(expectedDays)")
    }

    @Test("init refuses an unknown time zone or cutoff and creates nothing")
    func badInit() throws {
        let sandbox = try Sandbox()
        let zone = try sandbox.dayclear("init", "--time-zone", "Mars/Olympus_Mons")
        #expect(zone.status != 0, zone.comment)
        #expect(zone.stderr.contains("Mars/Olympus_Mons"), zone.comment)
        let cutoff = try sandbox.dayclear("init", "--cutoff", "25:00")
        #expect(cutoff.status != 0, cutoff.comment)
        #expect(cutoff.stderr.contains("25:00"), cutoff.comment)
        #expect(!FileManager.default.fileExists(atPath: sandbox.data.appendingPathComponent("dayclear.sqlite").path))
    }

    @Test("the data directory is readable by its owner only")
    func ownerOnly() throws {
        let sandbox = try Sandbox()
        try #require(try sandbox.dayclear("init").succeeded)
        let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.data.path)
        let permissions = try #require(attributes[.posixPermissions] as? NSNumber).intValue
        #expect(permissions & 0o077 == 0, "data directory mode \(String(permissions, radix: 8))")
    }

    @Test("exported text a spreadsheet would run as a formula is neutralised")
    func formulaSafeExport() throws {
        let sandbox = try Sandbox.withSampleDay()
        let file = sandbox.path("formula.csv")
        let csv = """
            批次号,物资名称,规格,数量,单位,捐赠方,预计到达
            F-1,口罩,KN95,10,只,"=HYPERLINK(""http://example.invalid"",""点此"")",2026-02-10 09:00
            F-2,口罩,KN95,5,只,@SUM(A1),2026-02-10 09:00
            F-3,口罩,KN95,5,只,+cmd|' /C calc'!A0,2026-02-10 09:00

            """
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        try #require(try sandbox.dayclear("import", "stock", file).succeeded)
        for lot in ["F-1", "F-2", "F-3"] { try #require(try sandbox.dayclear("receive", lot).succeeded) }
        let out = sandbox.path("out")
        try #require(try sandbox.dayclear("export", "day-end", "--out", out).succeeded)
        let day = try sandbox.listsJSON().day
        let receipts = try CSVFile(path: "\(out)/\(day)-receipts.csv")
        let donors = receipts.records.filter { ($0["批次号"] ?? "").hasPrefix("F-") }.map { $0["捐赠方"] ?? "" }
        #expect(donors.count == 3, "\(receipts.records)")
        for donor in donors {
            #expect(!["=", "+", "-", "@"].contains(donor.first.map(String.init) ?? ""), "formula-like cell \(donor)")
        }
        let lists = try sandbox.dayclear("lists", "--format", "csv")
        for row in CSVFile(text: lists.stdout).records where (row["批次号"] ?? "").hasPrefix("F-") {
            #expect(!["=", "+", "@"].contains(row["捐赠方"]?.first.map(String.init) ?? ""), "\(row)")
        }
    }
}
