/// A session whose connection can drop and be made again: a server's socket, where a local
/// store never drops.
public protocol ReconnectableSession: LedgerSession {
    /// Why the connection ended, while it is down; every action is refused meanwhile.
    var connectionLost: String? { get }

    /// Connects again and loads the events recorded meanwhile, keeping everything already held;
    /// throws, still disconnected, while the server cannot be reached.
    func reconnect() throws
}
