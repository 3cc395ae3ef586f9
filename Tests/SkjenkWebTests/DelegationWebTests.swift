import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkApp
import SkjenkCore
import SkjenkImport
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, items 2 and 3 on the case page: the district's delegation says who decides and why; a
/// first draft for the council is written for the body's next meeting; a deadline before that
/// meeting is flagged.
@Suite struct DelegationWebTests {
    static let section = """

        delegasjon:
          organ: bydelsutvalget
          soknadstyper: [eierskifte, enkeltanledning, fornyelse]
          ingen_merknader: true
          vedtak: "BU-sak 12/24"
        """

    static func policyFile() throws -> URL {
        let folder = try Fixtures.temporaryFolder("skjenk-delegation")
        let file = folder.appendingPathComponent("policy.yaml")
        try (try Fixtures.samplePolicyText(district: "St. Hanshaugen") + section).write(
            to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test(arguments: StoreEngine.all) func aNewPermitWithConditionsGoesToTheNextMeeting(engine: StoreEngine) async throws {
        let file = try Self.policyFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let harness = try await WebHarness(engine: engine) { $0.policyPath = file.path }
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            // The harness's meeting is 10 December; the case's deadline 15 December: no warning.
            let page = try await kari.get("/saker/2026/10003")
            #expect(page.text.contains("Vedtaksvei: Ny bevilling med konklusjonen"))
            #expect(page.text.contains("saken avgjøres av bydelsutvalget."))
            #expect(page.text.contains(#"<option value="bu" selected>Bydelsutvalget</option>"#))
            #expect(page.text.contains(#"name="mote" value="2026-12-10""#))
            #expect(page.text.contains(#"name="sak" value="""#))
            #expect(!page.text.contains("be Næringsetaten om utsatt frist"))
            // The first draft follows the form, which the plan filled in.
            let drafted = try await kari.draft([
                ("konklusjon", "delvis-avslag"), ("vei", "bu"), ("organ", "bydelsutvalget"), ("mote", "2026-12-10"),
                ("sak", ""),
            ])
            #expect(drafted.text.contains("Utkast versjon 1 er lagret."))
            let text = try await kari.get("/saker/2026/10003/eksport/md").text
            #expect(text.contains("Saken legges fram for bydelsutvalget i møte 10. desember 2026."))
        }
    }

    @Test(arguments: StoreEngine.all) func aDeadlineBeforeTheNextMeetingIsFlaggedAndADraftNeedsAMeeting(
        engine: StoreEngine
    ) async throws {
        let file = try Self.policyFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let harness = try await WebHarness(engine: engine) { $0.policyPath = file.path }
        // A case whose deadline (1 December) comes before the meeting of 10 December.
        var early = Fixtures.statementHearing(.new, .serving)
        early.caseNumber = try CaseNumber("2026/10004")
        early.deadline = Fixtures.day("2026-12-01")
        _ = try await harness.store.storeHearings([early], source: "tidlig.xml", actor: Fixtures.actor, progress: nil)
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            let page = try await kari.get("/saker/2026/10004")
            #expect(
                page.text.contains(
                    "Fristen 1. desember 2026 er før neste møte i bydelsutvalget (10. desember 2026); "
                        + "be Næringsetaten om utsatt frist."))
            // The request for a later deadline, written and stored with the case.
            let requested = try await kari.post("/saker/2026/10004/fristutsettelse", [])
            #expect(requested.text.contains("Anmodningen om utsatt frist er lagret som brev 1."))
            #expect(requested.text.contains(#"<a href="/saker/2026/10004/brev/1">Anmodning om utsatt frist (brev 1)</a>"#))
            let letter = try await kari.get("/saker/2026/10004/brev/1")
            #expect(letter.status == .ok)
            #expect(letter.text.contains("anmodning om utsatt høringsfrist"))
            #expect(
                letter.text.contains(
                    "Neste møte i bydelsutvalget er 10. desember 2026, etter høringsfristen 1. desember 2026. Bydelen "
                        + "ber derfor om at fristen for uttalelsen utsettes til 17. desember 2026"))
            #expect(letter.text.contains("2026/10004"))
            let stored = try await harness.store.caseLetters(of: try CaseNumber("2026/10004"))
            #expect(stored.map(\.requestedDeadline) == [Fixtures.day("2026-12-17")])
            // Where the deadline holds, no request is written.
            try await kari.get("/saker/2026/10003")
            let holds = try await kari.post("/saker/2026/10003/fristutsettelse", [])
            #expect(holds.text.contains("fristen holder"))
            #expect(try await harness.store.caseLetters(of: harness.caseNumber).isEmpty)
            #expect(try await kari.get("/saker/2026/10003/brev/1").status == .notFound)
        }
        // Without any meeting ahead, a first draft from the command line's use case has no meeting to
        // be written for, and says so; a draft with a route of its own is written.
        let store = try await engine.store()
        _ = try await store.storeHearings([early], source: "tidlig.xml", actor: Fixtures.actor, progress: nil)
        let policy = try PolicyReader().read(contentsOf: file).get()
        let plan = try await RoutePlanner.plan(
            early, outcome: .grantWithConditions, policy: policy, store: store, today: Fixtures.day("2026-11-22"))
        #expect(plan.route == nil)
        #expect(plan.deadline == .noMeetingPlanned(deadline: Fixtures.day("2026-12-01"), body: "bydelsutvalget"))
        #expect(throws: NoMeetingPlanned.self) { try RoutePlanner.route(plan) }
        // A change of owner is the director's, whatever the calendar.
        var owner = early
        owner.applicationType = .changeOfOwner
        let delegated = try await RoutePlanner.plan(
            owner, outcome: .grantWithConditions, policy: policy, store: store, today: Fixtures.day("2026-11-22"))
        #expect(delegated.route == .delegated(signatory: nil))
        #expect(delegated.deadline == nil)
        #expect(delegated.suggestion?.reason == "Eierskifte er delegert til bydelsdirektøren (BU-sak 12/24).")
        // Once a meeting is planned, the first draft is written for it under the body's next number.
        _ = try await store.addMeeting(
            body: "Bydelsutvalget", date: Fixtures.day("2026-12-10"), district: "St. Hanshaugen", actor: Fixtures.actor)
        let planned = try await RoutePlanner.plan(
            early, outcome: .grantWithConditions, policy: policy, store: store, today: Fixtures.day("2026-11-22"))
        #expect(planned.route == .council(body: "Bydelsutvalget", meetingDate: Fixtures.day("2026-12-10"), itemNumber: ""))
    }
}
