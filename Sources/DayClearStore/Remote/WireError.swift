/// Why talking to the server failed, in words for the person at the terminal.
public enum WireError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotConnect(String, String)
    case connectionLost(String)
    case malformed(String)
    case incompatible(String)
    /// The server did not say whether the action was recorded.
    case notConfirmed(String)
    /// The connection is down: the action was not sent.
    case notConnected(String)
    /// The server refused the connection or the request.
    case refused(String)

    public var description: String {
        switch self {
        case .cannotConnect(let path, let reason):
            return "cannot connect to the DayClear server at \(path): \(reason)"
                + " (is `dayclear serve` running, and are you in its group?)"
        case .connectionLost(let reason): return "lost the connection to the DayClear server: \(reason)"
        case .malformed(let what): return "the DayClear server sent something unreadable: \(what)"
        case .incompatible(let what): return what
        case .notConfirmed(let why):
            return "the action was NOT confirmed: \(why). It may or may not have been recorded; "
                + "check `dayclear history` once the server is back before doing it again."
        case .notConnected(let why):
            return "not connected to the DayClear server (\(why)): the action was not sent and nothing was recorded"
        case .refused(let why): return why
        }
    }
}
