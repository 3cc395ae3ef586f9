import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 19, item 1: the desk shows each statement's stage as a tag and its officer, filters by
/// stage and officer («Mine saker»), and a statement is marked as sent from the web. Both engines.
@Suite struct DeskWebTests {
    @Test(arguments: StoreEngine.all) func stagesOfficersFiltersAndMarkingSent(engine: StoreEngine) async throws {
        let harness = try await WebHarness(engine: engine)
        var others: [Hearing] = []
        for (index, seq) in ["2026/10020", "2026/10021"].enumerated() {
            var hearing = Fixtures.statementHearing(.change, .serving)
            hearing.caseNumber = try CaseNumber(seq)
            hearing.venue.name = "Annet sted \(index + 1)"
            others.append(hearing)
        }
        _ = try await harness.store.storeHearings(others, source: "andre.xml", actor: Fixtures.actor, progress: nil)
        // 10003: drafted by kari, approved by the director's delegate; 10020: drafted by another
        // officer and returned; 10021: no draft.
        let other = Actor(name: "ola", channel: "web")
        var draft = StatementDraft(
            caseNumber: others[0].caseNumber, origin: .generated, markdown: "# Utkast\n", mapSVG: nil,
            outcome: .noRemarks, route: .delegated(signatory: nil), hearingVersion: 1, assessmentDigest: "x",
            author: "ola", createdAt: Fixtures.oslo("2026-11-21 10:00"))
        _ = try await harness.store.addDraft(draft, actor: other)
        _ = try await harness.store.applyReview(.submit, to: others[0].caseNumber, actor: other)
        _ = try await harness.store.applyReview(
            .returnToDraft(comment: "Mer om nabolaget"), to: others[0].caseNumber, actor: Fixtures.actor)
        draft.caseNumber = harness.caseNumber
        draft.author = "kari"
        _ = try await harness.store.addDraft(draft, actor: Actor(name: "kari", channel: "web"))
        _ = try await harness.store.applyReview(.submit, to: harness.caseNumber, actor: Actor(name: "kari", channel: "web"))
        _ = try await harness.store.applyReview(
            .approve(.delegated(signatory: nil)), to: harness.caseNumber, actor: Actor(name: "leder1", channel: "web"))

        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            let desk = try await kari.get("/saker")
            #expect(desk.text.contains(#"<span class="merke merke-vedtatt">vedtatt</span>"#))
            #expect(desk.text.contains(#"<span class="merke merke-returnert">returnert</span>"#))
            #expect(desk.text.contains(#"<span class="merke merke-ingen">ikke påbegynt</span>"#))
            #expect(desk.text.contains(#"<td data-label="Saksbehandler">ola</td>"#))

            let returned = try await kari.get("/saker?uttalelse=returnert")
            #expect(returned.text.contains("2026/10020") && !returned.text.contains("2026/10021"))
            #expect(!returned.text.contains(">2026/10003<"))
            #expect(returned.text.contains(#"<option value="returnert" selected>"#))
            let mine = try await kari.get("/saker?mine=1")
            #expect(mine.text.contains(">2026/10003<") && !mine.text.contains("2026/10020"))
            #expect(mine.text.contains("1 saker") || mine.text.contains(">1 sak"))
            let ola = try await kari.get("/saker?saksbehandler=OLA")
            #expect(ola.text.contains("2026/10020") && !ola.text.contains(">2026/10003<"))

            // The approved statement is marked as sent from its page.
            let page = try await kari.get("/saker/2026/10003")
            #expect(page.text.contains("Merk som sendt"))
            let future = try await kari.post("/saker/2026/10003/sendt", [("dato", "2026-12-01")])
            #expect(future.text.contains("sendt-datoen kan ikke være frem i tid"))
            try await kari.get("/saker/2026/10003")
            let sent = try await kari.post("/saker/2026/10003/sendt", [("dato", "2026-11-22")])
            #expect(sent.text.contains("Uttalelsen er merket som sendt 22. november 2026."))
            #expect(!sent.text.contains("Merk som sendt"))
            let afterwards = try await kari.get("/saker?alle=1&uttalelse=sendt")
            #expect(afterwards.text.contains(">2026/10003<"))
        }
        #expect(try await harness.store.review(of: harness.caseNumber).sentDate == Fixtures.day("2026-11-22"))
    }
}
