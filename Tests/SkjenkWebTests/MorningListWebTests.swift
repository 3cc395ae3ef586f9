import Foundation
import HummingbirdBcrypt
import HummingbirdTesting
import Hummingbird
import Logging
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import SkjenkWeb
import Testing

/// Issue 18, item 4: `/oppfolging` shows each signed-in person their own morning list
/// (`MorningFixture`): the caseworker's complaint, deadlines and returned draft, the director's
/// statement to approve, the council member's meeting items — and nothing of other people or of
/// Sagene. On every store engine.
@Suite struct MorningListWebTests {
    static func page(_ engine: StoreEngine, as name: String, query: String = "") async throws -> (Int, String) {
        let store = try await engine.store()
        try await MorningFixture.seed(store, passwordHash: Bcrypt.hash(WebHarness.password, cost: 4))
        let services = try WebServices(
            store: store, configuration: WebConfiguration(policyPath: Fixtures.sample("policy.yaml").path),
            now: FixedClock().function)
        var logger = Logger(label: "skjenk-test")
        logger.logLevel = .warning
        let app = Application(router: buildRouter(services: services), logger: logger)
        return try await app.test(.router) { client in
            let browser = Browser(client)
            #expect(try await browser.signIn(name).status == .seeOther, "\(name)")
            let response = try await browser.get("/oppfolging" + query)
            return (Int(response.status.code), String(buffer: response.body))
        }
    }

    /// Shown to nobody in St. Hanshaugen: the complainant and Sagene's cases, meeting and complaint.
    static let neverShown = ["Zacharias", "Klagemann", "998 87 766", "Hemmeligveien", "Sagene", "Sigrun", "/moter/3"]

    @Test(arguments: StoreEngine.all) func theCaseworkerSeesComplaintsDeadlinesAndReturnedDrafts(
        engine: StoreEngine
    ) async throws {
        let (status, html) = try await Self.page(engine, as: "kari")
        #expect(status == 200)
        for expected in [
            "Klager å følge opp (1)", "href=\"/klager/1\"", "Pub Bislett", "forfalt i går",
            "Høringsfrister (3)", "href=\"/saker/2026/10005\"", "href=\"/saker/2026/10024\"", "ikke påbegynt",
            "15 dager over fristen", "Utkast sendt tilbake til deg (1)", "href=\"/saker/2026/10021\"",
            MorningFixture.returnComment,
        ] {
            #expect(html.contains(expected), "«\(expected)» missing")
        }
        for absent in Self.neverShown + ["2026/10023", "2026/10026", "/klager/2\"", "Venter på din godkjenning", "/moter/"] {
            #expect(!html.contains(absent), "«\(absent)» shown to kari")
        }
        #expect(html.contains("href=\"/oppfolging\""), "in the navigation")
        // A wider horizon (?dager=30) takes in the case of 20 December.
        let (_, wide) = try await Self.page(engine, as: "kari", query: "?dager=30")
        #expect(wide.contains("href=\"/saker/2026/10026\""))
    }

    @Test(arguments: StoreEngine.all) func theManagerSeesTheDirectorsStatementsToApprove(engine: StoreEngine) async throws {
        let (status, html) = try await Self.page(engine, as: "leder1")
        #expect(status == 200)
        #expect(html.contains("Venter på din godkjenning (1)"))
        #expect(html.contains("href=\"/behandling/2026/10005\""))
        #expect(html.contains("vedtak av bydelsdirektøren"))
        #expect(html.contains("href=\"/oppfolging\""), "in the navigation")
        for absent in Self.neverShown + ["2026/10021", "2026/10012", "/klager/", "Høringsfrister", "Møtesaker"] {
            #expect(!html.contains(absent), "«\(absent)» shown to leder1")
        }
    }

    @Test(arguments: StoreEngine.all) func theCouncilMemberSeesAgendaItemsAndUnrecordedOutcomes(
        engine: StoreEngine
    ) async throws {
        let (status, html) = try await Self.page(engine, as: "bu1")
        #expect(status == 200)
        for expected in [
            "Venter på din godkjenning (1)", "href=\"/behandling/2026/10012\"", "href=\"/moter/2\"",
            "bydelsutvalget 10. desember 2026", "sak 2/26", "Møtesaker uten ført utfall (1)", "href=\"/moter/1\"",
            "bydelsutvalget 19. november 2026", "href=\"/behandling/2026/10010\"", "Bar nummer 10",
        ] {
            #expect(html.contains(expected), "«\(expected)» missing")
        }
        for absent in Self.neverShown + ["2026/10005", "2026/10021", "/klager/", "Pub Bislett", "Høringsfrister"] {
            #expect(!html.contains(absent), "«\(absent)» shown to bu1")
        }
    }

    @Test func sagenesCaseworkerSeesOnlySagene() async throws {
        let (status, html) = try await Self.page(.sqlite, as: "sara")
        #expect(status == 200)
        #expect(html.contains("Sagene Kro") && html.contains("href=\"/saker/2026/10015\"") && html.contains("/klager/2\""))
        for absent in ["Bar nummer", "Pub Bislett", "/klager/1\"", "Zacharias", "Sigrun"] {
            #expect(!html.contains(absent), "«\(absent)» shown to sara")
        }
    }

    @Test func theAdministratorIsRefused() async throws {
        let (status, _) = try await Self.page(.sqlite, as: "admin1")
        #expect(status == 403)
    }
}
