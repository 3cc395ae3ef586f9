import Foundation
import SkjenkCore
import SkjenkStore

/// The morning list per person (issue 18, item 4), the same way for the web (`/oppfolging`),
/// `skjenk followup --user` and the e-mail reminders: what the store holds, read for one user
/// within their district, sorted and grouped by `AgendaRules`.
public enum MorningList {
    /// The default horizon for hearing deadlines, in days.
    public static let defaultWithinDays = 7

    /// What is due for `user` on `today`: complaints whose next step is due by `today` +
    /// `complaintsWithinDays`, hearing deadlines within `withinDays` or overdue, drafts returned to
    /// them, statements waiting for their approval and meeting items without a recorded outcome —
    /// each only where the role has it (`AgendaRules.sections(for:)`), and only of `user.district`
    /// when the user has one.
    public static func dueItems(
        for user: WebUser, store: any AppStore, today: LocalDate, withinDays: Int, complaintsWithinDays: Int = 0
    ) async throws -> PersonalAgenda {
        let sections = AgendaRules.sections(for: user.role)
        let district = user.district

        var complaints: [FollowUpAgenda.Item] = []
        if sections.contains(.complaints) {
            let entries = try await store.complaintLog(
                ComplaintFilter(
                    officer: user.name, dueBy: today.adding(days: complaintsWithinDays), district: district))
            complaints = FollowUpAgenda(entries: entries, today: today, withinDays: complaintsWithinDays)
                .officers.flatMap(\.items)
        }

        var deadlines: [PersonalAgenda.Deadline] = []
        if sections.contains(.deadlines) {
            let horizon = today.adding(days: withinDays)
            var open: [AgendaRules.OpenCase] = []
            for summary in try await openCases(store: store, today: today, district: district)
            where summary.deadline <= horizon {
                let owner = try await store.drafts(of: summary.caseNumber).last?.author
                open.append(AgendaRules.OpenCase(line: line(summary), owner: owner))
            }
            deadlines = AgendaRules.deadlines(
                open, user: user.name, role: user.role, today: today, withinDays: withinDays)
        }

        var returned: [PersonalAgenda.ReturnedDraft] = []
        if sections.contains(.returned) {
            var drafts: [AgendaRules.DraftState] = []
            for item in try await store.reviewQueue(.draft, district: district) {
                let review = try await store.review(of: item.caseNumber)
                guard let author = try await store.drafts(of: item.caseNumber).last?.author else { continue }
                drafts.append(
                    AgendaRules.DraftState(
                        line: line(item), state: review.state, comment: review.comment, author: author))
            }
            returned = AgendaRules.returned(drafts, user: user.name)
        }

        var approvals: [PersonalAgenda.Approval] = []
        var unrecorded: [PersonalAgenda.UnrecordedItem] = []
        if sections.contains(.approvals) || sections.contains(.unrecorded) {
            let submitted = try await store.reviewQueue(.submitted, district: district)
            let meetings =
                user.role == .councilMember ? try await store.meetings(district: district, from: nil) : []
            let pending = AgendaRules.pendingItems(meetings)
            approvals = AgendaRules.approvals(
                submitted.map { AgendaRules.Submitted(line: line($0), route: $0.route, meeting: pending[$0.caseNumber]) },
                role: user.role, today: today)
            if sections.contains(.unrecorded) {
                var venues = Dictionary(submitted.map { ($0.caseNumber, $0.venueName) }, uniquingKeysWith: { a, _ in a })
                for meeting in meetings where meeting.date <= today {
                    for item in meeting.openItems where venues[item.caseNumber] == nil {
                        if let stored = try await store.storedCase(item.caseNumber) {
                            venues[item.caseNumber] = stored.hearing.venue.name
                        }
                    }
                }
                unrecorded = AgendaRules.unrecorded(meetings, today: today, venues: venues)
            }
        }

        return PersonalAgenda(
            user: user.name, role: user.role, today: today, withinDays: withinDays, complaints: complaints,
            deadlines: deadlines, returned: returned, approvals: approvals, unrecorded: unrecorded)
    }

    /// Open hearings due within `withinDays` or overdue, of `district` (every district's when nil),
    /// soonest first, each with its owner: the deadline part of the morning list for everyone (`skjenk
    /// followup` without `--user`).
    public static func deadlines(
        store: any AppStore, today: LocalDate, withinDays: Int, district: String?
    ) async throws -> [PersonalAgenda.Deadline] {
        let horizon = today.adding(days: withinDays)
        var deadlines: [PersonalAgenda.Deadline] = []
        for summary in try await openCases(store: store, today: today, district: district)
        where summary.deadline <= horizon {
            let owner = try await store.drafts(of: summary.caseNumber).last?.author
            deadlines.append(
                PersonalAgenda.Deadline(line: line(summary), daysLeft: today.days(until: summary.deadline), owner: owner))
        }
        return deadlines
    }

    /// Every open hearing of `district`, soonest deadline first.
    static func openCases(store: any AppStore, today: LocalDate, district: String?) async throws -> [CaseSummary] {
        var cases: [CaseSummary] = []
        let page = 500
        while true {
            let list = try await store.caseList(
                CaseListQuery(statuses: [.open], offset: cases.count, limit: page, today: today, district: district))
            cases += list.cases
            if list.cases.count < page || cases.count >= list.total { return cases }
        }
    }

    static func line(_ summary: CaseSummary) -> PersonalAgenda.CaseLine {
        PersonalAgenda.CaseLine(caseNumber: summary.caseNumber, venueName: summary.venueName, deadline: summary.deadline)
    }

    static func line(_ item: ReviewQueueItem) -> PersonalAgenda.CaseLine {
        PersonalAgenda.CaseLine(caseNumber: item.caseNumber, venueName: item.venueName, deadline: item.deadline)
    }
}
