import Foundation
import SkjenkStore

/// A limit of `limit` events per key within `window`, counted in the database (`RateLimitStore`):
/// every server process on one database shares it. Sign-in counts attempts per user name and per
/// address; Open311 counts requests per key and per address.
struct Throttle: Sendable {
    let store: any RateLimitStore
    let limit: Int
    let window: TimeInterval

    init(store: any RateLimitStore, limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.store = store
        self.limit = limit
        self.window = window
    }

    /// Counts an attempt for every key at once if all allow it (true), else counts nothing (false).
    func attempt(_ keys: [String], now: Date) async throws -> Bool {
        try await store.attempt(keys, limit: limit, window: window, now: now)
    }

    /// Counts a request by `key` at `now`, unless it is over its limit (then false, not counted).
    func take(_ key: String, now: Date) async throws -> Bool {
        try await attempt([key], now: now)
    }

    /// After a successful sign-in: the user's count is cleared; the address keeps its other
    /// attempts and loses only this one.
    func forgive(user: String, address: String, attemptAt now: Date) async throws {
        try await store.forgive(clearing: user, andOneOf: address, at: now)
    }
}
