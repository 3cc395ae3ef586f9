import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

extension PostgresStore {
    public func claimReminder(user: String, day: LocalDate, sentAt: Date) async throws -> Bool {
        try await write { connection in
            // The primary key (user_name, day) decides, also between processes claiming at once.
            var claimed = false
            for try await _ in try await connection.query(
                """
                INSERT INTO reminder (user_name, day, sent_at) VALUES (\(user), \(day.iso)::date, \(sentAt))
                ON CONFLICT (user_name, day) DO NOTHING RETURNING user_name
                """, logger: self.logger
            ).decode(String.self) {
                claimed = true
            }
            return claimed
        }
    }

    public func releaseReminder(user: String, day: LocalDate) async throws {
        try await write { connection in
            try await connection.query(
                "DELETE FROM reminder WHERE user_name = \(user) AND day = \(day.iso)::date", logger: self.logger)
        }
    }

    public func reminders(on day: LocalDate) async throws -> [SentReminder] {
        try await read { connection in
            var reminders: [SentReminder] = []
            for try await (user, sentAt) in try await connection.query(
                "SELECT user_name, sent_at FROM reminder WHERE day = \(day.iso)::date ORDER BY user_name",
                logger: self.logger
            ).decode((String, Date).self) {
                reminders.append(SentReminder(user: user, day: day, sentAt: sentAt))
            }
            return reminders
        }
    }
}
