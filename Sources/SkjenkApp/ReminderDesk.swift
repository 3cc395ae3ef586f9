import Foundation
import SkjenkCore
import SkjenkMail
import SkjenkStore

/// The morning list by e-mail (`skjenk remind`): each enabled user with an e-mail address in their
/// profile and something due gets one message a day. The message names cases by number and venue,
/// meeting items by number and complaints by their number, category and venue: never a
/// complainant's name, phone, e-mail or address, nor what a complaint says, nor a reviewer's comment.
public enum ReminderDesk {
    /// What became of one user's reminder.
    public enum Outcome: Sendable, Equatable {
        case sent
        /// Already sent today (by this or another run): nothing sent.
        case alreadySent
        /// Would be sent (a dry run).
        case wouldSend
        /// The server refused or could not be reached; the day is free for a later run.
        case failed(String)
    }

    /// One user's line in the run's report.
    public struct Report: Sendable {
        public let user: String
        public let address: String
        public let items: Int
        public let outcome: Outcome
        public let message: MailMessage
    }

    /// "Dette venter på deg i skjenk 2026-11-23".
    public static func subject(_ today: LocalDate) -> String { "Dette venter på deg i skjenk \(today.iso)" }

    /// Sends the day's reminders through `transport` (none when `dryRun`: then only reports what
    /// would go). Each send first claims the user's day in the store, so a second run — or a
    /// second process — sends nothing; a failed send gives the day back.
    public static func sendReminders(
        store: any AppStore, transport: any MailTransport, from: String, today: LocalDate, withinDays: Int,
        now: Date, dryRun: Bool
    ) async throws -> [Report] {
        let already = Set(try await store.reminders(on: today).map(\.user))
        var reports: [Report] = []
        for user in try await store.users().sorted(by: { $0.name < $1.name }) where !user.disabled {
            guard let address = user.profile?.email, !address.isEmpty else { continue }
            let agenda = try await MorningList.dueItems(for: user, store: store, today: today, withinDays: withinDays)
            guard !agenda.isEmpty else { continue }
            let message = MailMessage(
                from: from, to: [address], subject: subject(today), body: body(agenda, fullName: user.profile?.fullName),
                date: now)
            func report(_ outcome: Outcome) -> Report {
                Report(user: user.name, address: address, items: agenda.total, outcome: outcome, message: message)
            }
            if dryRun {
                reports.append(report(already.contains(user.name) ? .alreadySent : .wouldSend))
                continue
            }
            guard try await store.claimReminder(user: user.name, day: today, sentAt: now) else {
                reports.append(report(.alreadySent))
                continue
            }
            do {
                try await transport.send(message)
                reports.append(report(.sent))
            } catch {
                try await store.releaseReminder(user: user.name, day: today)
                reports.append(report(.failed("\(error)")))
            }
        }
        return reports
    }

    /// The plain-text body: counts per section, then one line per entry.
    public static func body(_ agenda: PersonalAgenda, fullName: String? = nil) -> String {
        var lines = [
            "Hei\(fullName.map { " \($0)" } ?? "")!", "",
            "Dette venter på deg i skjenk \(NorwegianFormat.longDate(agenda.today)):", "",
        ]
        for section in PersonalAgenda.Section.allCases where agenda.count(section) > 0 {
            lines.append("\(section.title): \(agenda.count(section))")
        }
        for section in PersonalAgenda.Section.allCases where agenda.count(section) > 0 {
            lines += ["", "\(section.title):"]
            lines += entries(section, agenda).map { "- \($0)" }
        }
        lines += [
            "", "Se listen i skjenk under «Min oppfølging».", "",
            "Denne meldingen sendes én gang om dagen når noe venter på deg.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func entries(_ section: PersonalAgenda.Section, _ agenda: PersonalAgenda) -> [String] {
        switch section {
        case .complaints:
            return agenda.complaints.map { item in
                let entry = item.entry
                let categories = ComplaintCategory.allCases.filter(entry.categories.contains).map(\.label)
                    .joined(separator: ", ")
                return "K-\(entry.id ?? 0), \(categories), \(entry.venue.label): "
                    + FollowUpAgenda.dueLabel(daysOverdue: item.daysOverdue)
            }
        case .deadlines:
            return agenda.deadlines.map {
                "\($0.line.caseNumber.text) \($0.line.venueName): frist \(NorwegianFormat.date($0.line.deadline)) ("
                    + PersonalAgenda.deadlineLabel(daysLeft: $0.daysLeft) + ")"
                    + ($0.unassigned ? ", ikke påbegynt" : "")
            }
        case .returned:
            return agenda.returned.map {
                "\($0.line.caseNumber.text) \($0.line.venueName): sendt tilbake, se kommentaren i skjenk"
            }
        case .approvals:
            return agenda.approvals.map { approval in
                "\(approval.line.caseNumber.text) \(approval.line.venueName): "
                    + (approval.meeting.map { "sak \($0.itemNumber) i \($0.meetingLabel)" }
                        ?? "frist \(NorwegianFormat.date(approval.line.deadline))")
            }
        case .unrecorded:
            return agenda.unrecorded.map {
                "\($0.meeting.meetingLabel), sak \($0.meeting.itemNumber): \($0.caseNumber.text)"
                    + ($0.venueName.map { " \($0)" } ?? "") + ", utfallet er ikke ført"
            }
        }
    }
}
