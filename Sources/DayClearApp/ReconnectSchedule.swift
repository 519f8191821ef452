import Foundation

/// When the TUI next tries the server after the connection dropped: at once, then after a
/// quarter of a second, doubling each time, but never more than five seconds apart, so a
/// restarted server is found within seconds without a dead one being asked many times a second.
public struct ReconnectSchedule: Sendable, Equatable {
    public static let firstDelay: TimeInterval = 0.25
    public static let longestDelay: TimeInterval = 5

    /// Failed attempts since the connection dropped.
    public private(set) var failures = 0
    /// The earliest time of the next attempt.
    public private(set) var nextAttempt: Date

    /// A schedule that tries at `now`.
    public init(droppedAt now: Date) { nextAttempt = now }

    public func isDue(at now: Date) -> Bool { now >= nextAttempt }

    /// Records a failed attempt at `now` and sets the next one.
    public mutating func failed(at now: Date) {
        let delay = min(Self.longestDelay, Self.firstDelay * pow(2, Double(min(failures, 16))))
        failures += 1
        nextAttempt = now.addingTimeInterval(delay)
    }
}
