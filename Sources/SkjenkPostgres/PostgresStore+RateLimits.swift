import Foundation
import PostgresNIO
import SkjenkStore

extension PostgresStore: RateLimitStore {
    /// Each key is locked for the transaction (an advisory lock on its hash, taken in sorted order so
    /// two attempts cannot deadlock): processes counting the same key take turns.
    public func attempt(_ keys: [String], limit: Int, window: TimeInterval, now: Date) async throws -> Bool {
        let since = now.addingTimeInterval(-window)
        let expired = now.addingTimeInterval(-max(window, rateEventLifetime))
        return try await write { connection in
            for key in Set(keys).sorted() {
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(key)))", logger: self.logger)
            }
            // Expired events of any key; rows another transaction holds are left for the next call.
            try await connection.query(
                """
                DELETE FROM rate_event WHERE id IN (
                    SELECT id FROM rate_event WHERE at <= \(expired) FOR UPDATE SKIP LOCKED)
                """, logger: self.logger)
            for key in keys {
                try await connection.query(
                    "DELETE FROM rate_event WHERE key = \(key) AND at <= \(since)", logger: self.logger)
                var count = 0
                for try await value in try await connection.query(
                    "SELECT count(*) FROM rate_event WHERE key = \(key)", logger: self.logger
                ).decode(Int.self) {
                    count = value
                }
                if count >= limit { return false }
            }
            for key in keys {
                try await connection.query("INSERT INTO rate_event (key, at) VALUES (\(key), \(now))", logger: self.logger)
            }
            return true
        }
    }

    public func forgive(clearing cleared: String, andOneOf key: String, at: Date) async throws {
        try await write { connection in
            try await connection.query("DELETE FROM rate_event WHERE key = \(cleared)", logger: self.logger)
            try await connection.query(
                """
                DELETE FROM rate_event WHERE id = (SELECT id FROM rate_event WHERE key = \(key) AND at = \(at) LIMIT 1)
                """, logger: self.logger)
        }
    }
}
