import Testing

@testable import DayClearCore

@Suite("Snapshot coding")
struct SnapshotCodingTests {
    @Test("strings Swift holds equal but spelled differently keep their own bytes through the table")
    func canonicallyEqualSpellings() throws {
        let composed = "Caf\u{E9}"
        let decomposed = "Cafe\u{301}"
        #expect(composed == decomposed)
        var writer = SnapshotWriter()
        for text in [composed, decomposed, composed] { writer.string(text) }
        let bytes = writer.bytes
        let read = try bytes.withUnsafeBytes { buffer in
            var reader = try SnapshotReader(buffer)
            return try (0..<3).map { _ in try reader.string() }
        }
        #expect(read.map { Array($0.utf8) } == [composed, decomposed, composed].map { Array($0.utf8) })
    }
}
