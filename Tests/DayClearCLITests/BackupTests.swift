import Foundation
import Testing

@Suite("dayclear backup")
struct BackupTests {
    @Test("backup writes a copy that verifies with the same head, and refuses to overwrite a file")
    func backupVerifies() throws {
        let sandbox = try Sandbox.withSampleDay()
        // Written as the database of another data folder, so it can be checked as a restore would be.
        let restored = sandbox.root.appendingPathComponent("restored", isDirectory: true)
        try FileManager.default.createDirectory(at: restored, withIntermediateDirectories: true)
        let target = restored.appendingPathComponent("dayclear.sqlite").path
        let backup = try sandbox.dayclear("backup", "--out", target)
        #expect(backup.succeeded, backup.comment)
        let verify = try sandbox.dayclear("verify")
        let head = try #require(
            verify.stdout.components(separatedBy: "chain head ").last?.split(separator: "\n").first.map(String.init))
        #expect(backup.stdout.contains("chain head \(head)"), backup.comment)
        let copy = try run(["verify", "--data", restored.path, "--expect", head])
        #expect(copy.succeeded, copy.comment)
        #expect(copy.stdout.contains("matches the published pair"), copy.comment)
        let again = try sandbox.dayclear("backup", "--out", target)
        #expect(!again.succeeded, again.comment)
        #expect(again.stderr.contains("already exists"), again.comment)
    }
}
