import Foundation
import SeededRandom
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Locations

enum Package {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DayClearCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let sampleData = root.appendingPathComponent("SampleData", isDirectory: true)

    static func sample(_ name: String) -> String {
        sampleData.appendingPathComponent("\(name).csv").path
    }

    /// The built `dayclear` executable: `$DAYCLEAR_BINARY`, else the first
    /// `dayclear` found walking up from the test bundle or test executable
    /// (`.build/debug/dayclear`, `.build/<triple>/debug/dayclear`).
    static let binary: URL? = {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["DAYCLEAR_BINARY"], fm.isExecutableFile(atPath: explicit)
        {
            return URL(fileURLWithPath: explicit)
        }
        var starts = [Bundle.main.bundleURL]
        starts += CommandLine.arguments.prefix(1).map { URL(fileURLWithPath: $0) }
        starts += Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var directory = start.standardizedFileURL.resolvingSymlinksInPath()
            for _ in 0..<6 {
                let candidate = directory.appendingPathComponent("dayclear")
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    fm.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }()
}

/// The operating-system user the commands record as the actor.
let currentUser: String = {
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? "uid\(geteuid())"
}()

// MARK: - Running the binary

struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var arguments: [String]

    var succeeded: Bool { status == 0 }
    var description: String {
        "dayclear \(arguments.joined(separator: " ")) → exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
    }
    var comment: Comment { Comment(rawValue: description) }
}

/// Accumulates bytes read on another thread.
private final class ByteBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = Data()
    var data: Data {
        get { lock.withLock { storage } }
        set { lock.withLock { storage = newValue } }
    }
}

enum CLIError: Error, CustomStringConvertible {
    case binaryNotFound
    var description: String {
        "cannot find the built dayclear executable next to the test bundle; set DAYCLEAR_BINARY"
    }
}

/// Runs `dayclear` with `arguments`, feeding `stdin`, and waits for it.
/// Both pipes are drained concurrently so a chatty child can never block.
func run(_ arguments: [String], stdin: String? = nil, in directory: URL = Package.root) throws -> RunResult {
    guard let binary = Package.binary else { throw CLIError.binaryNotFound }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["DAYCLEAR_DATA"] = nil
    environment["LC_ALL"] = "C.UTF-8"
    process.environment = environment

    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input

    try process.run()
    let group = DispatchGroup()
    let errorBytes = ByteBox()
    let errorHandle = errors.fileHandleForReading
    DispatchQueue.global().async(group: group) {
        errorBytes.data = errorHandle.readDataToEndOfFile()
    }
    let inputHandle = input.fileHandleForWriting
    let inputBytes = Data((stdin ?? "").utf8)
    DispatchQueue.global().async(group: group) {
        if !inputBytes.isEmpty { try? inputHandle.write(contentsOf: inputBytes) }
        try? inputHandle.close()
    }
    let outputBytes = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        stdout: String(decoding: outputBytes, as: UTF8.self),
        stderr: String(decoding: errorBytes.data, as: UTF8.self),
        arguments: arguments)
}

// MARK: - A data directory per test

/// A temporary folder holding one test's data directory and files; removed when released.
final class Sandbox {
    let root: URL
    /// The data directory passed as `--data` (not created until `init`/`demo`).
    let data: URL

    /// `data` places the data directory elsewhere, e.g. on a small disk mounted for the test.
    init(_ name: String = #function, data: URL? = nil) throws {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "dayclear-clitests-\(safe.prefix(40))-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        self.data = data ?? root.appendingPathComponent("data", isDirectory: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Runs a command against this sandbox's data directory.
    @discardableResult
    func dayclear(_ arguments: String..., stdin: String? = nil) throws -> RunResult {
        try run(arguments + ["--data", data.path], stdin: stdin)
    }

    @discardableResult
    func dayclear(arguments: [String]) throws -> RunResult {
        try run(arguments + ["--data", data.path])
    }

    /// `init --time-zone Asia/Shanghai` and the three sample files.
    static func withSampleDay(_ name: String = #function, data: URL? = nil) throws -> Sandbox {
        let sandbox = try Sandbox(name, data: data)
        let initialised = try sandbox.dayclear("init", "--time-zone", "Asia/Shanghai")
        try #require(initialised.succeeded, initialised.comment)
        for kind in ["recipients", "stock", "requests"] {
            let imported = try sandbox.dayclear("import", kind, Package.sample(kind))
            try #require(imported.succeeded, imported.comment)
        }
        return sandbox
    }

    /// `lists --format json`, parsed.
    func listsJSON(day: String? = nil) throws -> Lists {
        var arguments = ["lists", "--format", "json"]
        if let day { arguments += ["--day", day] }
        let result = try dayclear(arguments: arguments)
        try #require(result.succeeded, result.comment)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let top = try #require(object as? [String: Any], result.comment)
        return Lists(
            day: top["day"] as? String ?? "",
            stock: top["stock"] as? [[String: Any]] ?? [],
            requests: top["requests"] as? [[String: Any]] ?? [],
            raw: top)
    }

    /// The audit trail's lines, split wherever a terminal or a line-reading tool would
    /// start a new line (LF, CR, CRLF, U+2028…).
    func history(_ filter: String...) throws -> [String] {
        let result = try dayclear(arguments: ["history"] + filter)
        try #require(result.succeeded, result.comment)
        return lines(result.stdout)
    }
}

/// `lists --format json`.
struct Lists {
    var day: String
    var stock: [[String: Any]]
    var requests: [[String: Any]]
    var raw: [String: Any]

    func lot(_ id: String) -> [String: Any]? { stock.first { $0["lot"] as? String == id } }
    func lines(of request: String) -> [[String: Any]] { requests.filter { $0["request"] as? String == request } }
}

extension Dictionary where Key == String, Value == Any {
    func int(_ key: String) -> Int? { self[key] as? Int }
    func string(_ key: String) -> String? { self[key] as? String }
}

// MARK: - CSV

/// A minimal RFC 4180 reader for checking what the binary writes (BOM stripped, CRLF or LF).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var atFieldStart = true
    var characters = Array(text.unicodeScalars)
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var index = 0
    while index < characters.count {
        let c = characters[index]
        if quoted {
            if c == "\"" {
                if index + 1 < characters.count, characters[index + 1] == "\"" {
                    field.unicodeScalars.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" && atFieldStart {
            quoted = true
            atFieldStart = false
        } else if c == "," {
            row.append(field)
            field = ""
            atFieldStart = true
        } else if c == "\r" || c == "\n" {
            if c == "\r", index + 1 < characters.count, characters[index + 1] == "\n" { index += 1 }
            row.append(field)
            rows.append(row)
            row = []
            field = ""
            atFieldStart = true
        } else {
            field.unicodeScalars.append(c)
            atFieldStart = false
        }
        index += 1
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}

/// A CSV file read as header + records of name → value.
struct CSVFile {
    var header: [String]
    var records: [[String: String]]

    init(text: String) {
        let rows = parseCSV(text)
        header = rows.first ?? []
        records = rows.dropFirst().map { row in
            var record: [String: String] = [:]
            for (name, value) in zip(rows.first ?? [], row) { record[name] = value }
            return record
        }
    }

    init(path: String) throws {
        self.init(text: try String(contentsOfFile: path, encoding: .utf8))
    }
}

/// The sample files, read the way a person reads them.
enum SampleFiles {
    static func stock() throws -> CSVFile { try CSVFile(path: Package.sample("stock")) }
    static func requests() throws -> CSVFile { try CSVFile(path: Package.sample("requests")) }
    static func recipients() throws -> CSVFile { try CSVFile(path: Package.sample("recipients")) }
}

// MARK: - Helpers

/// The non-empty lines of a text, breaking at every kind of line end.
func lines(_ text: String) -> [String] {
    text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).map(String.init)
}

/// The event sequence numbers in a confirmation such as `… (event 12)` or `(event 12, 13)`.
func eventNumbers(in output: String) -> [Int] {
    guard let open = output.range(of: "(event ", options: .backwards),
        let close = output[open.upperBound...].firstIndex(of: ")")
    else { return [] }
    return output[open.upperBound..<close].split(separator: ",").compactMap {
        Int($0.trimmingCharacters(in: .whitespaces))
    }
}

/// A stock file of `rows` arrived lots `B-00000`, `B-00001`, … (or another prefix) of surgical masks.
func writeLargeStockFile(rows: Int, prefix: String = "B", to path: String) throws {
    var text = "批次号,物资名称,规格,数量,单位,每箱数量,捐赠方,到货时间\n"
    text.reserveCapacity(rows * 64)
    for index in 0..<rows {
        text += "\(prefix)-\(String(index + 100_000).dropFirst()),口罩,医用外科,100,只,50,捐赠方\(index % 97),2026-02-10 09:00\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}
