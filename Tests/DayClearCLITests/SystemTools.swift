import Foundation

/// Runs a system tool found on the PATH and waits for it; stdin is empty unless given.
@discardableResult
func runSystemTool(_ tool: String, _ arguments: [String], input: String? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    let errors = Pipe()
    let stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin
    try process.run()
    if let input { try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let errorHandle = errors.fileHandleForReading
    let errorData = ByteCollector()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { errorData.data = errorHandle.readDataToEndOfFile() }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
        stderr: String(decoding: errorData.data, as: UTF8.self), arguments: [tool] + arguments)
}

private final class ByteCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = Data()
    var data: Data {
        get { lock.withLock { storage } }
        set { lock.withLock { storage = newValue } }
    }
}

/// Whether `tool` runs here with these arguments (e.g. `strace` may be present but barred from tracing).
func toolWorks(_ tool: String, _ arguments: [String]) -> Bool {
    (try? runSystemTool(tool, arguments))?.status == 0
}

/// File systems mounted for a test; needs root with CAP_SYS_ADMIN, as CI runs.
enum TestMount {
    /// Whether mounting works here: tried once with a tiny tmpfs.
    static let available: Bool = {
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("dayclear-mount-probe-\(getpid())")
        guard (try? FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)) != nil else {
            return false
        }
        defer { try? FileManager.default.removeItem(at: point) }
        guard toolWorks("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", point.path]) else { return false }
        return toolWorks("umount", [point.path])
    }()

    /// A tmpfs of `bytes` at `path` (created if needed).
    static func tmpfs(at path: String, bytes: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = try runSystemTool("mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path])
        guard result.status == 0 else { throw MountError(result) }
    }

    /// A read-only view of `source` at `path`.
    static func readOnlyBind(_ source: String, at path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for arguments in [["--bind", source, path], ["-o", "remount,bind,ro", path]] {
            let result = try runSystemTool("mount", arguments)
            guard result.status == 0 else { throw MountError(result) }
        }
    }

    static func unmount(_ path: String) {
        _ = try? runSystemTool("umount", [path])
    }

    struct MountError: Error, CustomStringConvertible {
        let result: RunResult
        init(_ result: RunResult) { self.result = result }
        var description: String { "mount failed: \(result)" }
    }
}
