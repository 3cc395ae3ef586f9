import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 18, item 5 on the web: Næringsetaten's decision recorded by hand on the case page, shown
/// beside the district's recommendation.
@Suite struct AgencyDecisionWebTests {
    @Test(arguments: StoreEngine.all) func theDecisionIsShownBesideTheRecommendation(engine: StoreEngine) async throws {
        let harness = try await WebHarness(engine: engine)
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            try await kari.draft([("konklusjon", "delvis-avslag"), ("vei", "direktor")])
            let before = try await kari.get("/saker/2026/10003")
            #expect(before.text.contains("Næringsetatens vedtak er ikke ført."))
            let missing = try await kari.post(
                "/saker/2026/10003/naeringsetatens-vedtak", [("vedtak", "innvilget-med-vilkaar"), ("dato", "2026-11-21")])
            #expect(missing.text.contains("Et vedtak «innvilget med vilkår» må ha minst ett vilkår."))
            #expect(try await harness.store.agencyDecision(of: harness.caseNumber) == nil)
            try await kari.get("/saker/2026/10003")
            let recorded = try await kari.post(
                "/saker/2026/10003/naeringsetatens-vedtak",
                [
                    ("vedtak", "innvilget-med-vilkaar"), ("dato", "2026-11-21"),
                    ("vilkaar", "Uteserveringen stenger kl. 22.00.\r\nVakt i helgene.\r\n"),
                ])
            #expect(recorded.text.contains("Næringsetatens vedtak er ført: innvilget med vilkår 21. november 2026."))
            #expect(recorded.text.contains("<strong>Innvilget med vilkår 21. november 2026.</strong>"))
            #expect(recorded.text.contains("Vedtaket samsvarer med bydelens konklusjon"))
            #expect(recorded.text.contains("<li>Vakt i helgene.</li>"))
            try await kari.get("/saker/2026/10003")
            let refused = try await kari.post(
                "/saker/2026/10003/naeringsetatens-vedtak", [("vedtak", "avslag"), ("dato", "2026-11-22")])
            #expect(refused.text.contains("Vedtaket avviker fra bydelens konklusjon"))
        }
        #expect(try await harness.store.agencyDecision(of: harness.caseNumber)?.outcome == .refused)
    }
}
