/// The one-line message under the body: what just happened, or what went wrong.
public struct StatusMessage: Sendable, Hashable {
    /// Whether the message reports a failure.
    public var isError: Bool
    /// The text shown.
    public var text: String

    /// A message reporting success or progress.
    public static func info(_ text: String) -> StatusMessage {
        StatusMessage(isError: false, text: text)
    }

    /// A message reporting a failure; nothing changed.
    public static func error(_ text: String) -> StatusMessage {
        StatusMessage(isError: true, text: text)
    }
}
