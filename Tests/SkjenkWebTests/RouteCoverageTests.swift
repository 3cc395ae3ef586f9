import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import SkjenkWeb
import Testing

/// Every route the router has, against every kind of visitor. The table must name each route
/// (a new route without a row fails `theTableNamesEveryRoute`), so none escapes the checks:
/// no session gets the sign-in page (pages) or 401 (API); a role that may not use it gets 403;
/// a form without the session's token gets 403; the roles that may use it get neither.
@Suite struct RouteCoverageTests {
    enum Kind {
        /// Open to all: the health check and signing in.
        case open
        /// A page or form, for signed-in users with one of the roles.
        case page(Set<String>)
        /// The JSON API, for a bearer token of one of the roles.
        case api(Set<String>)
        /// Open311: a client's `api_key`, not a user (Open311Tests checks them with keys).
        case apiKey
    }

    struct Route: CustomStringConvertible {
        let method: HTTPRequest.Method
        /// The route as registered (`/saker/{year}/{seq}`, as the router names it) and a concrete address of it.
        let template: String
        let path: String
        let kind: Kind
        var fields: [(String, String)] = []
        var json: String = "{}"

        var description: String { "\(method) \(path)" }
    }

    static let staff: Set<String> = ["kari"]
    static let reviewers: Set<String> = ["kari", "bu1", "leder1"]
    static let admins: Set<String> = ["admin1"]
    static let secretaries: Set<String> = ["bu1"]
    static let everyone: Set<String> = ["kari", "bu1", "admin1", "leder1"]
    static let users = ["kari", "bu1", "admin1", "leder1"]
    /// A page each user may see, which carries the session's form token.
    static let home = ["kari": "/saker", "bu1": "/behandling", "admin1": "/registre", "leder1": "/behandling"]

    static let routes: [Route] = [
        Route(method: .get, template: "/healthz", path: "/healthz", kind: .open),
        Route(method: .get, template: "/logg-inn", path: "/logg-inn", kind: .open),
        Route(method: .post, template: "/logg-inn", path: "/logg-inn", kind: .open),
        Route(method: .get, template: "/", path: "/", kind: .open),
        Route(method: .post, template: "/logg-ut", path: "/logg-ut", kind: .page(everyone)),
        Route(method: .get, template: "/saker", path: "/saker", kind: .page(staff)),
        Route(method: .post, template: "/saker/import", path: "/saker/import", kind: .page(staff)),
        Route(method: .get, template: "/saker/fornyelser", path: "/saker/fornyelser", kind: .page(staff)),
        Route(
            method: .post, template: "/saker/fornyelser", path: "/saker/fornyelser", kind: .page(staff),
            fields: [("sak", "2026/10003"), ("vei", "direktor")]),
        Route(method: .get, template: "/saker/{year}/{seq}", path: "/saker/2026/10003", kind: .page(staff)),
        Route(
            method: .post, template: "/saker/{year}/{seq}/utkast", path: "/saker/2026/10003/utkast", kind: .page(staff),
            fields: [("konklusjon", "delvis-avslag")]),
        Route(method: .get, template: "/saker/{year}/{seq}/rediger", path: "/saker/2026/10003/rediger", kind: .page(staff)),
        Route(
            method: .post, template: "/saker/{year}/{seq}/rediger", path: "/saker/2026/10003/rediger",
            kind: .page(staff), fields: [("tekst", "# Uttalelse")]),
        Route(
            method: .post, template: "/saker/{year}/{seq}/send-til-behandling",
            path: "/saker/2026/10003/send-til-behandling", kind: .page(staff)),
        Route(
            method: .get, template: "/saker/{year}/{seq}/eksport/{format}", path: "/saker/2026/10003/eksport/html",
            kind: .page(staff)),
        Route(
            method: .post, template: "/saker/{year}/{seq}/fristutsettelse", path: "/saker/2026/10003/fristutsettelse",
            kind: .page(staff)),
        Route(
            method: .get, template: "/saker/{year}/{seq}/brev/{number}", path: "/saker/2026/10003/brev/1",
            kind: .page(staff)),
        Route(
            method: .post, template: "/saker/{year}/{seq}/naeringsetatens-vedtak",
            path: "/saker/2026/10003/naeringsetatens-vedtak", kind: .page(staff),
            fields: [("vedtak", "innvilget"), ("dato", "2026-11-21")]),
        Route(
            method: .post, template: "/saker/{year}/{seq}/sendt", path: "/saker/2026/10003/sendt", kind: .page(staff),
            fields: [("dato", "2026-11-22")]),
        Route(method: .get, template: "/behandling", path: "/behandling", kind: .page(reviewers)),
        Route(
            method: .get, template: "/behandling/{year}/{seq}", path: "/behandling/2026/10003", kind: .page(reviewers)),
        Route(
            method: .post, template: "/behandling/{year}/{seq}/vedta", path: "/behandling/2026/10003/vedta",
            kind: .page(reviewers), fields: [("moetedato", "2026-11-25"), ("sak", "12/26")]),
        Route(
            method: .post, template: "/behandling/{year}/{seq}/returner", path: "/behandling/2026/10003/returner",
            kind: .page(reviewers), fields: [("kommentar", "Mer om nabolaget")]),
        Route(method: .get, template: "/moter", path: "/moter", kind: .page(reviewers)),
        Route(method: .get, template: "/rapport", path: "/rapport?aar=2026", kind: .page(reviewers)),
        Route(method: .get, template: "/rapport.csv", path: "/rapport.csv?aar=2026", kind: .page(reviewers)),
        Route(
            method: .post, template: "/moter", path: "/moter", kind: .page(staff),
            fields: [("organ", "bydelsutvalget"), ("dato", "2026-12-17")]),
        Route(method: .get, template: "/moter/{id}", path: "/moter/1", kind: .page(reviewers)),
        Route(
            method: .get, template: "/moter/{id}/saksframlegg/{format}", path: "/moter/1/saksframlegg/html",
            kind: .page(reviewers)),
        Route(
            method: .post, template: "/moter/{id}/saker", path: "/moter/1/saker", kind: .page(staff),
            fields: [("sak", "2026/10003")]),
        Route(
            method: .post, template: "/moter/{id}/utfall", path: "/moter/1/utfall", kind: .page(secretaries),
            fields: [("utfall-1-26", "vedtatt")]),
        Route(method: .get, template: "/klager", path: "/klager", kind: .page(staff)),
        Route(method: .get, template: "/klager/ny", path: "/klager/ny", kind: .page(staff)),
        Route(
            method: .post, template: "/klager", path: "/klager", kind: .page(staff),
            fields: [("hendelse", "2026-11-20"), ("sted", "Bar Boble"), ("kategori", "stoey")]),
        Route(method: .get, template: "/klager/{id}", path: "/klager/1", kind: .page(staff)),
        Route(method: .get, template: "/klager/eksport.csv", path: "/klager/eksport.csv", kind: .page(staff)),
        Route(method: .post, template: "/klager/eksport.csv", path: "/klager/eksport.csv", kind: .page(staff)),
        Route(
            method: .post, template: "/klager/{id}/steg", path: "/klager/1/steg", kind: .page(staff),
            fields: [("tiltak", "kontaktet-stedet")]),
        Route(
            method: .post, template: "/klager/{id}/avslutt", path: "/klager/1/avslutt", kind: .page(staff),
            fields: [("grunn", "loest")]),
        Route(
            method: .post, template: "/klager/{id}/gjenapne", path: "/klager/1/gjenapne", kind: .page(staff),
            fields: [("notat", "Ny melding fra naboen")]),
        Route(
            method: .post, template: "/klager/{id}/dublett", path: "/klager/1/dublett", kind: .page(staff),
            fields: [("episode", "1"), ("valg", "avvis")]),
        Route(method: .get, template: "/oppfolging", path: "/oppfolging", kind: .page(reviewers)),
        Route(method: .get, template: "/registre", path: "/registre", kind: .page(admins)),
        Route(method: .post, template: "/registre/{kind}", path: "/registre/sites", kind: .page(admins)),
        Route(method: .get, template: "/brukere", path: "/brukere", kind: .page(admins)),
        Route(
            method: .post, template: "/brukere/{name}/profil", path: "/brukere/kari/profil", kind: .page(admins),
            fields: [("navn", "Kari Nordmann")]),
        Route(method: .get, template: "/revisjon", path: "/revisjon", kind: .page(admins)),
        Route(method: .post, template: "/api/v1/sesjoner", path: "/api/v1/sesjoner", kind: .open),
        Route(method: .get, template: "/api/v1/saker", path: "/api/v1/saker", kind: .api(reviewers)),
        Route(method: .get, template: "/api/v1/klager", path: "/api/v1/klager", kind: .api(staff)),
        Route(method: .get, template: "/api/v1/klager/{id}", path: "/api/v1/klager/1", kind: .api(staff)),
        Route(
            method: .post, template: "/api/v1/klager", path: "/api/v1/klager", kind: .api(staff),
            json: #"{"hendelse": "2026-11-21", "sted": "Bar Boble", "kategorier": ["stoey"]}"#),
        Route(method: .get, template: "/open311/v2/services.json", path: "/open311/v2/services.json", kind: .open),
        Route(method: .get, template: "/open311/v2/services.xml", path: "/open311/v2/services.xml", kind: .open),
        Route(
            method: .get, template: "/open311/v2/services/{file}", path: "/open311/v2/services/stoey.json", kind: .open),
        Route(method: .get, template: "/open311/v2/requests.json", path: "/open311/v2/requests.json", kind: .open),
        Route(method: .get, template: "/open311/v2/requests.xml", path: "/open311/v2/requests.xml", kind: .open),
        Route(method: .post, template: "/open311/v2/requests.json", path: "/open311/v2/requests.json", kind: .apiKey),
        Route(method: .post, template: "/open311/v2/requests.xml", path: "/open311/v2/requests.xml", kind: .apiKey),
        Route(
            method: .get, template: "/open311/v2/requests/{file}", path: "/open311/v2/requests/1.json", kind: .open),
    ]

    @Test func theTableNamesEveryRoute() throws {
        let harness = WebHarnessServices()
        let registered = Set(try buildRouter(services: harness.services()).routes.map { "\($0.method) \($0.path)" })
        let table = Set(Self.routes.map { "\($0.method) \($0.template)" })
        #expect(registered.subtracting(table).isEmpty, "routes without a row: \(registered.subtracting(table))")
        #expect(table.subtracting(registered).isEmpty, "rows without a route: \(table.subtracting(registered))")
        #expect(registered.count >= 30)
    }

    @Test func withoutASessionPagesSendToSignInAndTheAPIAnswers401() async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            for route in Self.routes {
                let response = try await client.executeRequest(
                    uri: route.path, method: route.method, headers: [.contentType: "application/json"],
                    body: route.method == .post ? ByteBuffer(string: route.json) : nil)
                switch route.kind {
                case .open:
                    // Pages open to all answer; their forms are checked in AccessTests and WebFlowTests.
                    if route.method == .get { #expect([.ok, .seeOther].contains(response.status), "\(route)") }
                case .page:
                    #expect(response.status == .seeOther, "\(route)")
                    #expect(response.headers[.location]?.hasPrefix("/logg-inn") == true, "\(route)")
                case .api:
                    #expect(response.status == .unauthorized, "\(route)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(route)")
                case .apiKey:
                    #expect(response.status == .forbidden, "\(route)")
                }
            }
        }
    }

    @Test(arguments: RouteCoverageTests.users)
    func aRoleThatMayNotUseARouteGets403(user: String) async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(user)
            #expect(try await browser.get(Self.home[user]!).status == .ok)
            let token = try await WebFlowTests.apiToken(client, user)
            for route in Self.routes {
                switch route.kind {
                case .open, .apiKey: continue
                case .page(let allowed):
                    guard !allowed.contains(user) else { continue }
                    let response =
                        route.method == .post
                        ? try await browser.post(route.path, route.fields) : try await browser.get(route.path)
                    #expect(response.status == .forbidden, "\(user) \(route)")
                    #expect(response.text.contains("Du har ikke tilgang"), "\(user) \(route)")
                case .api(let allowed):
                    guard !allowed.contains(user) else { continue }
                    let response = try await Self.api(client, route, token: token)
                    #expect(response.status == .forbidden, "\(user) \(route)")
                }
            }
        }
    }

    @Test(arguments: RouteCoverageTests.users)
    func aRoleThatMayUseARouteIsLetThrough(user: String) async throws {
        let harness = try await WebHarness()
        try await harness.application().test(.router) { client in
            let browser = Browser(client)
            let token = try await WebFlowTests.apiToken(client, user)
            try await browser.signIn(user)
            // Signing out last, so every other route is tried signed in.
            for route in Self.routes.filter({ $0.path != "/logg-ut" }) + Self.routes.filter({ $0.path == "/logg-ut" }) {
                switch route.kind {
                case .open, .apiKey: continue
                case .page(let allowed):
                    guard allowed.contains(user) else { continue }
                    if route.method == .post { try await browser.get(Self.home[user]!) }
                    let response =
                        route.method == .post
                        ? try await browser.post(route.path, route.fields) : try await browser.get(route.path)
                    #expect(![.forbidden, .unauthorized].contains(response.status), "\(user) \(route)")
                    #expect(
                        response.headers[.location]?.hasPrefix("/logg-inn") != true || route.path == "/logg-ut",
                        "\(user) \(route)")
                case .api(let allowed):
                    guard allowed.contains(user) else { continue }
                    let response = try await Self.api(client, route, token: token)
                    #expect(![.forbidden, .unauthorized].contains(response.status), "\(user) \(route)")
                }
            }
        }
    }

    @Test(arguments: RouteCoverageTests.users)
    func everyFormWithoutTheSessionsTokenGets403(user: String) async throws {
        let harness = try await WebHarness()
        let before = try await harness.store.auditTrail(for: nil, limit: 1_000).count
        try await harness.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(user)
            try await browser.get(Self.home[user]!)
            for route in Self.routes where route.method == .post {
                guard case .page(let allowed) = route.kind, allowed.contains(user) else { continue }
                #expect(
                    try await browser.post(route.path, route.fields, csrf: .some(nil)).status == .forbidden,
                    "\(user) \(route) without a token")
                #expect(
                    try await browser.post(route.path, route.fields, csrf: "feil").status == .forbidden,
                    "\(user) \(route) with a wrong token")
            }
        }
        // Nothing the refused forms would have done was done.
        #expect(try await harness.store.auditTrail(for: nil, limit: 1_000).count == before)
        #expect(try await harness.store.drafts(of: harness.caseNumber).isEmpty)
        #expect(try await harness.store.complaintLog(ComplaintFilter()).count == 1)
    }

    static func api(_ client: some TestClientProtocol, _ route: Route, token: String) async throws -> TestResponse {
        try await client.executeRequest(
            uri: route.path, method: route.method,
            headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
            body: route.method == .post ? ByteBuffer(string: route.json) : nil)
    }
}

/// The web services of a harness, built without awaiting the harness (for reading the routes).
struct WebHarnessServices {
    func services() throws -> WebServices {
        try WebServices(
            store: try Fixtures.store(),
            configuration: WebConfiguration(policyPath: Fixtures.sample("policy.yaml").path),
            now: FixedClock().function)
    }
}
