import Foundation
import TerminalUI
import Testing

/// Compares a buffer's text with `__Snapshots__/<name>.txt` beside this file.
///
/// With `RECORD_SNAPSHOTS=1` in the environment the file is rewritten instead. A missing file
/// is recorded and the test fails, so a new snapshot is always looked at once.
func assertSnapshot(_ buffer: CellBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent(name + ".txt")
    let actual = buffer.lines().joined(separator: "\n") + "\n"
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let existing = try? String(contentsOf: file, encoding: .utf8)
    if recording || existing == nil {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("Could not write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        if !recording {
            Issue.record("Recorded missing snapshot \(name); check it and run again", sourceLocation: sourceLocation)
        }
        return
    }
    #expect(actual == existing, "snapshot \(name) differs", sourceLocation: sourceLocation)
}
