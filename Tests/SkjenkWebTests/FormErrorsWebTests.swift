import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 19, item 4: a refused form comes back as typed (422), with the error summary at the top
/// linking to each field, and each field marked invalid with its own message, in sentences; nothing
/// is stored.
@Suite struct FormErrorsWebTests {
    /// The summary links to `#id`; the element with that id is marked invalid and described by its
    /// message, which stands beside it.
    static func expectField(
        _ html: String, _ id: String, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(html.contains("Det er noe som må rettes"), sourceLocation: sourceLocation)
        #expect(html.contains(##"<a href="#\##(id)">\##(message)</a>"##), sourceLocation: sourceLocation)
        #expect(
            html.contains(#"<p class="feltfeil" id="\#(id)-feil">\#(message)</p>"#), sourceLocation: sourceLocation)
        let tag = Self.tag(withId: id, in: html)
        #expect(tag?.contains(#"aria-invalid="true""#) == true, "\(tag ?? "no element #\(id)")",
            sourceLocation: sourceLocation)
        #expect(tag?.contains(#"aria-describedby="\#(id)-feil""#) == true, sourceLocation: sourceLocation)
    }

    /// The opening tag of the element with the id `id`.
    static func tag(withId id: String, in html: String) -> String? {
        guard let attribute = html.range(of: #" id="\#(id)""#),
            let start = html[..<attribute.lowerBound].lastIndex(of: "<"),
            let end = html[attribute.upperBound...].firstIndex(of: ">")
        else { return nil }
        return String(html[start...end])
    }

    @Test func aRefusedComplaintKeepsWhatWasTyped() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            try await kari.get("/klager/ny")
            // Given a complaint without a category, with a bad e-mail address and a date after today
            let refused = try await kari.post(
                "/klager",
                [
                    ("sted", "Pub Bislett"), ("adresse", "Pilestredet 63"), ("hendelse", "2026-12-24"),
                    ("klokkeslett", "23:30"), ("beskrivelse", "Høy musikk <fra> bakgården."), ("frist", "2026-11-27"),
                    ("kilde", ComplaintSource.allCases.last!.code), ("klager_navn", "Ola Nabo"),
                    ("klager_epost", "ikke-en-adresse"),
                ])
            // Then it is refused, field by field, as typed
            #expect(refused.status == .unprocessableContent)
            let html = refused.text
            #expect(html.contains("<title>Feil: Registrer en klage – skjenk</title>"))
            Self.expectField(html, "kategori", "Velg minst én kategori.")
            Self.expectField(html, "hendelse", "Datoen for hendelsen kan ikke være etter i dag.")
            Self.expectField(html, "klager_epost", "Skriv en e-postadresse som navn@eksempel.no.")
            #expect(html.contains(#"value="Pub Bislett""#))
            #expect(html.contains(#"value="Pilestredet 63""#))
            #expect(html.contains(#"value="2026-12-24""#))
            #expect(html.contains(#"value="23:30""#))
            #expect(html.contains(#"value="2026-11-27""#))
            #expect(html.contains(">Høy musikk &lt;fra&gt; bakgården.</textarea>"))
            #expect(html.contains(#"value="Ola Nabo""#))
            #expect(html.contains(#"value="ikke-en-adresse""#))
            #expect(html.contains(#"<option value="\#(ComplaintSource.allCases.last!.code)" selected>"#))
            // The summary comes in the fields' order, and no code or English reaches the page.
            let order = ["#hendelse", "#kategori", "#klager_epost"].compactMap { html.range(of: "href=\"\($0)\"") }
            #expect(order.count == 3 && order == order.sorted { $0.lowerBound < $1.lowerBound })
            #expect(!html.contains("stoey, "))
            // And nothing was stored
            #expect(try await harness.store.complaintLog(ComplaintFilter()).count == 1)

            // A category ticked is ticked again when something else is refused.
            let again = try await kari.post(
                "/klager",
                [("sted", "Pub Bislett"), ("hendelse", "2026-11-20"), ("klokkeslett", "25:99"), ("kategori", "stoey")])
            #expect(again.status == .unprocessableContent)
            Self.expectField(
                again.text, "klokkeslett", "Skriv klokkeslettet med timer og minutter, for eksempel 23:30.")
            #expect(again.text.contains(#"value="stoey" checked"#))
            #expect(!again.text.contains(##"href="#kategori""##))
        }
    }

    @Test func signingInKeepsTheNameButNeverThePassword() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let visitor = Browser(client)
            try await visitor.get("/logg-inn")
            let wrong = try await visitor.post("/logg-inn", [("navn", "kari"), ("passord", "feil-hemmelig-42")])
            #expect(wrong.status == .unauthorized)
            Self.expectField(wrong.text, "passord", "Feil brukernavn eller passord. Skriv passordet på nytt.")
            #expect(wrong.text.contains(#"value="kari""#))
            #expect(!wrong.text.contains("feil-hemmelig-42"))
            let empty = try await visitor.post("/logg-inn", [("navn", "kari"), ("passord", "")])
            #expect(empty.status == .unprocessableContent)
            Self.expectField(empty.text, "passord", "Skriv passordet ditt.")
            #expect(empty.text.contains("<title>Feil: Logg inn – skjenk</title>"))
        }
    }

    @Test func aRefusedMeetingKeepsTheBody() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            try await kari.get("/moter")
            let refused = try await kari.post("/moter", [("organ", "Helse- og sosialkomiteen"), ("dato", "neste uke")])
            #expect(refused.status == .unprocessableContent)
            Self.expectField(refused.text, "dato", "Skriv møtedatoen som en dato, for eksempel 10.12.2026.")
            #expect(refused.text.contains(#"value="Helse- og sosialkomiteen""#))
            let noBody = try await kari.post("/moter", [("organ", ""), ("dato", "2026-12-17")])
            Self.expectField(
                noBody.text, "organ", "Oppgi organet med 2–100 tegn, for eksempel «bydelsutvalget» eller en komité.")
            #expect(noBody.text.contains(#"value="2026-12-17""#))
            #expect(try await harness.store.meetings(district: nil, from: nil).count == 1)
        }
    }

    @Test func aRefusedFollowUpStepKeepsItsNote() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            let path = "/klager/\(harness.complaintId)"
            let before = try await harness.store.complaint(id: harness.complaintId, includingComplainant: false)
            try await kari.get(path)
            let refused = try await kari.post(
                path + "/steg", [("tiltak", "finnes-ikke"), ("notat", "Ringte stedet"), ("frist", "snart")])
            #expect(refused.status == .unprocessableContent)
            Self.expectField(refused.text, "tiltak", "Velg hva som ble gjort.")
            Self.expectField(
                refused.text, "frist", "Skriv fristen som en dato, for eksempel 27.11.2026, eller la feltet stå tomt.")
            #expect(refused.text.contains(#"id="notat" name="notat" value="Ringte stedet""#))
            let after = try await harness.store.complaint(id: harness.complaintId, includingComplainant: false)
            #expect(after?.steps.count == before?.steps.count)
        }
    }

    @Test func aRefusedProfileKeepsWhatWasTypedInThatUsersForm() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let admin = Browser(client)
            try await admin.signIn("admin1")
            try await admin.get("/brukere")
            let refused = try await admin.post(
                "/brukere/kari/profil", [("navn", "Kari Nordmann"), ("telefon", "ring meg"), ("epost", "kari@")])
            #expect(refused.status == .unprocessableContent)
            Self.expectField(
                refused.text, "telefon-kari", "Skriv telefonnummeret med 6–20 tegn: sifre, mellomrom og eventuelt +.")
            Self.expectField(refused.text, "epost-kari", "Skriv en e-postadresse som navn@eksempel.no.")
            #expect(refused.text.contains(#"id="navn-kari" name="navn" value="Kari Nordmann""#))
            #expect(refused.text.contains(#"value="ring meg""#))
            let kari = try await harness.store.users().first { $0.name == "kari" }
            #expect(kari?.profile == nil)
        }
    }

    @Test func anUploadWithoutAFileIsRefusedOnTheFileField() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            try await kari.get("/saker")
            let refused = try await kari.upload("/saker/import", fileName: "tom.xml", data: Data())
            #expect(refused.status == .unprocessableContent)
            Self.expectField(refused.text, "fil", "Velg en XML-fil å laste opp.")
            let admin = Browser(client)
            try await admin.signIn("admin1")
            try await admin.get("/registre")
            let register = try await admin.upload("/registre/steder", fileName: "tom.csv", data: Data())
            #expect(register.status == .unprocessableContent)
            Self.expectField(register.text, "fil-steder", "Velg en fil å laste opp.")
        }
    }

    @Test func aPageWithoutProblemsHasNoSummary() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            let page = try await kari.get("/klager/ny")
            #expect(page.status == .ok)
            #expect(!page.text.contains("Det er noe som må rettes"))
            #expect(!page.text.contains(#"aria-invalid="true""#))
            #expect(page.text.contains("<title>Registrer en klage – skjenk</title>"))
            // Forms in a list (one per register, one per user) have no message of their own either.
            let admin = Browser(client)
            try await admin.signIn("admin1")
            for path in ["/registre", "/brukere"] {
                #expect(!(try await admin.get(path).text.contains(#"class="feltfeil""#)), "\(path)")
            }
        }
    }
}
