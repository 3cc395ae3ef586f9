import Foundation

/// Limits the requests each API key makes: at most `limit` in any minute (a sliding window).
actor KeyRateLimiter {
    let limit: Int
    private var recent: [Int64: [Date]] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    /// Records a request by `key` at `now`; false when the key is over its limit.
    func allow(_ key: Int64, now: Date) -> Bool {
        var times = (recent[key] ?? []).filter { now.timeIntervalSince($0) < 60 }
        guard times.count < limit else {
            recent[key] = times
            return false
        }
        times.append(now)
        recent[key] = times
        return true
    }
}
