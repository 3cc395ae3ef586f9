import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// Issue 18, item 4: who gets which section of the morning list, what is due, and in which order.
@Suite struct AgendaRulesTests {
    static let today = Fixtures.day("2026-11-22")

    static func line(_ sequence: Int, _ deadline: String, venue: String? = nil) -> PersonalAgenda.CaseLine {
        PersonalAgenda.CaseLine(
            caseNumber: try! CaseNumber("2026/\(sequence)"), venueName: venue ?? "Sted \(sequence)",
            deadline: Fixtures.day(deadline))
    }

    static func meeting(
        _ id: Int64, _ date: String, items: [(String, Int, MeetingOutcome?)], district: String? = nil
    ) -> Meeting {
        Meeting(
            id: id, body: "bydelsutvalget", date: Fixtures.day(date), district: district,
            items: items.map { MeetingItem(number: $0.0, caseNumber: try! CaseNumber("2026/\($0.1)"), outcome: $0.2) },
            createdAt: Date(timeIntervalSince1970: 0), createdBy: "sekretaer")
    }

    static let roleSections: [(Role, Set<PersonalAgenda.Section>)] = [
        (.caseworker, [.complaints, .deadlines, .returned]),
        (.complaintOfficer, [.complaints, .deadlines, .returned]),
        (.manager, [.approvals]),
        (.councilMember, [.approvals, .unrecorded]),
        (.admin, []),
    ]

    @Test(arguments: roleSections) func eachRoleHasItsSections(role: Role, sections: Set<PersonalAgenda.Section>) {
        #expect(AgendaRules.sections(for: role) == sections)
    }

    @Test func deadlinesAreMineOrUnassignedWithinTheHorizonSoonestFirst() {
        let cases = [
            AgendaRules.OpenCase(line: Self.line(30, "2026-11-29"), owner: "kari"),  // 7 days: in
            AgendaRules.OpenCase(line: Self.line(31, "2026-11-30"), owner: "kari"),  // 8 days: out
            AgendaRules.OpenCase(line: Self.line(12, "2026-11-20"), owner: "kari"),  // overdue: in
            AgendaRules.OpenCase(line: Self.line(11, "2026-11-22"), owner: nil),  // unassigned: in
            AgendaRules.OpenCase(line: Self.line(10, "2026-11-22"), owner: "ola"),  // someone else's
        ]
        let kari = AgendaRules.deadlines(cases, user: "kari", role: .caseworker, today: Self.today, withinDays: 7)
        #expect(kari.map(\.line.caseNumber.sequence) == [12, 11, 30])
        #expect(kari.map(\.daysLeft) == [-2, 0, 7])
        #expect(kari.map(\.unassigned) == [false, true, false])
        // A complaint officer sees only cases they drafted, not the unassigned ones.
        let officer = AgendaRules.deadlines(
            cases, user: "kari", role: .complaintOfficer, today: Self.today, withinDays: 7)
        #expect(officer.map(\.line.caseNumber.sequence) == [12, 30])
        // Horizon 0: due today or overdue.
        #expect(
            AgendaRules.deadlines(cases, user: "kari", role: .caseworker, today: Self.today, withinDays: 0)
                .map(\.line.caseNumber.sequence) == [12, 11])
    }

    @Test func returnedDraftsAreThoseSentBackToTheirAuthor() {
        let drafts = [
            AgendaRules.DraftState(line: Self.line(3, "2026-11-30"), state: .draft, comment: "Se på vilkårene", author: "kari"),
            AgendaRules.DraftState(line: Self.line(2, "2026-11-25"), state: .draft, comment: " Kortere. ", author: "kari"),
            AgendaRules.DraftState(line: Self.line(4, "2026-11-25"), state: .draft, comment: nil, author: "kari"),
            AgendaRules.DraftState(line: Self.line(5, "2026-11-25"), state: .draft, comment: "  ", author: "kari"),
            AgendaRules.DraftState(line: Self.line(6, "2026-11-25"), state: .submitted, comment: "Gammel", author: "kari"),
            AgendaRules.DraftState(line: Self.line(7, "2026-11-25"), state: .draft, comment: "Ny tekst", author: "ola"),
        ]
        let returned = AgendaRules.returned(drafts, user: "kari")
        #expect(returned.map(\.line.caseNumber.sequence) == [2, 3])
        #expect(returned.map(\.comment) == ["Kortere.", "Se på vilkårene"])
    }

    @Test func approvalsFollowTheRoute() {
        let upcoming = PersonalAgenda.MeetingRef(
            meetingId: 2, meetingLabel: "bydelsutvalget 10. desember 2026", date: Fixtures.day("2026-12-10"),
            itemNumber: "12/26")
        let earlierItem = PersonalAgenda.MeetingRef(
            meetingId: 2, meetingLabel: "bydelsutvalget 10. desember 2026", date: Fixtures.day("2026-12-10"),
            itemNumber: "3/26")
        let held = PersonalAgenda.MeetingRef(
            meetingId: 1, meetingLabel: "bydelsutvalget 22. november 2026", date: Self.today, itemNumber: "1/26")
        let council = DecisionRoute.council(body: "bydelsutvalget", meetingDate: Fixtures.day("2026-12-10"), itemNumber: "1/26")
        let submitted = [
            AgendaRules.Submitted(line: Self.line(9, "2026-11-30"), route: .delegated(signatory: nil), meeting: nil),
            AgendaRules.Submitted(line: Self.line(8, "2026-11-24"), route: .delegated(signatory: "Direktør"), meeting: nil),
            AgendaRules.Submitted(line: Self.line(20, "2026-11-24"), route: council, meeting: upcoming),
            AgendaRules.Submitted(line: Self.line(21, "2026-11-30"), route: council, meeting: earlierItem),
            AgendaRules.Submitted(line: Self.line(22, "2026-11-24"), route: council, meeting: nil),
            AgendaRules.Submitted(line: Self.line(23, "2026-11-24"), route: council, meeting: held),
        ]
        let manager = AgendaRules.approvals(submitted, role: .manager, today: Self.today)
        #expect(manager.map(\.line.caseNumber.sequence) == [8, 9])
        let member = AgendaRules.approvals(submitted, role: .councilMember, today: Self.today)
        // On an agenda after today, by meeting and item number ("3/26" before "12/26"); the one not on
        // an agenda and the one on today's meeting (listed to be recorded) are not here.
        #expect(member.map(\.line.caseNumber.sequence) == [21, 20])
        #expect(member.map(\.meeting?.itemNumber) == ["3/26", "12/26"])
        #expect(AgendaRules.approvals(submitted, role: .caseworker, today: Self.today).isEmpty)
        #expect(AgendaRules.approvals(submitted, role: .admin, today: Self.today).isEmpty)
    }

    @Test func unrecordedItemsAreThoseOfMeetingsHeldWithoutAnOutcome() {
        let meetings = [
            Self.meeting(3, "2026-12-10", items: [("5/26", 50, nil)]),
            Self.meeting(2, "2026-11-22", items: [("3/26", 30, .adopted), ("4/26", 40, nil)]),
            Self.meeting(1, "2026-11-05", items: [("1/26", 10, nil), ("2/26", 20, .returned)]),
        ]
        let venues = [try! CaseNumber("2026/10"): "Bar Boble"]
        let items = AgendaRules.unrecorded(meetings, today: Self.today, venues: venues)
        #expect(items.map(\.meeting.itemNumber) == ["1/26", "4/26"])
        #expect(items.map(\.venueName) == ["Bar Boble", nil])
        #expect(items.map(\.meeting.meetingLabel) == ["bydelsutvalget 5. november 2026", "bydelsutvalget 22. november 2026"])
        let pending = AgendaRules.pendingItems(meetings)
        #expect(Set(pending.keys.map(\.sequence)) == [50, 40, 10])
        #expect(pending[try! CaseNumber("2026/50")]?.meetingId == 3)
    }

    @Test(arguments: [(0, "frist i dag"), (1, "frist i morgen"), (4, "4 dager igjen"), (-1, "1 dag over fristen"), (-3, "3 dager over fristen")])
    func deadlineLabels(days: Int, label: String) {
        #expect(PersonalAgenda.deadlineLabel(daysLeft: days) == label)
    }

    @Test func countsAddUpOverTheSections() {
        let agenda = PersonalAgenda(
            user: "kari", role: .caseworker, today: Self.today, withinDays: 7, complaints: [],
            deadlines: [PersonalAgenda.Deadline(line: Self.line(1, "2026-11-23"), daysLeft: 1, owner: nil)],
            returned: [PersonalAgenda.ReturnedDraft(line: Self.line(2, "2026-11-23"), comment: "x")],
            approvals: [], unrecorded: [])
        #expect(agenda.total == 2)
        #expect(agenda.count(.deadlines) == 1 && agenda.count(.returned) == 1 && agenda.count(.complaints) == 0)
        #expect(!agenda.isEmpty)
    }
}
