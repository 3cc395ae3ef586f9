import Foundation

/// Limits failed sign-ins per user name and per address: after `limit` failures within `window`,
/// further attempts are refused until the window has passed.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Whether a new attempt for these keys may be tried at `now`.
    func allows(_ keys: [String], now: Date) -> Bool {
        keys.allSatisfy { key in (failures[key]?.filter { now.timeIntervalSince($0) < window }.count ?? 0) < limit }
    }

    func recordFailure(_ keys: [String], now: Date) {
        for key in keys {
            failures[key, default: []].append(now)
            failures[key] = failures[key]?.filter { now.timeIntervalSince($0) < window }
        }
    }

    func recordSuccess(_ keys: [String]) {
        for key in keys { failures[key] = nil }
    }
}
