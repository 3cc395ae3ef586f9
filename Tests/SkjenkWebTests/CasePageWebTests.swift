import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCompose
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import SkjenkWeb
import Testing

/// The case page a caseworker works from (issue 19, items 1–3): the risk on the desk, the summary
/// and the task list as the statement moves, the assessment under one heading per criterion with
/// the uncertainties beside the risk, the venue's complaints linked, the review timeline with its
/// comments, and the section editor with each section's difference from the generated text.
@Suite struct CasePageWebTests {
    /// The task list's steps in order, each with its state's class.
    static func taskStates(_ html: String) -> [String] {
        html.components(separatedBy: "class=\"oppgave oppgave-").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func theTaskListAdvancesWithTheStatementAndTheTimelineKeepsEveryComment() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            var page = try await kari.get("/saker/2026/10003")
            #expect(Self.taskStates(page.text) == ["next", "waiting", "waiting", "waiting", "waiting"])
            #expect(page.text.contains("href=\"#vurdering\""))
            _ = try await kari.post("/saker/2026/10003/utkast", [("konklusjon", "delvis-avslag"), ("vei", "direktor")])
            page = try await kari.get("/saker/2026/10003")
            #expect(Self.taskStates(page.text) == ["done", "done", "next", "waiting", "waiting"])
            #expect(page.text.contains("href=\"#send-til-behandling\""))
            _ = try await kari.post("/saker/2026/10003/send-til-behandling", [])
            page = try await kari.get("/saker/2026/10003")
            #expect(Self.taskStates(page.text) == ["done", "done", "done", "next", "waiting"])
            #expect(page.text.contains("Utkastet venter på bydelsdirektørens vedtak."))

            let leader = Browser(client)
            try await leader.signIn("leder1")
            try await leader.get("/behandling/2026/10003")
            let returned = try await leader.post(
                "/behandling/2026/10003/returner", [("kommentar", "Begrunn vilkåret om ordensvakter bedre.")])
            #expect(returned.status == .ok || returned.status == .seeOther, "\(returned.text.prefix(300))")
            page = try await kari.get("/saker/2026/10003")
            #expect(Self.taskStates(page.text) == ["done", "returned", "waiting", "waiting", "waiting"])
            #expect(page.text.contains("<span class=\"merke merke-returnert\">uttalelse: returnert</span>"))
            // The timeline: every step in words, the return's comment quoted, no action codes.
            let timeline = try #require(page.text.components(separatedBy: "<ol class=\"tidslinje\">").last)
            #expect(timeline.contains("<strong>Utkast lagret</strong> – kari"))
            #expect(timeline.contains("<strong>Uttalelse sendt til behandling</strong> – kari"))
            #expect(timeline.contains("<strong>Utkast sendt tilbake til saksbehandleren</strong> – leder1"))
            #expect(timeline.contains("<blockquote>«Begrunn vilkåret om ordensvakter bedre.»</blockquote>"))
            #expect(!timeline.contains("statement."))

            _ = try await kari.post("/saker/2026/10003/send-til-behandling", [])
            try await leader.get("/behandling/2026/10003")
            _ = try await leader.post("/behandling/2026/10003/vedta", [])
            page = try await kari.get("/saker/2026/10003")
            #expect(Self.taskStates(page.text) == ["done", "done", "done", "done", "next"])
            #expect(page.text.contains("href=\"#merk-sendt\""))
            _ = try await kari.post("/saker/2026/10003/sendt", [("dato", "2026-11-20")])
            page = try await kari.get("/saker/2026/10003")
            #expect(Self.taskStates(page.text) == ["done", "done", "done", "done", "done"])
        }
    }

    @Test func theAssessmentIsGroupedByCriterionWithTheUncertaintiesBesideTheRisk() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            let page = try await kari.get("/saker/2026/10003").text
            // One heading per criterion: none repeats, and no "n av 3" in a heading.
            let headings = page.components(separatedBy: "<h3 id=\"kriterium-").dropFirst().map {
                String($0.prefix { $0 != "\"" })
            }
            #expect(headings.count >= 3)
            #expect(Set(headings).count == headings.count)
            #expect(!page.contains(" av 3</h3>"))
            // Each factor's score as three dots, read out as "n av 3".
            #expect(page.contains("role=\"img\" aria-label=\"3 av 3\"") || page.contains("role=\"img\" aria-label=\"2 av 3\""))
            #expect(page.contains("<span class=\"prikk fylt\"></span>"))
            // The uncertainties come right after the risk heading, before the criteria.
            let risk = try #require(page.range(of: "<h2 id=\"vurdering\">"))
            let uncertainties = try #require(page.range(of: "<h3>Forbehold ("))
            let firstCriterion = try #require(page.range(of: "<section class=\"kriterium\""))
            #expect(risk.upperBound < uncertainties.lowerBound && uncertainties.upperBound < firstCriterion.lowerBound)
            // The summary at the top names the risk, the stage and the deadline.
            let summary = try #require(page.components(separatedBy: "<div class=\"sammendrag\">").last?.components(
                separatedBy: "</div>").first)
            #expect(summary.contains("risiko</span>"))
            #expect(summary.contains("uttalelse: ikke påbegynt"))
            #expect(summary.contains("frist "))
            // The venue's complaint, linked.
            #expect(page.contains("<a href=\"/klager/\(harness.complaintId)\">Klage \(harness.complaintId)</a>"))
        }
    }

    @Test func theDeskShowsTheRiskLevelOnceTheCaseIsAssessed() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            var desk = try await kari.get("/saker").text
            #expect(desk.contains("<span class=\"merke merke-risiko-ukjent\">ikke vurdert</span>"))
            let page = try await kari.get("/saker/2026/10003").text
            let level = try #require(
                page.components(separatedBy: "<h2 id=\"vurdering\">Risikovurdering: <span class=\"merke merke-risiko-")
                    .last?.prefix { $0 != "\"" })
            desk = try await kari.get("/saker").text
            #expect(desk.contains("<span class=\"merke merke-risiko-\(level)\">"))
            #expect(!desk.contains("ikke vurdert"))
        }
    }

    @Test func sectionsAreEditedOneByOneAndARefusedEditKeepsWhatWasTyped() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            try await kari.get("/saker/2026/10003")
            let drafted = try await kari.post("/saker/2026/10003/utkast", [("konklusjon", "delvis-avslag"), ("vei", "direktor")])
            #expect(drafted.text.contains("Utkast versjon 1 er lagret."), "\(drafted.text)")
            let editor = try await kari.get("/saker/2026/10003/rediger")
            #expect(editor.status == .ok)
            // Fixed headings as legends; the conditions as items with a place and a remove box.
            #expect(editor.text.contains("<legend>Bydelens tilråding</legend>"))
            #expect(editor.text.contains("<legend>Bydelens vurdering</legend>"))
            let markdown = try #require(try await harness.store.drafts(of: harness.caseNumber).last?.markdown)
            let sections = StatementSections(markdown: markdown)
            let recommendation = try #require(sections.sections.firstIndex { $0.heading == "Bydelens tilråding" })
            let behandling = try #require(sections.sections.firstIndex { $0.heading == "Behandling" })
            let list = try #require(sections.sections[recommendation].listIndex)
            #expect(editor.text.contains("name=\"s\(recommendation)-\(list)-ny\""))

            // A condition added and the route's section rewritten: stored as version 2, and only
            // those two sections differ from the generated text.
            let saved = try await kari.post(
                "/saker/2026/10003/rediger",
                [
                    ("versjon", "1"), ("s\(behandling)-0", "Saken avgjøres av bydelsdirektøren i Bydel Test."),
                    ("s\(recommendation)-\(list)-ny", "Stedet har ordensvakter fredag og lørdag."),
                ])
            #expect(saved.text.contains("lagret som versjon 2"), "\(saved.text.prefix(500))")
            let stored = try #require(try await harness.store.drafts(of: harness.caseNumber).last)
            #expect(stored.origin == .edited)
            #expect(
                stored.markdown.contains(
                    "Bydelen foreslår disse vilkårene:\n\n1. Stedet har ordensvakter fredag og lørdag.\n"))
            #expect(stored.markdown.contains("## Behandling\n\nSaken avgjøres av bydelsdirektøren i Bydel Test.\n"))
            #expect(saved.text.components(separatedBy: "<details class=\"endret\">").count - 1 == 2)
            let casePage = try await kari.get("/saker/2026/10003").text
            #expect(casePage.contains("Endret fra den genererte teksten: «Bydelens tilråding» og «Behandling»"))

            // A place that is not a number: 422, the error summary links to the field, the field says
            // why, and everything typed is still there; nothing is stored.
            let place = "s\(recommendation)-\(list)-0-nr"
            let refused = try await kari.post(
                "/saker/2026/10003/rediger",
                [
                    ("versjon", "2"), ("s\(behandling)-0", "Saken avgjøres av bydelsutvalget."), (place, "først"),
                    ("s\(recommendation)-\(list)-ny", "Dørene holdes lukket etter kl. 22.00."),
                ])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<title>Feil: "))
            #expect(
                refused.text.contains(
                    "<a href=\"#\(place)\">Plassen for vilkår 1 må være et helt tall fra 1 til 999.</a>"))
            #expect(refused.text.contains("id=\"\(place)\" name=\"\(place)\" value=\"først\""))
            #expect(refused.text.contains("aria-invalid=\"true\" aria-describedby=\"\(place)-feil\""))
            #expect(refused.text.contains("Saken avgjøres av bydelsutvalget."))
            #expect(refused.text.contains("Dørene holdes lukket etter kl. 22.00."))
            #expect(try await harness.store.drafts(of: harness.caseNumber).count == 2)

            // An edit of version 1 after version 2 was stored is refused, not applied over it.
            let stale = try await kari.post(
                "/saker/2026/10003/rediger", [("versjon", "1"), ("s\(behandling)-0", "Gammel tekst.")])
            #expect(stale.status == .unprocessableContent)
            #expect(stale.text.contains("Et nytt utkast ble lagret mens du arbeidet"))
            #expect(stale.text.contains("Gammel tekst."))
            #expect(try await harness.store.drafts(of: harness.caseNumber).count == 2)
        }
    }

    @Test func theCasePagesRefusedFormsKeepWhatWasTypedAndNameTheField() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            try await kari.get("/saker/2026/10003")
            let agency = try await kari.post(
                "/saker/2026/10003/naeringsetatens-vedtak", [("vedtak", ""), ("dato", "i går"), ("vilkaar", "Ingen skjenking ute.")])
            #expect(agency.status == .unprocessableContent)
            #expect(agency.text.contains("<a href=\"#vedtak\">Velg Næringsetatens vedtak.</a>"))
            #expect(agency.text.contains("<a href=\"#vedtaksdato\">Oppgi datoen for Næringsetatens vedtak.</a>"))
            #expect(agency.text.contains("value=\"i går\" aria-invalid=\"true\" aria-describedby=\"vedtaksdato-feil\""))
            #expect(agency.text.contains(">Ingen skjenking ute.</textarea>"))
            #expect(agency.text.contains("<details class=\"ikke-utskrift\" open><summary>Før Næringsetatens vedtak"))
            #expect(try await harness.store.agencyDecision(of: harness.caseNumber) == nil)

            let council = try await kari.post(
                "/saker/2026/10003/utkast", [("konklusjon", "gaar-imot"), ("vei", "bu"), ("mote", ""), ("sak", "45/26")])
            #expect(council.status == .unprocessableContent)
            #expect(council.text.contains("<a href=\"#mote\">Oppgi datoen for møtet der uttalelsen skal vedtas.</a>"))
            #expect(council.text.contains("id=\"sak\" name=\"sak\" value=\"45/26\""))
            #expect(council.text.contains("<option value=\"bu\" selected>"))
            #expect(council.text.contains("<option value=\"gaar-imot\" selected>"))
            #expect(try await harness.store.drafts(of: harness.caseNumber).isEmpty)

            // The harness's hearing asks for hours past the zone's serving stop: a statement that grants
            // it as applied for would contradict its own assessment, and is refused at the outcome.
            let granting = try await kari.post(
                "/saker/2026/10003/utkast", [("konklusjon", "ingen-merknader"), ("vei", "direktor")])
            #expect(granting.status == .unprocessableContent)
            #expect(granting.text.contains("<a href=\"#konklusjon\">Søknaden omfatter skjenking inne etter kl. 00.30"))
            #expect(granting.text.contains("kan derfor ikke tilrå at søknaden innvilges som omsøkt"))
            #expect(granting.text.contains("<option value=\"ingen-merknader\" selected>"))
            #expect(try await harness.store.drafts(of: harness.caseNumber).isEmpty)
        }
    }
}
