import Foundation
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Drafts as versions with author and time, the review under its rules, and the audit trail.
@Suite struct StatementStoreTests {
    let actor = Fixtures.actor

    func storeWithCase(_ engine: StoreEngine) async throws -> (any AppStore, CaseNumber) {
        let store = try await engine.store()
        let hearing = Fixtures.hearing(1)
        _ = try await store.storeHearings([hearing], source: "test.xml", actor: actor, progress: nil)
        try await addApprovers(store)
        return (store, hearing.caseNumber)
    }

    /// The council's secretary and a leader, who approve (four eyes: never the author).
    static let secretary = Actor(name: "sekretaer", channel: "web")
    static let leader = Actor(name: "leder", channel: "web")

    func addApprovers(_ store: any AppStore) async throws {
        _ = try await store.addUser(name: "sekretaer", role: .councilMember, passwordHash: "x", actor: actor)
        _ = try await store.addUser(name: "leder", role: .manager, passwordHash: "x", actor: actor)
    }

    func draft(_ number: CaseNumber, _ text: String, origin: StatementDraft.Origin = .generated) -> StatementDraft {
        StatementDraft(
            caseNumber: number, origin: origin, markdown: text, mapSVG: "<svg/>", outcome: .grantWithConditions,
            route: .council(body: "bydelsutvalget", meetingDate: Fixtures.day("2026-12-03"), itemNumber: "45/26"),
            hearingVersion: 1, assessmentDigest: "0123456789abcdef", author: "ola",
            createdAt: Fixtures.oslo("2026-11-22 10:00"))
    }

    @Test(arguments: StoreEngine.all) func versionsKeepTheGeneratedTextWhenAnEditIsStored(engine: StoreEngine) async throws {
        let (store, number) = try await storeWithCase(engine)
        let first = try await store.addDraft(draft(number, "# Generert\n"), actor: actor)
        let second = try await store.addDraft(draft(number, "# Redigert\n", origin: .edited), actor: actor)
        #expect(first.version == 1)
        #expect(second.version == 2)
        let versions = try await store.drafts(of: number)
        #expect(versions.map(\.markdown) == ["# Generert\n", "# Redigert\n"])
        #expect(versions.map(\.origin) == [.generated, .edited])
        #expect(versions[1] == second)
        #expect(versions[0].author == "ola")
        #expect(versions[0].route == first.route)
        let audit = try await store.statementAuditTrail(number)
        #expect(audit.map(\.action) == ["statement.draft", "statement.draft"])
        #expect(audit[1].detail.hasPrefix("versjon 2 (redigert)"))
    }

    @Test(arguments: StoreEngine.all) func theReviewIsStoredAndAudited(engine: StoreEngine) async throws {
        let (store, number) = try await storeWithCase(engine)
        await #expect(throws: StatementStoreError.review(.noDraft)) {
            try await store.applyReview(.submit, to: number, actor: self.actor)
        }
        let stored = try await store.addDraft(draft(number, "# Utkast\n"), actor: actor)
        _ = try await store.applyReview(.submit, to: number, actor: actor)
        let approved = try await store.applyReview(.approve(stored.route), to: number, actor: Self.secretary)
        #expect(approved.state == .approved)
        #expect(try await store.review(of: number) == approved)
        // A new version sends it back to utkast, to be reviewed again.
        _ = try await store.addDraft(draft(number, "# Endret\n"), actor: actor)
        #expect(try await store.review(of: number).state == .draft)
        _ = try await store.applyReview(.submit, to: number, actor: actor)
        _ = try await store.applyReview(.approve(stored.route), to: number, actor: Self.secretary)
        _ = try await store.applyReview(.markSent(Fixtures.day("2026-11-22")), to: number, actor: actor)
        await #expect(throws: StatementStoreError.review(.alreadySent)) {
            try await store.addDraft(self.draft(number, "# For sent\n"), actor: self.actor)
        }
        let audit = try await store.statementAuditTrail(number)
        #expect(
            audit.map(\.action) == [
                "statement.draft", "statement.submit", "statement.approve", "statement.draft", "statement.submit",
                "statement.approve", "statement.sent",
            ])
        #expect(audit[2].actor == "sekretaer")
        #expect(audit[2].detail.contains("vedtak i bydelsutvalget 3. desember 2026, sak 45/26"))
        #expect(audit[3].detail.contains("tilbake til utkast fra vedtatt"))
    }

    /// Issue 15, four eyes: the council's route is approved by the council (its secretary), the
    /// director's by a leader; never by the draft's author or the one who sent it for review.
    @Test(arguments: StoreEngine.all) func fourEyesApproveAStatement(engine: StoreEngine) async throws {
        let (store, number) = try await storeWithCase(engine)
        _ = try await store.addUser(name: "ola", role: .councilMember, passwordHash: "x", actor: actor)
        let stored = try await store.addDraft(draft(number, "# Utkast\n"), actor: actor)
        #expect(stored.author == "ola")
        _ = try await store.applyReview(.submit, to: number, actor: Self.secretary)
        await #expect(throws: StatementStoreError.review(.approverIsAuthor)) {
            try await store.applyReview(.approve(stored.route), to: number, actor: Actor(name: "ola", channel: "web"))
        }
        await #expect(throws: StatementStoreError.review(.approverSubmitted)) {
            try await store.applyReview(.approve(stored.route), to: number, actor: Self.secretary)
        }
        await #expect(
            throws: StatementStoreError.review(.approverLacksAuthority(route: "et politisk organ", needed: "bu"))
        ) {
            try await store.applyReview(.approve(stored.route), to: number, actor: Self.leader)
        }
        await #expect(throws: StatementStoreError.review(.approverLacksAuthority(route: "et politisk organ", needed: "bu"))) {
            try await store.applyReview(.approve(stored.route), to: number, actor: Actor(name: "ukjent", channel: "cli"))
        }
        #expect(try await store.review(of: number).state == .submitted)
        _ = try await store.addUser(name: "sekretaer2", role: .councilMember, passwordHash: "x", actor: actor)
        let approved = try await store.applyReview(
            .approve(stored.route), to: number, actor: Actor(name: "sekretaer2", channel: "web"))
        #expect(approved.state == .approved)
    }

    @Test(arguments: StoreEngine.all) func theReviewQueueGivesEachSubmittedCaseWithItsLatestDraft(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let hearings = (1...3).map { Fixtures.hearing($0) }
        _ = try await store.storeHearings(hearings, source: "test.xml", actor: actor, progress: nil)
        try await addApprovers(store)
        for hearing in hearings {
            _ = try await store.addDraft(draft(hearing.caseNumber, "# 1\n"), actor: actor)
        }
        var delegated = draft(hearings[0].caseNumber, "# 2\n", origin: .edited)
        delegated.outcome = .noRemarks
        delegated.route = .delegated(signatory: "bydelsdirektør")
        _ = try await store.addDraft(delegated, actor: actor)
        for hearing in hearings[0...1] {
            _ = try await store.applyReview(.submit, to: hearing.caseNumber, actor: actor)
        }

        let queue = try await store.reviewQueue(.submitted)
        let expected = hearings[0...1].sorted { ($0.deadline, $0.caseNumber.key) < ($1.deadline, $1.caseNumber.key) }
        #expect(queue.map(\.caseNumber) == expected.map(\.caseNumber))
        let first = try #require(queue.first { $0.caseNumber == hearings[0].caseNumber })
        #expect(first.outcome == .noRemarks, "the latest draft's")
        #expect(first.route == .delegated(signatory: "bydelsdirektør"))
        #expect(first.venueName == hearings[0].venue.name)
        #expect(first.deadline == hearings[0].deadline)
        #expect(try await store.reviewQueue(.approved).isEmpty)
        _ = try await store.applyReview(.approve(first.route), to: first.caseNumber, actor: Self.leader)
        #expect(try await store.reviewQueue(.approved).map(\.caseNumber) == [first.caseNumber])
        #expect(try await store.reviewQueue(.submitted).count == 1)
    }

    @Test(arguments: StoreEngine.all) func aDraftNeedsAStoredCase(engine: StoreEngine) async throws {
        let store = try await engine.store()
        await #expect(throws: StatementStoreError.caseNotFound("2026/10001")) {
            try await store.addDraft(self.draft(try CaseNumber("2026/10001"), "# X\n"), actor: self.actor)
        }
    }
}
