import Foundation
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, meetings: an agenda of submitted statements numbered per body and year, and the
/// secretary's record of what the body decided, which the statements then carry. On every engine.
@Suite struct MeetingStoreTests {
    let actor = Fixtures.actor
    static let secretary = Actor(name: "sekretaer", channel: "web")
    static let body = "bydelsutvalget"

    /// Three cases of St. Hanshaugen with drafts for the council, submitted; one of Sagene.
    func storeWithSubmittedCases(_ engine: StoreEngine) async throws -> (any AppStore, [CaseNumber]) {
        let store = try await engine.store()
        var hearings = (1...3).map { Fixtures.hearing($0) }
        var sagene = Fixtures.hearing(4)
        sagene.district = "Sagene"
        hearings.append(sagene)
        _ = try await store.storeHearings(hearings, source: "test.xml", actor: actor, progress: nil)
        _ = try await store.addUser(name: "sekretaer", role: .councilMember, passwordHash: "x", actor: actor)
        for hearing in hearings {
            _ = try await store.addDraft(draft(hearing.caseNumber), actor: actor)
            _ = try await store.applyReview(.submit, to: hearing.caseNumber, actor: actor)
        }
        return (store, hearings.map(\.caseNumber))
    }

    func draft(_ number: CaseNumber, route: DecisionRoute? = nil) -> StatementDraft {
        StatementDraft(
            caseNumber: number, origin: .generated,
            markdown: "# Uttalelse\n\n"
                + StatementText.routeBeforeApproval(
                    .council(body: Self.body, meetingDate: Fixtures.day("2026-12-03"), itemNumber: "1/26")) + "\n",
            mapSVG: nil, outcome: .grantWithConditions,
            route: route ?? .council(body: Self.body, meetingDate: Fixtures.day("2026-12-03"), itemNumber: "1/26"),
            hearingVersion: 1, assessmentDigest: "0123456789abcdef", author: "ola",
            createdAt: Fixtures.oslo("2026-11-22 10:00"))
    }

    @Test(arguments: StoreEngine.all) func itemsAreNumberedPerBodyAndYearAndAStatementIsOnOneAgenda(
        engine: StoreEngine
    ) async throws {
        let (store, cases) = try await storeWithSubmittedCases(engine)
        let december = try await store.addMeeting(
            body: " bydelsutvalget ", date: Fixtures.day("2026-12-10"), district: "Bydel St. Hanshaugen", actor: actor)
        #expect(december.body == "bydelsutvalget")
        #expect(december.district == "St. Hanshaugen")
        let committee = try await store.addMeeting(
            body: "helse- og sosialkomiteen", date: Fixtures.day("2026-12-11"), district: "St. Hanshaugen", actor: actor)
        let first = try await store.addMeetingItem(meeting: december.id, case: cases[0], actor: actor)
        let second = try await store.addMeetingItem(meeting: december.id, case: cases[1], actor: actor)
        #expect([first.number, second.number] == ["1/26", "2/26"])
        // Not twice on an agenda, not a draft written for another body, not another district's case.
        await #expect(throws: MeetingProblem.alreadyOnMeeting(
            caseNumber: cases[0].text, meeting: "bydelsutvalget 10. desember 2026", item: "1/26")
        ) {
            _ = try await store.addMeetingItem(meeting: december.id, case: cases[0], actor: self.actor)
        }
        await #expect(throws: MeetingProblem.otherBody(
            caseNumber: cases[2].text, draftBody: Self.body, body: "helse- og sosialkomiteen")
        ) {
            _ = try await store.addMeetingItem(meeting: committee.id, case: cases[2], actor: self.actor)
        }
        await #expect(throws: MeetingProblem.otherDistrict(caseNumber: cases[3].text, district: "Sagene")) {
            _ = try await store.addMeetingItem(meeting: december.id, case: cases[3], actor: self.actor)
        }
        // A draft that is not submitted, or written for the director, stays off the agenda.
        _ = try await store.addDraft(draft(cases[2]), actor: actor)
        await #expect(throws: MeetingProblem.notSubmitted(caseNumber: cases[2].text, state: "utkast")) {
            _ = try await store.addMeetingItem(meeting: december.id, case: cases[2], actor: self.actor)
        }
        _ = try await store.addDraft(draft(cases[2], route: .delegated(signatory: nil)), actor: actor)
        _ = try await store.applyReview(.submit, to: cases[2], actor: actor)
        await #expect(throws: MeetingProblem.delegatedDraft(caseNumber: cases[2].text, body: Self.body)) {
            _ = try await store.addMeetingItem(meeting: december.id, case: cases[2], actor: self.actor)
        }
        // A later meeting of the same body in the same year goes on counting; a new year starts at 1.
        let january = try await store.addMeeting(
            body: "Bydelsutvalget", date: Fixtures.day("2027-01-14"), district: "St. Hanshaugen", actor: actor)
        let later = try await store.addMeeting(
            body: "bydelsutvalget", date: Fixtures.day("2026-12-17"), district: "St. Hanshaugen", actor: actor)
        _ = try await store.addDraft(draft(cases[2]), actor: actor)
        _ = try await store.applyReview(.submit, to: cases[2], actor: actor)
        #expect(try await store.addMeetingItem(meeting: later.id, case: cases[2], actor: actor).number == "3/26")
        let stored = try #require(try await store.meeting(id: december.id))
        #expect(stored.items.map(\.caseNumber) == [cases[0], cases[1]])
        #expect(try await store.pendingMeeting(of: cases[1])?.item.number == "2/26")
        #expect(try await store.meetings(district: "St. Hanshaugen", from: Fixtures.day("2026-12-11")).map(\.id)
            == [committee.id, later.id, january.id])
        #expect(try await store.meetings(district: "Sagene", from: nil).isEmpty)
        await #expect(throws: MeetingProblem.invalidBody) {
            _ = try await store.addMeeting(body: " ", date: Fixtures.day("2026-12-10"), district: nil, actor: self.actor)
        }
    }

    @Test(arguments: StoreEngine.all) func theRecordedDecisionsReachTheStatementsInOneTransaction(
        engine: StoreEngine
    ) async throws {
        let (store, cases) = try await storeWithSubmittedCases(engine)
        let meeting = try await store.addMeeting(
            body: Self.body, date: Fixtures.day("2026-12-10"), district: "St. Hanshaugen", actor: actor)
        for number in cases.prefix(3) { _ = try await store.addMeetingItem(meeting: meeting.id, case: number, actor: actor) }
        let versionsBefore = try await store.drafts(of: cases[1]).count

        // A record that cannot be kept (an amended item without its text) keeps nothing.
        await #expect(throws: MeetingProblem.missingText("2/26")) {
            _ = try await store.recordMeeting(
                [
                    MeetingRecord(itemNumber: "1/26", outcome: .adopted),
                    MeetingRecord(itemNumber: "2/26", outcome: .amended, text: " "),
                ], meeting: meeting.id, actor: Self.secretary)
        }
        #expect(try await store.review(of: cases[0]).state == .submitted)
        // Four eyes: the one who submitted the drafts may not record their approval.
        await #expect(throws: StatementStoreError.self) {
            _ = try await store.recordMeeting(
                [MeetingRecord(itemNumber: "1/26", outcome: .adopted)], meeting: meeting.id, actor: self.actor)
        }
        #expect(try await store.meeting(id: meeting.id)?.items.allSatisfy { $0.outcome == nil } == true)

        let recorded = try await store.recordMeeting(
            [
                MeetingRecord(itemNumber: "1/26", outcome: .adopted),
                MeetingRecord(itemNumber: "2/26", outcome: .amended, text: "# Uttalelse\n\nBU vil ha vakter ute.\n"),
                MeetingRecord(itemNumber: "3/26", outcome: .returned, text: "Mer om nabolaget"),
            ], meeting: meeting.id, actor: Self.secretary)
        #expect(recorded.items.map(\.outcome) == [.adopted, .amended, .returned])
        #expect(recorded.items.allSatisfy { $0.recordedBy == "sekretaer" && $0.recordedAt != nil })
        let decision = DecisionRoute.council(body: Self.body, meetingDate: Fixtures.day("2026-12-10"), itemNumber: "1/26")
        let adopted = try await store.review(of: cases[0])
        #expect(adopted.state == .approved)
        #expect(adopted.decision == decision)
        let amended = try await store.review(of: cases[1])
        #expect(amended.state == .approved)
        let versions = try await store.drafts(of: cases[1])
        #expect(versions.count == versionsBefore + 1)
        #expect(versions.last?.markdown == "# Uttalelse\n\nBU vil ha vakter ute.\n")
        #expect(versions.last?.author == Self.body)
        let returned = try await store.review(of: cases[2])
        #expect(returned.state == .draft)
        #expect(returned.comment == "Sendt tilbake fra bydelsutvalget 10. desember 2026, sak 3/26: Mer om nabolaget")
        // Recorded once; the returned statement may go on a later agenda.
        await #expect(throws: MeetingProblem.alreadyRecorded("1/26")) {
            _ = try await store.recordMeeting(
                [MeetingRecord(itemNumber: "1/26", outcome: .adopted)], meeting: meeting.id, actor: Self.secretary)
        }
        #expect(try await store.pendingMeeting(of: cases[2]) == nil)
        let audit = try await store.statementAuditTrail(cases[0]).map(\.action)
        #expect(audit.last == "statement.approve")
    }
}
