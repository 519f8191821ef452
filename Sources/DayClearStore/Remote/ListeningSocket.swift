import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The server's socket file: mode 0660 and the given group, so only the
/// service account and the group's members can connect, in a directory that
/// is created mode 0750 when missing.
struct ListeningSocket {
    let descriptor: Int32

    init(path: String, groupID: gid_t?) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try Self.prepareDirectory(directory, groupID: groupID)
        try Self.removeStale(path)
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Self.failure("cannot create a socket") }
        var address = try FramedSocket.socketAddress(path)
        // No moment with looser permissions than 0660: the umask applies at bind.
        let previous = umask(0o117)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        umask(previous)
        guard bound == 0 else { throw Self.failure("cannot listen on \(path)") }
        if let groupID, chown(path, uid_t.max, groupID) != 0 {
            throw Self.failure("cannot give \(path) the group \(groupID)")
        }
        guard chmod(path, 0o660) == 0 else { throw Self.failure("cannot set the mode of \(path)") }
        guard listen(descriptor, 64) == 0 else { throw Self.failure("cannot listen on \(path)") }
    }

    /// Waits for the next connection.
    func accept() throws -> Int32 {
        while true {
            let client = Glibc.accept(descriptor, nil, nil)
            if client >= 0 { return client }
            if errno == EINTR || errno == ECONNABORTED { continue }
            throw Self.failure("cannot accept a connection")
        }
    }

    private static func prepareDirectory(_ directory: String, groupID: gid_t?) throws {
        guard !FileManager.default.fileExists(atPath: directory) else { return }
        guard mkdir(directory, 0o750) == 0 || errno == EEXIST else {
            throw failure("cannot create \(directory)")
        }
        chmod(directory, 0o750)
        if let groupID, chown(directory, uid_t.max, groupID) != 0 {
            throw failure("cannot give \(directory) the group \(groupID)")
        }
    }

    /// A socket file left by a server that died is removed; one that answers is another server's.
    private static func removeStale(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        if let live = try? FramedSocket.connect(to: path) {
            live.close()
            throw WireError.refused("another DayClear server is already listening on \(path)")
        }
        guard unlink(path) == 0 else { throw failure("cannot remove the stale socket \(path)") }
    }

    private static func failure(_ what: String) -> WireError {
        WireError.refused("\(what): \(String(cString: strerror(errno)))")
    }
}
