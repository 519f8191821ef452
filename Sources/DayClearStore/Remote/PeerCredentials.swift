import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who is at the other end of a Unix-domain socket, as the kernel recorded it
/// when the peer connected (`SO_PEERCRED`); nothing the client says is used.
struct PeerCredentials: Equatable {
    var processID: Int32
    var userID: uid_t
    var groupID: gid_t

    init(socket descriptor: Int32) throws {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }, which Glibc's module does not export.
        var fields: [UInt32] = [0, 0, 0]
        var length = socklen_t(MemoryLayout<UInt32>.size * 3)
        let result = fields.withUnsafeMutableBytes { raw in
            getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, raw.baseAddress, &length)
        }
        guard result == 0, length == socklen_t(MemoryLayout<UInt32>.size * 3) else {
            throw WireError.refused(
                "cannot read the connecting user from the kernel: \(String(cString: strerror(errno)))")
        }
        processID = Int32(bitPattern: fields[0])
        userID = fields[1]
        groupID = fields[2]
    }

    /// The user name the password database gives for the uid, or nil for an unknown uid.
    var userName: String? { Self.name(of: userID) }

    static func name(of uid: uid_t) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name
        else { return nil }
        return String(cString: name)
    }
}
