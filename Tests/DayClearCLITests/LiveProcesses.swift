import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The processes still running as `user` (by effective uid), read from /proc, leaving out zombies.
///
/// A process that ends after its parent (a TUI killed just after its tmux server exited) is
/// handed to PID 1, and a container's PID 1 may never reap it: it stays a zombie for good, which
/// `pgrep` still lists. A zombie holds no files or sockets, so for these tests it has ended.
func liveProcesses(of user: String, named name: String? = nil) -> [pid_t] {
    guard let entry = getpwnam(user) else { return [] }
    let uid = entry.pointee.pw_uid
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { pid_t($0) }.sorted().filter { pid in
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        let fields = ProcessStatus(status)
        return fields.effectiveUID == uid && fields.state != "Z" && (name == nil || fields.name == name)
    }
}

/// The few fields of /proc/PID/status the tests look at.
private struct ProcessStatus {
    var name = ""
    var state = ""
    var effectiveUID: uid_t?

    init(_ text: String) {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: true)
            guard parts.count >= 2 else { continue }
            switch parts[0] {
            case "Name:": name = String(parts[1])
            case "State:": state = String(parts[1].prefix(1))
            case "Uid:" where parts.count >= 3: effectiveUID = uid_t(parts[2])
            default: break
            }
        }
    }
}
