import Foundation
import SkjenkApp
import SkjenkCompose
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// The use cases both front ends call, over every store engine: their rules hold whoever calls.
@Suite struct StatementDeskTests {
    let actor = Fixtures.actor
    static let leader = Actor(name: "leder", channel: "web")

    /// A store with a case, a generated draft, a leader to approve it, and the case's number.
    func caseWithDraft(_ engine: StoreEngine) async throws -> (any AppStore, StoredCase, Policy) {
        let store = try await engine.store()
        let policy = try Fixtures.policy()
        _ = try await store.storeHearings([Fixtures.hearing(1)], source: "a.xml", actor: actor, progress: nil)
        _ = try await store.addUser(name: "leder", role: .manager, passwordHash: "x", actor: actor)
        let stored = try #require(try await store.storedCase(Fixtures.hearing(1).caseNumber))
        let prepared = try await StatementDesk.prepare(
            [stored], policies: PolicySet(policy), store: store, today: Fixtures.day("2026-11-22"))[0]
        _ = try await StatementDesk.compose(
            prepared, outcome: nil, route: .delegated(signatory: nil), reference: nil,
            today: Fixtures.day("2026-11-22"), templates: try TemplateSet.bundledStatement(), store: store,
            actor: actor, officer: nil)
        return (store, stored, policy)
    }

    @Test(arguments: StoreEngine.all) func anArchiveWaitsForApprovalAndAnExportIsMarkedUntilThen(
        engine: StoreEngine
    ) async throws {
        let (store, stored, policy) = try await caseWithDraft(engine)
        let templates = try TemplateSet.bundledStatement()
        let number = stored.hearing.caseNumber

        // Before approval: the archive is refused with the state, the export is the marked draft
        await #expect(throws: StatementDeskError.notApproved(.draft)) {
            _ = try await StatementDesk.archive(stored, store: store, templates: templates, created: Date())
        }
        let draft = try await StatementDesk.export(number, as: .markdown, store: store, templates: templates)
        #expect(draft.fileName == "uttalelse-\(StatementDesk.fileStem(number)).md")
        #expect(draft.contentType == "text/markdown; charset=utf-8")

        // After submit and approval by someone else: the export is the finished letter
        _ = try await StatementDesk.review(
            .submit, of: stored, policies: { PolicySet(policy) }, store: store, today: Fixtures.day("2026-11-22"),
            actor: actor)
        let status = try await StatementDesk.review(
            .approve(.delegated(signatory: nil)), of: stored, policies: { PolicySet(policy) }, store: store,
            today: Fixtures.day("2026-11-22"), actor: Self.leader)
        #expect(StatementDesk.isFinished(status))
        let finished = try await StatementDesk.export(number, as: .markdown, store: store, templates: templates)
        #expect(finished.data != draft.data)
        #expect(
            finished.data
                == (try StatementDesk.render(finished.draft, as: .markdown, templates: templates, approved: true)))
    }

    @Test(arguments: StoreEngine.all) func aDraftOnAnEarlierVersionOfTheCaseIsNotApproved(
        engine: StoreEngine
    ) async throws {
        let (store, stored, policy) = try await caseWithDraft(engine)
        _ = try await StatementDesk.review(
            .submit, of: stored, policies: { PolicySet(policy) }, store: store, today: Fixtures.day("2026-11-22"),
            actor: actor)
        // The agency sends a changed hearing after the draft was written
        var changed = stored.hearing
        changed.remark = "Endret søknad: lengre skjenketid."
        _ = try await store.storeHearings([changed], source: "b.xml", actor: actor, progress: nil)
        let current = try #require(try await store.storedCase(changed.caseNumber))

        await #expect(throws: StatementDeskError.staleDraft(version: 1)) {
            _ = try await StatementDesk.review(
                .approve(.delegated(signatory: nil)), of: current, policies: { PolicySet(policy) }, store: store,
                today: Fixtures.day("2026-11-22"), actor: Self.leader)
        }
        #expect(try await store.review(of: changed.caseNumber).state == .submitted)
        #expect(try await StatementDesk.staleVersion(of: current, policies: PolicySet(policy), store: store, today: Fixtures.day("2026-11-22")) == 1)
    }

    @Test(arguments: StoreEngine.all) func aCaseWithoutADraftHasNothingToExport(engine: StoreEngine) async throws {
        let store = try await engine.store()
        _ = try await store.storeHearings([Fixtures.hearing(1)], source: "a.xml", actor: actor, progress: nil)
        await #expect(throws: StatementDeskError.noDraft(Fixtures.hearing(1).caseNumber)) {
            _ = try await StatementDesk.export(
                Fixtures.hearing(1).caseNumber, as: .html, store: store, templates: try TemplateSet.bundledStatement())
        }
    }
}

@Suite struct AccountsTests {
    @Test(arguments: StoreEngine.all) func aWeakPasswordIsRefusedBeforeAnythingIsStored(engine: StoreEngine) async throws {
        let store = try await engine.store()
        await #expect(throws: Accounts.Refusal.self) {
            _ = try await Accounts.addUser(
                name: "kari", role: .caseworker, password: "kari12345678", profile: nil, store: store,
                actor: Fixtures.actor)
        }
        #expect(try await store.users().isEmpty)
    }

    @Test(arguments: StoreEngine.all) func aUserIsStoredWithAHashAndASessionOpensAndCloses(
        engine: StoreEngine
    ) async throws {
        let store = try await engine.store()
        let password = "Lang og sjelden setning 7"
        let user = try await Accounts.addUser(
            name: "kari", role: .caseworker, password: password, profile: nil, store: store, actor: Fixtures.actor)
        let credentials = try #require(try await store.credentials(name: "kari"))
        #expect(credentials.passwordHash != password && credentials.passwordHash.hasPrefix("$2"))

        let now = FixedClock().now
        let (token, expires) = try await Accounts.openSession(for: user, lifetime: 3_600, store: store, now: now)
        #expect(expires == now.addingTimeInterval(3_600))
        #expect(try await store.session(tokenHash: token) == nil)  // stored as its hash, never as itself
        #expect(try await store.session(tokenHash: Tokens.hash(token))?.user.name == "kari")
        try await Accounts.closeSession(token: token, store: store)
        #expect(try await store.session(tokenHash: Tokens.hash(token)) == nil)
    }

    @Test(arguments: StoreEngine.all) func aKeyIsShownOnceAndStoredAsItsHash(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let (key, stored) = try await Accounts.issueKey(name: "Bymelding", store: store, actor: Fixtures.actor)
        #expect(stored.name == "Bymelding" && key.count == 64)
        #expect(try await store.apiKey(hash: key) == nil)
        #expect(try await store.apiKey(hash: Tokens.hash(key))?.name == "Bymelding")
    }
}
