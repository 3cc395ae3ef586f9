import Foundation

/// A sliding-window limit per key: after `limit` events within `window`, further attempts are
/// refused until the oldest has left the window. Sign-in counts events per user name and per
/// address (`allows`, `record`); Open311 counts every request per key (`take`).
actor RateLimiter {
    let limit: Int
    let window: TimeInterval
    private var events: [String: [Date]] = [:]
    /// Events recorded since keys whose window has passed were last dropped.
    private var sincePrune = 0
    /// How many keys are tracked (for the tests: stale keys do not pile up).
    var trackedKeys: Int { events.count }

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Whether a new attempt for these keys may be tried at `now`.
    func allows(_ keys: [String], now: Date) -> Bool {
        keys.allSatisfy { key in (events[key]?.filter { now.timeIntervalSince($0) < window }.count ?? 0) < limit }
    }

    /// Counts an event (a failed sign-in, a request) for each of `keys` at `now`.
    func record(_ keys: [String], now: Date) {
        for key in keys {
            events[key, default: []].append(now)
            events[key] = events[key]?.filter { now.timeIntervalSince($0) < window }
        }
        // Every key is an address, a user name or an API key: drop those whose window has passed
        // now and then, so many different addresses cannot grow the table without bound.
        sincePrune += keys.count
        if sincePrune >= 1_000 {
            sincePrune = 0
            events = events.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
        }
    }

    /// Counts a request by `key` at `now`, unless it is over its limit (then false, not counted).
    func take(_ key: String, now: Date) -> Bool {
        guard allows([key], now: now) else { return false }
        record([key], now: now)
        return true
    }

    func recordSuccess(_ keys: [String]) {
        for key in keys { events[key] = nil }
    }

    /// Counts an attempt for every key at once if all allow it (true), else counts nothing (false):
    /// the check and the count cannot be split by a parallel attempt.
    func attempt(_ keys: [String], now: Date) -> Bool {
        guard allows(keys, now: now) else { return false }
        record(keys, now: now)
        return true
    }

    /// After a successful sign-in: the user's count is cleared; the address keeps its other
    /// attempts and loses only this one.
    func forgive(user: String, address: String, attemptAt now: Date) {
        events[user] = nil
        if let index = events[address]?.lastIndex(of: now) { events[address]?.remove(at: index) }
    }
}
