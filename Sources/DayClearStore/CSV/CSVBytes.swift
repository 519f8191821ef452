import Foundation

/// A CSV file's text as UTF-8 bytes, ready for ``CSVScanner``: a file is mapped into memory rather
/// than read into a `String`, and checked to be UTF-8 once; a GB18030 file is decoded (see
/// ``CSVReader/decodeText(_:)`` for how the encoding is chosen).
///
/// The bytes are a private copy (the mapping is copy-on-write), so the scanner may unescape quoted
/// fields in place without touching the file.
final class CSVBytes {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private let mapped: Bool

    /// The bytes of the file at `path`. Throws `CSVBytes.Unreadable` when it cannot be read and
    /// `CSVReadError.undecodable` when it is neither UTF-8 nor GB18030.
    convenience init(contentsOf path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Unreadable() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Unreadable() }
        let size = Int(status.st_size)
        if status.st_mode & S_IFMT == S_IFREG, size > 0,
            let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0),
            address != MAP_FAILED
        {
            madvise(address, size, MADV_SEQUENTIAL)
            let bytes = UnsafeMutableBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
            try self.init(decoding: bytes, mapped: true)
            return
        }
        // Empty files, pipes and whatever cannot be mapped are read.
        guard let data = try? FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd() ?? Data()
        else { throw Unreadable() }
        try self.init(data)
    }

    /// A copy of `data`, decoded.
    convenience init(_ data: Data) throws {
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count)
        _ = bytes.initialize(from: data)
        try self.init(decoding: bytes, mapped: false)
    }

    /// Takes `bytes` over: kept as they are when they are UTF-8, else replaced by their GB18030 text.
    private init(decoding bytes: UnsafeMutableBufferPointer<UInt8>, mapped: Bool) throws {
        switch CSVReader.encoding(of: UnsafeBufferPointer(bytes)) {
        case .utf8:
            buffer = bytes
            self.mapped = mapped
        case .gb18030(let text):
            Self.release(bytes, mapped: mapped)
            buffer = .allocate(capacity: text.utf8.count)
            _ = buffer.initialize(from: text.utf8)
            self.mapped = false
        case nil:
            Self.release(bytes, mapped: mapped)
            throw CSVReadError.undecodable
        }
    }

    deinit { Self.release(buffer, mapped: mapped) }

    private static func release(_ bytes: UnsafeMutableBufferPointer<UInt8>, mapped: Bool) {
        if mapped {
            munmap(bytes.baseAddress, bytes.count)
        } else {
            bytes.deallocate()
        }
    }

    /// The file could not be opened or read.
    struct Unreadable: Error {}
}
