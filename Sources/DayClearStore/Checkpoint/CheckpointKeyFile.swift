import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The store's Ed25519 signing key, `checkpoint.key` in the data directory.
///
/// The file is PKCS#8 PEM (as `openssl genpkey -algorithm ed25519` writes), mode 0600. It is
/// created under a temporary name with that mode from the first byte and linked into place, so it
/// never exists half-written or readable by others; a key file open to the group or to others, or
/// not an Ed25519 key, is refused with its path.
public struct CheckpointKeyFile {
    public static let fileName = "checkpoint.key"
    public let path: String
    public let privateKey: Curve25519.Signing.PrivateKey

    /// The 32-byte raw public key.
    public var publicKey: Data { privateKey.publicKey.rawRepresentation }

    /// What a store says when it created its key; the TUI shows it in Chinese when the screen is.
    public static func creationNotice(path: String) -> String {
        "created the checkpoint signing key \(path) (mode 600); back it up (see docs/server.md)"
    }

    /// Loads the key in `directory`, creating it first when there is none; `created` says which.
    public static func loadOrCreate(in directory: URL) throws -> (key: CheckpointKeyFile, created: Bool) {
        let path = directory.appendingPathComponent(fileName).path
        var status = stat()
        if lstat(path, &status) == 0 { return (try load(path: path), false) }
        return try create(path: path)
    }

    /// Reads a key file, refusing one that others may read or that is not an Ed25519 key.
    public static func load(path: String) throws -> CheckpointKeyFile {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "cannot be opened (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw failure(path, "is not a regular file")
        }
        let mode = status.st_mode & 0o7777
        guard mode & 0o077 == 0 else {
            throw failure(
                path,
                "has mode \(String(mode, radix: 8)), so users other than its owner may read it; it must be 600 "
                    + "(chmod 600 \(path)), and anyone who could read it may have copied the key (see docs/server.md)")
        }
        let text = String(decoding: FileHandle(fileDescriptor: descriptor).readDataToEndOfFile(), as: UTF8.self)
        guard let der = PEM.decode(text, label: "PRIVATE KEY"), der.count == PEM.ed25519PrivatePrefix.count + 32,
            der.starts(with: PEM.ed25519PrivatePrefix),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
        else {
            throw failure(path, "is not an Ed25519 private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)")
        }
        return CheckpointKeyFile(path: path, privateKey: key)
    }

    /// Writes a new key to a temporary file made with mode 0600, syncs it, and links it to `path`
    /// (which fails rather than replace a key another process created meanwhile).
    private static func create(path: String) throws -> (key: CheckpointKeyFile, created: Bool) {
        let key = Curve25519.Signing.PrivateKey()
        let text = PEM.encode(PEM.ed25519PrivatePrefix + key.rawRepresentation, label: "PRIVATE KEY")
        let partial = (path as NSString).deletingLastPathComponent + "/.\(fileName).\(getpid()).partial"
        // The name is this process's: one left there is from an earlier process with the same pid
        // (killed between creating and unlinking it; pids repeat in containers).
        unlink(partial)
        let descriptor = open(partial, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw failure(path, "cannot be created: \(partial) cannot be made (\(String(cString: strerror(errno))))")
        }
        defer { unlink(partial) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fchmod(descriptor, 0o600) == 0 && fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced else {
            throw failure(path, "cannot be created: \(partial) cannot be written (\(String(cString: strerror(errno))))")
        }
        guard link(partial, path) == 0 else {
            if errno == EEXIST { return (try load(path: path), false) }
            throw failure(path, "cannot be created (\(String(cString: strerror(errno))))")
        }
        syncDirectory(of: path)
        return (CheckpointKeyFile(path: path, privateKey: key), true)
    }

    /// Makes the new directory entry durable.
    private static func syncDirectory(of path: String) {
        let directory = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return }
        fsync(directory)
        close(directory)
    }

    private static func failure(_ path: String, _ problem: String) -> StoreError {
        .checkpointKey("the checkpoint signing key \(path) \(problem)")
    }

    /// Signs `checkpoint`.
    public func sign(_ checkpoint: Checkpoint, kind: CheckpointKind) throws -> SignedCheckpoint {
        SignedCheckpoint(
            checkpoint: checkpoint, kind: kind, publicKey: publicKey,
            signature: try privateKey.signature(for: checkpoint.signedBody(kind: kind)))
    }
}
