import Foundation
import SkjenkCore

/// A reminder sent (or being sent) to a user for a day.
public struct SentReminder: Sendable, Hashable {
    /// The user name.
    public let user: String
    public let day: LocalDate
    public let sentAt: Date

    public init(user: String, day: LocalDate, sentAt: Date) {
        self.user = user
        self.day = day
        self.sentAt = sentAt
    }
}

/// The e-mail reminders of the morning list: one message per person per day. A sender claims the
/// day before sending, so two runs (or two processes) cannot both send; a failed send gives the
/// claim back so a later run can try again.
public protocol ReminderStore: Sendable {
    /// Records a reminder to `user` for `day` at `sentAt`: true when recorded, false (and nothing
    /// changed) when one is already recorded for that user and day.
    func claimReminder(user: String, day: LocalDate, sentAt: Date) async throws -> Bool
    /// Removes the record of `user`'s reminder for `day` (its message could not be sent).
    func releaseReminder(user: String, day: LocalDate) async throws
    /// The reminders recorded for `day`, by user name.
    func reminders(on day: LocalDate) async throws -> [SentReminder]
}
