import Foundation
import GRDB
import SkjenkStore

extension SQLiteStore {
    public func attempt(_ keys: [String], limit: Int, window: TimeInterval, now: Date) async throws -> Bool {
        let since = Timestamp.format(now.addingTimeInterval(-window))
        let stamp = Timestamp.format(now)
        // SQLite has one writer at a time: the check and the count are one transaction.
        let expired = Timestamp.format(now.addingTimeInterval(-max(window, rateEventLifetime)))
        return try await writer.write { db in
            try db.execute(sql: "DELETE FROM rateEvent WHERE at <= ?", arguments: [expired])
            for key in keys {
                try db.execute(sql: "DELETE FROM rateEvent WHERE key = ? AND at <= ?", arguments: [key, since])
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rateEvent WHERE key = ?", arguments: [key])
                if (count ?? 0) >= limit { return false }
            }
            for key in keys {
                try db.execute(sql: "INSERT INTO rateEvent (key, at) VALUES (?, ?)", arguments: [key, stamp])
            }
            return true
        }
    }

    public func forgive(clearing cleared: String, andOneOf key: String, at: Date) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM rateEvent WHERE key = ?", arguments: [cleared])
            try db.execute(
                sql: "DELETE FROM rateEvent WHERE id = (SELECT id FROM rateEvent WHERE key = ? AND at = ? LIMIT 1)",
                arguments: [key, Timestamp.format(at)])
        }
    }
}
