import Foundation

/// The rules of the personal morning list, as pure functions of what the store holds: who gets
/// which section, whose a case is, what counts as due, and the order within each section.
public enum AgendaRules {
    /// The sections a role has something in. Caseworkers and complaint officers draft statements and
    /// follow complaints up; the manager (the director under delegation) approves the director's
    /// statements; council members approve the council's statements at meetings and record them.
    public static func sections(for role: Role) -> Set<PersonalAgenda.Section> {
        switch role {
        case .caseworker, .complaintOfficer: [.complaints, .deadlines, .returned]
        case .manager: [.approvals]
        case .councilMember: [.approvals, .unrecorded]
        case .admin: []
        }
    }

    /// A hearing and who owns it: the author of its latest draft, nil before the first draft.
    public struct OpenCase: Sendable, Hashable {
        public let line: PersonalAgenda.CaseLine
        public let owner: String?

        public init(line: PersonalAgenda.CaseLine, owner: String?) {
            self.line = line
            self.owner = owner
        }
    }

    /// Open hearings due by `today` + `withinDays` (overdue ones included) that are `user`'s: those
    /// whose latest draft `user` wrote, and — for a caseworker — those nobody has drafted yet.
    /// Soonest deadline first, then by case number.
    public static func deadlines(
        _ cases: [OpenCase], user: String, role: Role, today: LocalDate, withinDays: Int
    ) -> [PersonalAgenda.Deadline] {
        let horizon = today.adding(days: withinDays)
        return cases.compactMap { open -> PersonalAgenda.Deadline? in
            guard open.line.deadline <= horizon else { return nil }
            guard open.owner == user || (open.owner == nil && role == .caseworker) else { return nil }
            return PersonalAgenda.Deadline(
                line: open.line, daysLeft: today.days(until: open.line.deadline), owner: open.owner)
        }
        .sorted { order($0.line, $1.line) }
    }

    /// A statement in draft and why it was last returned.
    public struct DraftState: Sendable, Hashable {
        public let line: PersonalAgenda.CaseLine
        public let state: ReviewState
        public let comment: String?
        /// The latest draft's author.
        public let author: String

        public init(line: PersonalAgenda.CaseLine, state: ReviewState, comment: String?, author: String) {
            self.line = line
            self.state = state
            self.comment = comment
            self.author = author
        }
    }

    /// Drafts back in `utkast` with a reviewer's comment whose latest version `user` wrote: sent back
    /// to them and not yet resubmitted. Soonest deadline first.
    public static func returned(_ drafts: [DraftState], user: String) -> [PersonalAgenda.ReturnedDraft] {
        drafts.compactMap { draft -> PersonalAgenda.ReturnedDraft? in
            let comment = draft.comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard draft.state == .draft, !comment.isEmpty, draft.author == user else { return nil }
            return PersonalAgenda.ReturnedDraft(line: draft.line, comment: comment)
        }
        .sorted { order($0.line, $1.line) }
    }

    /// A submitted statement, its latest draft's route and the meeting whose agenda holds it.
    public struct Submitted: Sendable, Hashable {
        public let line: PersonalAgenda.CaseLine
        public let route: DecisionRoute
        public let meeting: PersonalAgenda.MeetingRef?

        public init(line: PersonalAgenda.CaseLine, route: DecisionRoute, meeting: PersonalAgenda.MeetingRef?) {
            self.line = line
            self.route = route
            self.meeting = meeting
        }
    }

    /// Submitted statements waiting for `role`'s decision: for the manager those routed to the
    /// director (delegated); for a council member those routed to a body and on the agenda of a
    /// meeting after `today` (to read before it; on and after the meeting day they are listed as
    /// items to record instead). Manager: soonest deadline first; council: by meeting, then item.
    public static func approvals(_ submitted: [Submitted], role: Role, today: LocalDate) -> [PersonalAgenda.Approval] {
        switch role {
        case .manager:
            return submitted.filter(\.route.isDelegated)
                .sorted { order($0.line, $1.line) }
                .map { PersonalAgenda.Approval(line: $0.line, route: $0.route, meeting: nil) }
        case .councilMember:
            return submitted.compactMap { item -> (PersonalAgenda.MeetingRef, Submitted)? in
                guard !item.route.isDelegated, let meeting = item.meeting, meeting.date > today else { return nil }
                return (meeting, item)
            }
            .sorted { meetingOrder($0.0, $1.0) }
            .map { PersonalAgenda.Approval(line: $0.1.line, route: $0.1.route, meeting: $0.0) }
        case .caseworker, .complaintOfficer, .admin:
            return []
        }
    }

    /// Items of meetings held on or before `today` without a recorded outcome: oldest meeting first,
    /// items in the agenda's order. `venues` names the venue of each case it knows.
    public static func unrecorded(
        _ meetings: [Meeting], today: LocalDate, venues: [CaseNumber: String]
    ) -> [PersonalAgenda.UnrecordedItem] {
        meetings.filter { $0.date <= today }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            .flatMap { meeting in
                meeting.openItems.map { item in
                    PersonalAgenda.UnrecordedItem(
                        meeting: reference(meeting, item), caseNumber: item.caseNumber,
                        venueName: venues[item.caseNumber])
                }
            }
    }

    /// Every item without an outcome on any of `meetings`, by case: where a submitted statement is
    /// on an agenda.
    public static func pendingItems(_ meetings: [Meeting]) -> [CaseNumber: PersonalAgenda.MeetingRef] {
        var pending: [CaseNumber: PersonalAgenda.MeetingRef] = [:]
        for meeting in meetings {
            for item in meeting.openItems {
                pending[item.caseNumber] = reference(meeting, item)
            }
        }
        return pending
    }

    static func reference(_ meeting: Meeting, _ item: MeetingItem) -> PersonalAgenda.MeetingRef {
        PersonalAgenda.MeetingRef(
            meetingId: meeting.id, meetingLabel: meeting.label, date: meeting.date, itemNumber: item.number)
    }

    /// Soonest deadline first; the same deadline by year and sequence number.
    static func order(_ a: PersonalAgenda.CaseLine, _ b: PersonalAgenda.CaseLine) -> Bool {
        (a.deadline, a.caseNumber.year, a.caseNumber.sequence) < (b.deadline, b.caseNumber.year, b.caseNumber.sequence)
    }

    /// Soonest meeting first, then by item number ("3/26" before "12/26").
    static func meetingOrder(_ a: PersonalAgenda.MeetingRef, _ b: PersonalAgenda.MeetingRef) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.meetingId != b.meetingId { return a.meetingId < b.meetingId }
        return itemSequence(a.itemNumber) < itemSequence(b.itemNumber)
    }

    static func itemSequence(_ number: String) -> Int {
        Int(number.split(separator: "/").first ?? "") ?? 0
    }
}
