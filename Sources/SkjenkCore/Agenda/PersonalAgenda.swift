import Foundation

/// What is due for one person (issue 18, item 4): the morning list on the web (`/oppfolging`), from
/// `skjenk followup --user` and in the e-mail reminder. Five sections; which ones a person gets
/// follows their role (`AgendaRules.sections(for:)`).
public struct PersonalAgenda: Sendable, Hashable {
    /// The sections, in the order every channel shows them.
    public enum Section: String, Sendable, Hashable, CaseIterable {
        /// Klager å følge opp: complaints whose next step is due.
        case complaints
        /// Høringsfrister: open hearings due within the horizon or overdue.
        case deadlines
        /// Utkast sendt tilbake: drafts returned to their author, with the reason.
        case returned
        /// Venter på din godkjenning: submitted statements for this person's decision.
        case approvals
        /// Møtesaker uten utfall: items of meetings held without a recorded outcome.
        case unrecorded

        public var title: String {
            switch self {
            case .complaints: "Klager å følge opp"
            case .deadlines: "Høringsfrister"
            case .returned: "Utkast sendt tilbake til deg"
            case .approvals: "Venter på din godkjenning"
            case .unrecorded: "Møtesaker uten ført utfall"
            }
        }
    }

    /// A hearing as the list names it: number, venue and deadline. Never the applicant's people.
    public struct CaseLine: Sendable, Hashable {
        public let caseNumber: CaseNumber
        public let venueName: String
        public let deadline: LocalDate

        public init(caseNumber: CaseNumber, venueName: String, deadline: LocalDate) {
            self.caseNumber = caseNumber
            self.venueName = venueName
            self.deadline = deadline
        }
    }

    /// A hearing whose deadline is near or past.
    public struct Deadline: Sendable, Hashable {
        public let line: CaseLine
        /// Days until the deadline: 0 today, negative when overdue.
        public let daysLeft: Int
        /// The author of the latest draft; nil before the first draft (every caseworker sees it then).
        public let owner: String?

        public init(line: CaseLine, daysLeft: Int, owner: String?) {
            self.line = line
            self.daysLeft = daysLeft
            self.owner = owner
        }

        /// Whether nobody has drafted a statement yet.
        public var unassigned: Bool { owner == nil }
    }

    /// A draft the reviewer sent back to its author.
    public struct ReturnedDraft: Sendable, Hashable {
        public let line: CaseLine
        /// Why it was returned, as the reviewer wrote it.
        public let comment: String

        public init(line: CaseLine, comment: String) {
            self.line = line
            self.comment = comment
        }
    }

    /// A submitted statement waiting for this person's decision.
    public struct Approval: Sendable, Hashable {
        public let line: CaseLine
        public let route: DecisionRoute
        /// The meeting whose agenda holds it (council routes), with the item.
        public let meeting: MeetingRef?

        public init(line: CaseLine, route: DecisionRoute, meeting: MeetingRef?) {
            self.line = line
            self.route = route
            self.meeting = meeting
        }
    }

    /// A meeting and one of its items, by reference.
    public struct MeetingRef: Sendable, Hashable {
        public let meetingId: Int64
        /// "bydelsutvalget 10. desember 2026".
        public let meetingLabel: String
        public let date: LocalDate
        public let itemNumber: String

        public init(meetingId: Int64, meetingLabel: String, date: LocalDate, itemNumber: String) {
            self.meetingId = meetingId
            self.meetingLabel = meetingLabel
            self.date = date
            self.itemNumber = itemNumber
        }
    }

    /// An item of a meeting held on or before today whose outcome is not recorded.
    public struct UnrecordedItem: Sendable, Hashable {
        public let meeting: MeetingRef
        public let caseNumber: CaseNumber
        /// The venue, when the case is known.
        public let venueName: String?

        public init(meeting: MeetingRef, caseNumber: CaseNumber, venueName: String?) {
            self.meeting = meeting
            self.caseNumber = caseNumber
            self.venueName = venueName
        }
    }

    /// The user name the list is for.
    public let user: String
    public let role: Role
    public let today: LocalDate
    /// The horizon for hearing deadlines, in days.
    public let withinDays: Int
    public let complaints: [FollowUpAgenda.Item]
    public let deadlines: [Deadline]
    public let returned: [ReturnedDraft]
    public let approvals: [Approval]
    public let unrecorded: [UnrecordedItem]

    public init(
        user: String, role: Role, today: LocalDate, withinDays: Int, complaints: [FollowUpAgenda.Item],
        deadlines: [Deadline], returned: [ReturnedDraft], approvals: [Approval], unrecorded: [UnrecordedItem]
    ) {
        self.user = user
        self.role = role
        self.today = today
        self.withinDays = withinDays
        self.complaints = complaints
        self.deadlines = deadlines
        self.returned = returned
        self.approvals = approvals
        self.unrecorded = unrecorded
    }

    /// How many entries a section holds.
    public func count(_ section: Section) -> Int {
        switch section {
        case .complaints: complaints.count
        case .deadlines: deadlines.count
        case .returned: returned.count
        case .approvals: approvals.count
        case .unrecorded: unrecorded.count
        }
    }

    /// Entries in every section together.
    public var total: Int { Section.allCases.reduce(0) { $0 + count($1) } }

    public var isEmpty: Bool { total == 0 }

    /// "frist i dag", "frist i morgen", "3 dager igjen", "2 dager over fristen".
    public static func deadlineLabel(daysLeft: Int) -> String {
        switch daysLeft {
        case 0: "frist i dag"
        case 1: "frist i morgen"
        case 2...: "\(daysLeft) dager igjen"
        case -1: "1 dag over fristen"
        default: "\(-daysLeft) dager over fristen"
        }
    }
}
