import Foundation
import SkjenkCore

/// `/oppfolging` as Mustache reads it: the signed-in user's sections, each with its rows and links.
/// Stored properties only (the templates reflect with `Mirror`).
struct MorningListView: Encodable {
    struct ComplaintRow: Encodable {
        let id: Int64
        let due: String
        let label: String
        let overdue: Bool
        let venue: String
        let categories: String
    }

    struct DeadlineRow: Encodable {
        let path: String
        let caseNumber: String
        let venue: String
        let deadline: String
        let label: String
        let overdue: Bool
        let unassigned: Bool
    }

    struct ReturnedRow: Encodable {
        let path: String
        let caseNumber: String
        let venue: String
        let deadline: String
        let comment: String
    }

    struct ApprovalRow: Encodable {
        let path: String
        let caseNumber: String
        let venue: String
        let deadline: String
        let route: String
        let hasMeeting: Bool
        let meetingId: Int64
        let meeting: String
        let item: String
    }

    struct UnrecordedRow: Encodable {
        let meetingId: Int64
        let meeting: String
        let item: String
        let path: String
        let caseNumber: String
        let venue: String
    }

    /// A section the role has: its title and whether it has rows.
    struct Section<Row: Encodable>: Encodable {
        let shown: Bool
        let title: String
        let count: Int
        let hasRows: Bool
        let rows: [Row]

        init(_ section: PersonalAgenda.Section, role: Role, rows: [Row]) {
            shown = AgendaRules.sections(for: role).contains(section)
            title = section.title
            count = rows.count
            hasRows = !rows.isEmpty
            self.rows = rows
        }
    }

    let today: String
    let withinDays: Int
    let hasNothing: Bool
    let complaints: Section<ComplaintRow>
    let deadlines: Section<DeadlineRow>
    let returned: Section<ReturnedRow>
    let approvals: Section<ApprovalRow>
    let unrecorded: Section<UnrecordedRow>

    init(_ agenda: PersonalAgenda) {
        let role = agenda.role
        today = NorwegianFormat.longDate(agenda.today)
        withinDays = agenda.withinDays
        hasNothing = AgendaRules.sections(for: role).isEmpty
        complaints = Section(
            .complaints, role: role,
            rows: agenda.complaints.map { item in
                ComplaintRow(
                    id: item.entry.id ?? 0, due: item.entry.nextDue.map(NorwegianFormat.date) ?? "",
                    label: FollowUpAgenda.dueLabel(daysOverdue: item.daysOverdue), overdue: item.daysOverdue > 0,
                    venue: item.entry.venue.label,
                    categories: ComplaintCategory.allCases.filter(item.entry.categories.contains).map(\.label)
                        .joined(separator: ", "))
            })
        deadlines = Section(
            .deadlines, role: role,
            rows: agenda.deadlines.map {
                DeadlineRow(
                    path: $0.line.caseNumber.key, caseNumber: $0.line.caseNumber.text, venue: $0.line.venueName,
                    deadline: NorwegianFormat.date($0.line.deadline),
                    label: PersonalAgenda.deadlineLabel(daysLeft: $0.daysLeft), overdue: $0.daysLeft < 0,
                    unassigned: $0.unassigned)
            })
        returned = Section(
            .returned, role: role,
            rows: agenda.returned.map {
                ReturnedRow(
                    path: $0.line.caseNumber.key, caseNumber: $0.line.caseNumber.text, venue: $0.line.venueName,
                    deadline: NorwegianFormat.date($0.line.deadline), comment: $0.comment)
            })
        approvals = Section(
            .approvals, role: role,
            rows: agenda.approvals.map {
                ApprovalRow(
                    path: $0.line.caseNumber.key, caseNumber: $0.line.caseNumber.text, venue: $0.line.venueName,
                    deadline: NorwegianFormat.date($0.line.deadline), route: $0.route.label,
                    hasMeeting: $0.meeting != nil, meetingId: $0.meeting?.meetingId ?? 0,
                    meeting: $0.meeting?.meetingLabel ?? "", item: $0.meeting?.itemNumber ?? "")
            })
        unrecorded = Section(
            .unrecorded, role: role,
            rows: agenda.unrecorded.map {
                UnrecordedRow(
                    meetingId: $0.meeting.meetingId, meeting: $0.meeting.meetingLabel, item: $0.meeting.itemNumber,
                    path: $0.caseNumber.key, caseNumber: $0.caseNumber.text, venue: $0.venueName ?? "")
            })
    }
}
