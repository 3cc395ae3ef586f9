import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

extension SQLiteStore {
    public func claimReminder(user: String, day: LocalDate, sentAt: Date) async throws -> Bool {
        try await writer.write { db in
            // The primary key (user, day) decides: a second claim for the day inserts nothing.
            try db.execute(
                sql: "INSERT INTO reminder (user, day, sentAt) VALUES (?, ?, ?) ON CONFLICT (user, day) DO NOTHING",
                arguments: [user, day.iso, Timestamp.format(sentAt)])
            return db.changesCount == 1
        }
    }

    public func releaseReminder(user: String, day: LocalDate) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM reminder WHERE user = ? AND day = ?", arguments: [user, day.iso])
        }
    }

    public func reminders(on day: LocalDate) async throws -> [SentReminder] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT user, sentAt FROM reminder WHERE day = ? ORDER BY user", arguments: [day.iso]
            ).map { row in
                SentReminder(user: row["user"], day: day, sentAt: try Timestamp.parse(row["sentAt"]))
            }
        }
    }
}
