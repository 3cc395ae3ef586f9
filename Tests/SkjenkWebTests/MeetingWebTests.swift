import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, meetings on the web: a caseworker puts a submitted statement for the council on a
/// meeting; the council's secretary records the outcome on the meeting's page; the statement then
/// carries the decision (meeting date and item number).
@Suite struct MeetingWebTests {
    @Test(arguments: StoreEngine.all) func fromAgendaToRecordedOutcome(engine: StoreEngine) async throws {
        let harness = try await WebHarness(engine: engine)
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            // A statement for the council, planned for 10 December as item 52/26, sent for review.
            try await kari.draft([("konklusjon", "delvis-avslag"), ("vei", "bu"), ("mote", "2026-12-10"), ("sak", "52/26")])
            try await kari.get("/saker/2026/10003")
            #expect(try await kari.post("/saker/2026/10003/send-til-behandling", []).status == .ok)

            // A meeting of 17 December: the form refuses a missing date and keeps what was typed.
            try await kari.get("/moter")
            let missing = try await kari.post("/moter", [("organ", "bydelsutvalget"), ("dato", "")])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("Oppgi møtedatoen."))
            let created = try await kari.post("/moter", [("organ", "bydelsutvalget"), ("dato", "2026-12-17")])
            #expect(created.status == .seeOther)
            let path = try #require(created.headers[.location])
            let page = try await kari.get(path)
            #expect(page.text.contains("Bydelsutvalget 17. desember 2026"))
            #expect(page.text.contains(#"<option value="2026/10003">2026/10003"#))
            let added = try await kari.post(path + "/saker", [("sak", "2026/10003")])
            #expect(added.text.contains("Sak 2026/10003 står på sakslisten som sak 1/26."))
            // Not twice.
            let twice = try await kari.post(path + "/saker", [("sak", "2026/10003")])
            #expect(twice.status == .unprocessableContent)
            #expect(twice.text.contains("står allerede på sakslisten til bydelsutvalget 17. desember 2026 (sak 1/26)"))
            // The meeting document: the item with the draft as attachment, routed to this meeting.
            let document = try await kari.get(path + "/saksframlegg/html")
            #expect(document.status == .ok)
            #expect(document.text.contains("Sak 1/26"))
            #expect(document.text.contains("Saken legges fram for bydelsutvalget i møte 17. desember 2026, sak 1/26."))
            #expect(!document.text.contains("52/26"))
            #expect(!document.text.contains(WebHarness.complainant.name ?? "Zacharias"))
            let word = try await kari.get(path + "/saksframlegg/docx")
            #expect(word.headers[.contentType]?.hasPrefix("application/vnd.openxmlformats") == true)
            #expect(try await kari.get(path + "/saksframlegg/arkivmelding").status == .notFound)
            // The caseworker cannot record outcomes.
            #expect(try await kari.post(path + "/utfall", [("utfall-1-26", "vedtatt")]).status == .forbidden)

            // The secretary records it.
            let secretary = Browser(client)
            try await secretary.signIn("bu1")
            let agenda = try await secretary.get(path)
            #expect(agenda.text.contains(#"name="utfall-1-26" value="vedtatt""#))
            let none = try await secretary.post(path + "/utfall", [])
            #expect(none.text.contains("Velg utfallet for minst én sak."))
            let recorded = try await secretary.post(path + "/utfall", [("utfall-1-26", "vedtatt")])
            #expect(recorded.status == .ok)
            #expect(recorded.text.contains("Utfallet er ført for én sak."))
            #expect(recorded.text.contains("vedtatt som foreslått"))

            // The statement carries the decision of the meeting that made it.
            let letter = try await kari.get("/saker/2026/10003/eksport/md").text
            #expect(
                letter.contains(
                    "Bydelsutvalget behandlet saken i møte 17. desember 2026, sak 1/26, og vedtok denne uttalelsen."))
            #expect(!letter.contains("UTKAST"))
            #expect(try await harness.store.review(of: harness.caseNumber).state == .approved)
        }
    }
}
