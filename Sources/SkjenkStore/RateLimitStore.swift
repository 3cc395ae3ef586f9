import Foundation

/// Sliding-window limits kept in the database, so several server processes behind one load
/// balancer count sign-in attempts and Open311 requests together: after `limit` events of a key
/// within `window`, further attempts are refused until the oldest has left the window. Events older
/// than a day (longer than any window) are dropped as others are counted, so keys seen once (many
/// addresses) do not pile up.
public protocol RateLimitStore: Sendable {
    /// Counts an event at `now` for every key if each has fewer than `limit` events in the `window`
    /// before `now` (true), else counts nothing (false). The check and the count are one step: two
    /// processes cannot both take the last place.
    func attempt(_ keys: [String], limit: Int, window: TimeInterval, now: Date) async throws -> Bool
    /// After a successful sign-in: every event of `cleared` goes, and of `key` only the one at `at`.
    func forgive(clearing cleared: String, andOneOf key: String, at: Date) async throws
}

/// How long events are kept at most, whatever the window.
public let rateEventLifetime: TimeInterval = 24 * 3600
