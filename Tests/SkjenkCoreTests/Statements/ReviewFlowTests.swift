import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The review: utkast → til behandling → vedtatt → sendt, returned back to utkast with a comment.
@Suite struct ReviewFlowTests {
    let now = Fixtures.oslo("2026-11-22 10:00")
    let bu = DecisionRoute.council(body: "bydelsutvalget", meetingDate: Fixtures.day("2026-12-03"), itemNumber: "45/26")

    func draft(_ route: DecisionRoute = .delegated(signatory: nil)) -> StatementDraft {
        StatementDraft(
            caseNumber: try! CaseNumber("2026/05231"), version: 1, origin: .generated, markdown: "# Uttalelse\n",
            mapSVG: nil, outcome: .grantWithConditions, route: route, hearingVersion: 1, assessmentDigest: "abc",
            author: "ola", createdAt: now)
    }

    @Test func theWholeWay() throws {
        var status = ReviewStatus()
        status = try ReviewFlow.apply(.submit, to: status, draft: draft(bu), now: now)
        #expect(status.state == .submitted)
        status = try ReviewFlow.apply(
            .returnToDraft(comment: "Skriv mer om skolen"), to: status, draft: draft(bu), now: now)
        #expect(status.state == .draft)
        #expect(status.comment == "Skriv mer om skolen")
        status = try ReviewFlow.apply(.submit, to: status, draft: draft(bu), now: now)
        status = try ReviewFlow.apply(.approve(bu), to: status, draft: draft(bu), now: now)
        #expect(status.state == .approved)
        #expect(status.decision == bu)
        #expect(status.approvedAt == now)
        status = try ReviewFlow.apply(.markSent(Fixtures.day("2026-11-22")), to: status, draft: draft(bu), now: now)
        #expect(status.state == .sent)
        #expect(status.sentDate == Fixtures.day("2026-11-22"))
    }

    @Test func stepsOutOfOrderAreRefused() throws {
        let submitted = ReviewStatus(state: .submitted)
        #expect(throws: ReviewFlow.Problem.noDraft) {
            try ReviewFlow.apply(.submit, to: ReviewStatus(), draft: nil, now: now)
        }
        #expect(throws: ReviewFlow.Problem.wrongState(action: "vedtas", state: .draft)) {
            try ReviewFlow.apply(.approve(.delegated(signatory: nil)), to: ReviewStatus(), draft: draft(), now: now)
        }
        #expect(throws: ReviewFlow.Problem.wrongState(action: "merkes som sendt", state: .submitted)) {
            try ReviewFlow.apply(.markSent(Fixtures.day("2026-11-22")), to: submitted, draft: draft(), now: now)
        }
        #expect(throws: ReviewFlow.Problem.wrongState(action: "sendes tilbake", state: .draft)) {
            try ReviewFlow.apply(.returnToDraft(comment: "nei"), to: ReviewStatus(), draft: draft(), now: now)
        }
        #expect(throws: ReviewFlow.Problem.missingComment) {
            try ReviewFlow.apply(.returnToDraft(comment: " "), to: submitted, draft: draft(), now: now)
        }
        #expect(throws: ReviewFlow.Problem.sentInTheFuture) {
            try ReviewFlow.apply(
                .markSent(Fixtures.day("2026-11-23")), to: ReviewStatus(state: .approved), draft: draft(), now: now)
        }
    }

    @Test func theDecisionMakerMustBeTheOneTheDraftWasWrittenFor() throws {
        let submitted = ReviewStatus(state: .submitted)
        #expect(throws: ReviewFlow.Problem.decisionDiffersFromDraft(draft: "vedtak av bydelsdirektøren")) {
            try ReviewFlow.apply(.approve(bu), to: submitted, draft: draft(), now: now)
        }
        // Another body than the draft was written for is refused …
        let committee = DecisionRoute.council(
            body: "helse- og sosialkomiteen", meetingDate: Fixtures.day("2027-01-14"), itemNumber: "3/27")
        #expect(throws: ReviewFlow.Problem.self) {
            try ReviewFlow.apply(.approve(committee), to: submitted, draft: draft(bu), now: now)
        }
        // … the same body deciding it in a later meeting (the item postponed) is its decision.
        let laterMeeting = DecisionRoute.council(
            body: "Bydelsutvalget", meetingDate: Fixtures.day("2027-01-14"), itemNumber: "3/27")
        let decided = try ReviewFlow.apply(.approve(laterMeeting), to: submitted, draft: draft(bu), now: now)
        #expect(decided.decision == laterMeeting)
        // The director's decision may be signed by someone else than the draft named.
        let approved = try ReviewFlow.apply(
            .approve(.delegated(signatory: "Kari")), to: submitted, draft: draft(.delegated(signatory: "Per")), now: now
        )
        #expect(approved.state == .approved)
    }

    @Test func aDraftIsStaleWhenTheCaseOrTheAssessmentChanged() {
        let d = draft()
        #expect(!d.isStale(hearingVersion: 1, assessmentDigest: "abc"))
        #expect(d.isStale(hearingVersion: 2, assessmentDigest: "abc"))
        #expect(d.isStale(hearingVersion: 1, assessmentDigest: "abd"))
    }

    @Test func theDigestFollowsWhatTheStatementCites() throws {
        let policy = try Fixtures.policy()
        let hearing = Fixtures.statementHearing(.new, .serving)
        let context = Fixtures.statementContext(policy: policy)
        let first = Assessor.assess(hearing, context: context).digest
        #expect(first.count == 16)
        #expect(Assessor.assess(hearing, context: context).digest == first)
        var later = hearing
        later.venue.capacity = Capacity(indoor: 400)
        #expect(Assessor.assess(later, context: context).digest != first)
    }
}
