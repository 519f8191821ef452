import Foundation
import TerminalUI
import Testing

/// Compares a buffer's text with `__Snapshots__/<name>.txt`; `RECORD_SNAPSHOTS=1` rewrites the file.
func assertSnapshot(_ buffer: CellBuffer, named name: String, filePath: String = #filePath) throws {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent(name + ".txt")
    let actual = buffer.lines().joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(actual == expected, "snapshot \(name) differs; rerun with RECORD_SNAPSHOTS=1 to accept:\n\(actual)")
}
