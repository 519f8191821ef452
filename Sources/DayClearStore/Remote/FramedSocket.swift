import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One end of a Unix-domain stream socket carrying length-prefixed frames:
/// a 4-byte big-endian length, then that many bytes of JSON.
final class FramedSocket: @unchecked Sendable {
    /// A frame larger than this is refused rather than buffered.
    static let maximumFrame = 64 << 20

    let descriptor: Int32
    private let closeLock = NSLock()
    private var closed = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close() }

    /// Writes one frame whole; throws when the other end has gone.
    func send(_ body: Data) throws {
        var length = UInt32(body.count).bigEndian
        var frame = Data(bytes: &length, count: 4)
        frame.append(body)
        try frame.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WireError.connectionLost(String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    /// Reads one frame; nil when the other end closed the connection cleanly between frames.
    func receive() throws -> Data? {
        guard let header = try read(count: 4, endOfStreamAllowed: true) else { return nil }
        let length = header.withUnsafeBytes { Int(UInt32(bigEndian: $0.loadUnaligned(as: UInt32.self))) }
        guard length <= Self.maximumFrame else {
            throw WireError.malformed("a message of \(length) bytes is larger than \(Self.maximumFrame)")
        }
        guard let body = try read(count: length, endOfStreamAllowed: false) else { return nil }
        return body
    }

    /// Waits up to `milliseconds` (-1: for ever) for something to read; true when there is.
    func waitReadable(milliseconds: Int32) throws -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw WireError.connectionLost(String(cString: strerror(errno)))
            }
            return ready > 0
        }
    }

    /// Wakes any thread blocked on this socket; the descriptor stays open until `close`.
    func shutdown() {
        Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
    }

    func close() {
        closeLock.lock()
        defer { closeLock.unlock() }
        guard !closed else { return }
        closed = true
        Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
        Glibc.close(descriptor)
    }

    private func read(count: Int, endOfStreamAllowed: Bool) throws -> Data? {
        var buffer = Data(count: count)
        var offset = 0
        while offset < count {
            let got = buffer.withUnsafeMutableBytes { raw in
                recv(descriptor, raw.baseAddress! + offset, count - offset, 0)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw WireError.connectionLost(String(cString: strerror(errno)))
            }
            if got == 0 {
                if offset == 0 && endOfStreamAllowed { return nil }
                throw WireError.connectionLost("the connection closed in the middle of a message")
            }
            offset += got
        }
        return buffer
    }
}

// MARK: - Addresses

extension FramedSocket {
    /// Connects to the server listening at `path`.
    static func connect(to path: String) throws -> FramedSocket {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw WireError.cannotConnect(path, String(cString: strerror(errno))) }
        var address = try socketAddress(path)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw WireError.cannotConnect(path, reason)
        }
        return FramedSocket(descriptor: descriptor)
    }

    static func socketAddress(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            throw WireError.cannotConnect(path, "the socket path is longer than \(capacity - 1) bytes")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }
}
