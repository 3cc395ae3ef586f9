import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkTestSupport
import Testing

/// Issue 19, item 7 ("Everywhere"): the audit trail in words, and error pages with the header and
/// navigation of the signed-in user (and a way to sign in for a visitor).
@Suite struct EverywhereWebTests {
    /// The texts of the cells with `label` (the column's `data-label`) on a page.
    static func cells(_ label: String, in html: String) -> [String] {
        let start = "<td data-label=\"\(label)\">"
        return html.components(separatedBy: start).dropFirst().compactMap { $0.components(separatedBy: "</td>").first }
    }

    @Test func theAuditTrailSaysWhatWasDoneInWords() async throws {
        // Given a complaint forwarded to the police by its officer
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            _ = try await kari.get("/klager/\(harness.complaintId)")
            let step = try await kari.post(
                "/klager/\(harness.complaintId)/steg", [("tiltak", FollowUpAction.forwardedToPolice.code)])
            #expect(step.status == .seeOther || step.status == .ok, "\(step.status)")

            // When the administrator reads the trail
            let admin = Browser(client)
            try await admin.signIn("admin1")
            let trail = try await admin.get("/revisjon")
            #expect(trail.status == .ok)

            // Then the step is in words, on the complaint by number, and no action is a code
            let actions = Self.cells("Hva", in: trail.text)
            #expect(actions.contains("videresendt til politiet"), "\(actions)")
            #expect(actions.contains("klage registrert"))
            #expect(actions.contains("høring lagt inn"))
            #expect(actions.contains("møte opprettet"))
            #expect(actions.allSatisfy { !$0.contains(".") }, "\(actions)")
            #expect(!trail.text.contains("complaint.forwardedToPolice"))
            #expect(!trail.text.contains("hearing.created"))
            let subjects = Self.cells("Gjelder", in: trail.text)
            #expect(subjects.contains("klage \(harness.complaintId)"), "\(subjects)")
            #expect(subjects.contains("sak \(harness.caseNumber.key)"), "\(subjects)")
            #expect(subjects.contains("møte 1"), "\(subjects)")
            #expect(subjects.contains("bruker kari"), "\(subjects)")
        }
    }

    @Test func aSignedInUsersErrorPageHasTheHeaderAndNavigation() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            let missing = try await kari.get("/finnes-ikke")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("<h1>Siden finnes ikke.</h1>"))
            #expect(missing.text.contains("<nav aria-label=\"Hovedmeny\">"))
            #expect(missing.text.contains("<a href=\"/saker\">Høringer</a>"))
            #expect(missing.text.contains("<span class=\"bruker\">kari (saksbehandler)</span>"))
            #expect(missing.text.contains("<title>Fant ikke siden – skjenk</title>"))
            #expect(!missing.text.contains(">Logg inn</a>"))

            // A page the role may not open: 403, with the council member's own navigation
            let council = Browser(client)
            try await council.signIn("bu1")
            let refused = try await council.get("/registre")
            #expect(refused.status == .forbidden)
            #expect(
                refused.text.contains("<h1>Du har ikke tilgang til denne siden med rollen medlem av bydelsutvalget.</h1>"))
            #expect(refused.text.contains("<a href=\"/behandling\">Til behandling</a>"))
            #expect(!refused.text.contains("<a href=\"/registre\""))
        }
    }

    @Test func aVisitorsErrorPageOffersToSignIn() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let visitor = Browser(client)
            let missing = try await visitor.get("/finnes-ikke")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("<h1>Siden finnes ikke.</h1>"))
            #expect(!missing.text.contains("Hovedmeny"))
            #expect(!missing.text.contains("Logg ut"))
            #expect(missing.text.contains("<a href=\"/logg-inn?neste=%2Ffinnes%2Dikke\">Logg inn</a>"))
            // An unknown API path still answers in JSON, not with a page
            let api = try await visitor.get("/api/finnes-ikke")
            #expect(api.status == .notFound || api.status == .unauthorized)
            #expect(!api.text.contains("<html"))
        }
    }
}
