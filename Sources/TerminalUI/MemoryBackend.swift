/// A terminal in memory for tests: it keeps the last frame drawn and hands out queued keys.
///
/// Like SwiftNIO's embedded channel, it lets the whole run loop be driven step by step in a test:
/// queue keys, let the app read and draw, then look at `lastFrame`.
public final class MemoryBackend: TerminalBackend {
    /// The size the app is told the terminal has.
    public private(set) var size: (width: Int, height: Int)
    /// The keys `readKey` will return, first one first.
    public private(set) var pendingKeys: [Key] = []
    /// The last buffer passed to `draw`, if any.
    public private(set) var lastFrame: CellBuffer?
    /// How many times `draw` has been called.
    public private(set) var drawCount = 0
    /// How many times `readKey` has been called, timeouts included.
    public private(set) var readCount = 0
    /// Whether `requestTermination()` was called, as a signal would.
    public private(set) var terminationRequested = false
    /// Whether `shutdown()` has been called.
    public private(set) var isShutDown = false

    /// Creates a terminal of the given size with no keys queued.
    public init(width: Int, height: Int) {
        size = (width, height)
    }

    // MARK: - Driving from a test

    /// Queues keys for `readKey` to return, in order.
    public func enqueue(_ keys: Key...) {
        pendingKeys.append(contentsOf: keys)
    }

    /// Queues one `.character` key per character of `text`, as if it were typed.
    public func type(_ text: String) {
        pendingKeys.append(contentsOf: text.map(Key.character))
    }

    /// Changes the size and queues a `.resize` key, as a real terminal does.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        pendingKeys.append(.resize)
    }

    /// Marks that a termination signal arrived.
    public func requestTermination() {
        terminationRequested = true
    }

    /// The text of the last frame's rows, as `CellBuffer.lines()` gives it; empty before any draw.
    public var screen: [String] {
        lastFrame?.lines() ?? []
    }

    // MARK: - TerminalBackend

    /// Keeps the frame as `lastFrame`; after `shutdown()` it is ignored.
    public func draw(_ buffer: CellBuffer) {
        guard !isShutDown else {
            return
        }
        lastFrame = buffer
        drawCount += 1
    }

    /// Returns the next queued key at once, or nil (a timeout) when the queue is empty.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        readCount += 1
        guard !isShutDown, !pendingKeys.isEmpty else {
            return nil
        }
        return pendingKeys.removeFirst()
    }

    /// Marks the terminal as given back.
    public func shutdown() {
        isShutDown = true
    }
}
