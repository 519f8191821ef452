import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A shared host in miniature, for the server's end-to-end tests: real
/// operating-system users and a group made with `useradd`/`groupadd`, a data
/// directory owned by a service account, and `dayclear serve` running as that
/// account. Everything it creates is removed by `tearDown`.
final class ServerHost {
    /// Only root can create users and switch to them.
    static var canRun: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd") }

    let root: URL
    let data: URL
    let socket: String
    let group: String
    let service: String
    /// Named users made for the test, in the group unless made with `inGroup: false`.
    private(set) var users: [String] = []
    private var server: Process?
    let serverLog: URL
    /// The binary and the sample day, copied where every test user can read them (the
    /// checkout may sit in a folder only root can enter).
    let binary: URL
    let sampleData: URL

    init(_ label: String) throws {
        // User names are at most 32 characters; a short random tag keeps parallel runs apart.
        let tag = String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(6))
        group = "dc\(tag)"
        service = "dc\(tag)svc"
        root = URL(fileURLWithPath: "/tmp/dayclear-server-\(label.prefix(20))-\(tag)", isDirectory: true)
        data = root.appendingPathComponent("srv/data", isDirectory: true)
        socket = root.appendingPathComponent("run/dayclear.sock").path
        serverLog = root.appendingPathComponent("serve.log")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        guard let built = Package.binary else { throw CLIError.binaryNotFound }
        binary = root.appendingPathComponent("dayclear")
        sampleData = root.appendingPathComponent("SampleData", isDirectory: true)
        // Copied by cp, not in this process: a descriptor open for writing here could be inherited
        // by a process another test starts at that moment, and exec of the copy then fails with
        // "text file busy" (exit 126).
        try shell("cp", built.path, binary.path)
        try FileManager.default.copyItem(at: Package.sampleData, to: sampleData)
        chmod(binary.path, 0o755)
        try shell("groupadd", group)
        try shell("useradd", "-M", "-N", "-g", group, "-s", "/usr/sbin/nologin", "-d", "/nonexistent", service)
        users.append(service)
        // The service account's home for the data: nobody else may even look inside.
        try shell("install", "-d", "-o", service, "-g", group, "-m", "0700", root.appendingPathComponent("srv").path)
        // As systemd's RuntimeDirectory= makes /run/dayclear: the service's, open to the group only.
        try shell("install", "-d", "-o", service, "-g", group, "-m", "0750", root.appendingPathComponent("run").path)
    }

    /// Creates a user, in the host's group unless `inGroup` is false.
    func addUser(_ suffix: String, inGroup: Bool = true) throws -> String {
        let name = "\(group)\(suffix)"
        var arguments = ["-M", "-N", "-s", "/bin/sh", "-d", "/nonexistent"]
        if inGroup { arguments += ["-g", group] }
        try shell("useradd", arguments: arguments + [name])
        users.append(name)
        return name
    }

    /// `dayclear demo` as the service account: the sample day, the service account holding every role.
    func initialiseDemo() throws {
        let demo = try dayclear(as: service, ["demo", "--data", data.path, "--sample-data", sampleData.path])
        try #require(demo.succeeded, demo.comment)
    }

    /// Starts `dayclear serve` (with `options`) as the service account and waits for its socket;
    /// with `groupOption` false, without `--group`, so the roster's group applies.
    func startServer(_ options: [String] = [], groupOption: Bool = true) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments =
            switchUser(service) + [binary.path, "serve", "--data", data.path, "--socket", socket]
            + (groupOption ? ["--group", group] : []) + options
        try #require(
            FileManager.default.createFile(atPath: serverLog.path, contents: nil), "cannot create \(serverLog.path)")
        let log = try FileHandle(forWritingTo: serverLog)
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        process.currentDirectoryURL = root
        try process.run()
        server = process
        try waitUntil("the server's socket at \(socket)", timeout: 20) {
            (try? ServerHost.connects(socket)) == true || !process.isRunning
        }
        try #require(process.isRunning, "dayclear serve exited: \(serverText())")
    }

    var serverPID: pid_t? { server?.processIdentifier }

    /// Sends `signal` to the server; for SIGKILL, waits until it has gone.
    func signalServer(_ signal: Int32) {
        guard let server else { return }
        kill(server.processIdentifier, signal)
        if signal == SIGKILL {
            server.waitUntilExit()
            self.server = nil
        }
    }

    func serverText() -> String { (try? String(contentsOf: serverLog, encoding: .utf8)) ?? "" }

    /// Runs `dayclear ARGS` as `user` (uid, gid and supplementary groups switched by setpriv).
    func dayclear(as user: String, _ arguments: [String]) throws -> RunResult {
        try runProgram("/usr/bin/setpriv", switchUser(user) + [binary.path] + arguments)
    }

    /// `setpriv` arguments that become `user` with their groups.
    func switchUser(_ user: String) -> [String] {
        ["--reuid", user, "--regid", primaryGroup(of: user), "--init-groups", "--reset-env", "--"]
    }

    /// The shell command that runs `command` as `user`, for a tmux pane.
    func shellCommand(as user: String, _ arguments: [String]) throws -> String {
        let words =
            ["/usr/bin/setpriv"] + switchUser(user) + ["/usr/bin/env", "LC_ALL=C.UTF-8", "TERM=xterm-256color"]
            + [binary.path] + arguments
        return words.map(quoted).joined(separator: " ")
    }

    func tearDown() {
        if let server, server.isRunning {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        server = nil
        // Anything a user still runs (a TUI) must end before the user can be removed.
        for user in users.reversed() {
            _ = try? runProgram("/usr/bin/pkill", ["-KILL", "-u", user])
            // userdel refuses a user whose processes are still being reaped.
            try? waitUntil("\(user)'s processes to end", timeout: 10) { liveProcesses(of: user).isEmpty }
            _ = try? runProgram("/usr/sbin/userdel", [user])
        }
        _ = try? runProgram("/usr/sbin/groupdel", [group])
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: - Helpers

    private func primaryGroup(of user: String) -> String {
        guard let entry = getpwnam(user), let group = getgrgid(entry.pointee.pw_gid), let name = group.pointee.gr_name
        else { return self.group }
        return String(cString: name)
    }

    private func shell(_ program: String, _ arguments: String...) throws {
        try shell(program, arguments: arguments)
    }

    private func shell(_ program: String, arguments: [String]) throws {
        let path = ["/usr/sbin/", "/usr/bin/", "/bin/"].map { $0 + program }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        let result = try runProgram(path ?? program, arguments)
        try #require(result.succeeded, result.comment)
    }

    /// Whether a server answers at `path`.
    static func connects(_ path: String) throws -> Bool {
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0
            }
        }
    }
}

/// Runs any program and waits for it, output captured.
func runProgram(_ path: String, _ arguments: [String]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = Package.root
    var environment = ProcessInfo.processInfo.environment
    environment["DAYCLEAR_DATA"] = nil
    environment["LC_ALL"] = "C.UTF-8"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errorHandle = errors.fileHandleForReading
    let box = DataBox()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { box.set(errorHandle.readDataToEndOfFile()) }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
        stderr: String(decoding: box.get(), as: UTF8.self), arguments: [path] + arguments)
}

private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}

/// Polls `condition` every 20 ms until it holds; fails the test naming `what` after `timeout` seconds.
func waitUntil(_ what: String, timeout: TimeInterval, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return }
        usleep(20_000)
    }
    Issue.record("timed out after \(Int(timeout)) s waiting for \(what)")
    throw ServerTestError.timedOut(what)
}

enum ServerTestError: Error { case timedOut(String) }

private func quoted(_ text: String) -> String {
    text.allSatisfy { $0.isLetter || $0.isNumber || "/._-=".contains($0) }
        ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
