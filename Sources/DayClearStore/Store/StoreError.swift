import Foundation

/// Why the store could not do what was asked. The messages are meant for the
/// person at the terminal and say what to do next where there is something to do.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notInitialised(String)
    case alreadyInitialised(String)
    case newerFormat(found: Int, supported: Int)
    case durabilityNotConfirmed(String)
    case corrupt(String)
    /// The write did not reach the disk; nothing was recorded.
    case notSaved(String)
    /// Another process held the write lock past the wait; `String` names it where known.
    case busy(String)
    /// The data directory or database file cannot be written.
    case readOnly(String)
    /// The checkpoint signing key is missing, unsafe or unreadable; `String` names the file and why.
    case checkpointKey(String)

    public var description: String {
        switch self {
        case .notInitialised(let dir):
            return "no DayClear data in \(dir); run `dayclear init --data \(dir)` or `dayclear demo`"
        case .alreadyInitialised(let dir): return "\(dir) already holds DayClear data"
        case .newerFormat(let found, let supported):
            return
                "the store was written by a newer DayClear (format \(found), this version reads up to \(supported)); nothing was changed"
        case .durabilityNotConfirmed(let what): return "cannot confirm durable writes: \(what)"
        case .corrupt(let what): return "the store is damaged: \(what)"
        case .notSaved(let why): return "not saved: \(why)"
        case .busy(let holder):
            return
                "not saved: the data stayed locked by \(holder) past the wait; nothing was recorded, try again when it is done"
        case .readOnly(let path):
            return "\(path) is read-only: nothing was saved (DayClear writes to its data directory even to read)"
        case .checkpointKey(let what): return what
        }
    }
}
