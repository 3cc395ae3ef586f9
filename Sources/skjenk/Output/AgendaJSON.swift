import Foundation
import SkjenkCore

/// `skjenk followup --user NAME --json`: the person's morning list, section by section.
struct PersonalAgendaJSON: Encodable {
    /// A complaint's next step, as `skjenk followup --json` lists it.
    typealias Complaint = FollowUpJSON.Item

    struct Deadline: Encodable {
        let caseNumber: String
        let venue: String
        let deadline: String
        let daysLeft: Int
        /// The latest draft's author; absent before the first draft.
        let owner: String?

        init(_ deadline: PersonalAgenda.Deadline) {
            caseNumber = deadline.line.caseNumber.text
            venue = deadline.line.venueName
            self.deadline = deadline.line.deadline.iso
            daysLeft = deadline.daysLeft
            owner = deadline.owner
        }
    }

    struct Returned: Encodable {
        let caseNumber: String
        let venue: String
        let deadline: String
        let comment: String
    }

    struct Approval: Encodable {
        let caseNumber: String
        let venue: String
        let deadline: String
        let route: String
        let meetingId: Int64?
        let item: String?
    }

    struct Unrecorded: Encodable {
        let meetingId: Int64
        let meeting: String
        let date: String
        let item: String
        let caseNumber: String
        let venue: String?
    }

    let user: String
    let role: String
    let today: String
    let withinDays: Int
    let sections: [String]
    let complaints: [Complaint]
    let deadlines: [Deadline]
    let returned: [Returned]
    let approvals: [Approval]
    let unrecorded: [Unrecorded]

    init(_ agenda: PersonalAgenda) {
        user = agenda.user
        role = agenda.role.code
        today = agenda.today.iso
        withinDays = agenda.withinDays
        sections = PersonalAgenda.Section.allCases.filter(AgendaRules.sections(for: agenda.role).contains).map(\.rawValue)
        complaints = agenda.complaints.map {
            Complaint(
                id: $0.entry.id ?? 0, nextDue: $0.entry.nextDue?.iso ?? "", daysOverdue: $0.daysOverdue,
                venue: $0.entry.venue.label,
                categories: ComplaintCategory.allCases.filter($0.entry.categories.contains).map(\.code),
                status: $0.entry.status.code)
        }
        deadlines = agenda.deadlines.map(Deadline.init)
        returned = agenda.returned.map {
            Returned(
                caseNumber: $0.line.caseNumber.text, venue: $0.line.venueName, deadline: $0.line.deadline.iso,
                comment: $0.comment)
        }
        approvals = agenda.approvals.map {
            Approval(
                caseNumber: $0.line.caseNumber.text, venue: $0.line.venueName, deadline: $0.line.deadline.iso,
                route: $0.route.isDelegated ? "direktor" : "bu", meetingId: $0.meeting?.meetingId,
                item: $0.meeting?.itemNumber)
        }
        unrecorded = agenda.unrecorded.map {
            Unrecorded(
                meetingId: $0.meeting.meetingId, meeting: $0.meeting.meetingLabel, date: $0.meeting.date.iso,
                item: $0.meeting.itemNumber, caseNumber: $0.caseNumber.text, venue: $0.venueName)
        }
    }
}
