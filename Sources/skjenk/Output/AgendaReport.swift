import Foundation
import SkjenkApp
import SkjenkCore

/// `skjenk followup` as text: one person's whole morning list, or the district's hearing deadlines.
enum AgendaReport {
    /// `followup --user`: every section the person's role has, with a count, then one line per entry.
    static func personal(_ agenda: PersonalAgenda) -> String {
        var lines = [
            "Morgenliste for \(agenda.user) (\(agenda.role.label)), \(NorwegianFormat.longDate(agenda.today))"
        ]
        let sections = PersonalAgenda.Section.allCases.filter(AgendaRules.sections(for: agenda.role).contains)
        if sections.isEmpty { return lines[0] + "\n\nRollen \(agenda.role.label) har ingen morgenliste." }
        for section in sections {
            lines += ["", "\(section.title) (\(agenda.count(section)))"]
            let entries = Self.entries(section, agenda)
            lines += entries.isEmpty ? ["  ingen"] : entries.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    static func entries(_ section: PersonalAgenda.Section, _ agenda: PersonalAgenda) -> [String] {
        switch section {
        case .complaints:
            return agenda.complaints.map { item in
                "\(NorwegianFormat.date(item.entry.nextDue!))  \(FollowUpAgenda.dueLabel(daysOverdue: item.daysOverdue))"
                    + "  klage \(item.entry.id ?? 0)  \(ComplaintReport.clip(item.entry.venue.label, 40))"
                    + "  \(ComplaintReport.categories(item.entry))"
            }
        case .deadlines:
            return agenda.deadlines.map(deadline)
        case .returned:
            return agenda.returned.map {
                "\($0.line.caseNumber.text)  \($0.line.venueName)  frist \(NorwegianFormat.date($0.line.deadline))"
                    + "  kommentar: \($0.comment)"
            }
        case .approvals:
            return agenda.approvals.map { approval in
                "\(approval.line.caseNumber.text)  \(approval.line.venueName)  frist "
                    + NorwegianFormat.date(approval.line.deadline)
                    + (approval.meeting.map { "  sak \($0.itemNumber) i \($0.meetingLabel) (møte \($0.meetingId))" }
                        ?? "  \(approval.route.label)")
            }
        case .unrecorded:
            return agenda.unrecorded.map {
                "møte \($0.meeting.meetingId)  \($0.meeting.meetingLabel)  sak \($0.meeting.itemNumber)"
                    + "  \($0.caseNumber.text)" + ($0.venueName.map { "  \($0)" } ?? "")
            }
        }
    }

    static func deadline(_ deadline: PersonalAgenda.Deadline) -> String {
        "\(NorwegianFormat.date(deadline.line.deadline))  \(PersonalAgenda.deadlineLabel(daysLeft: deadline.daysLeft))"
            + "  \(deadline.line.caseNumber.text)  \(ComplaintReport.clip(deadline.line.venueName, 40))"
            + "  " + (deadline.owner.map { "utkast: \($0)" } ?? "ikke påbegynt")
    }

    /// `followup` without `--user`: the open hearings due within `within` days or overdue.
    static func deadlines(_ deadlines: [PersonalAgenda.Deadline], today: LocalDate, within: Int) -> String {
        guard !deadlines.isEmpty else { return "Ingen åpne høringer har frist innen \(within) dager eller er over fristen." }
        let overdue = deadlines.filter { $0.daysLeft < 0 }.count
        return (["Høringsfrister innen \(within) dager: \(deadlines.count)" + (overdue > 0 ? ", \(overdue) over fristen" : "")]
            + deadlines.map { "  " + deadline($0) }).joined(separator: "\n")
    }
}
