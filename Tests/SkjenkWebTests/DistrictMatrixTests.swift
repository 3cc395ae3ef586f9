import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import SkjenkApp
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Issue 17: district × role × route. The harness's hearing (2026/10003, Bar Boble) and complaint
/// (Thereses gate, with a complainant) are St. Hanshaugen's. Sagene's users — one per role — go
/// through every route of `RouteCoverageTests.routes` their role may use, through pages, the API
/// and Open311: none answers with anything of St. Hanshaugen's, every address of one of its cases
/// or complaints answers 404, and nothing of St. Hanshaugen's is changed. On every store engine.
@Suite struct DistrictMatrixTests {
    /// Sagene's user for each of the harness's roles.
    static let sagene = ["kari": "sara.saksbehandler", "bu1": "sara.bu", "admin1": "sara.admin", "leder1": "sara.leder"]
    static let roles: [String: Role] = ["kari": .caseworker, "bu1": .councilMember, "admin1": .admin, "leder1": .manager]
    /// What St. Hanshaugen's hearing and complaint show; none of it may reach Sagene.
    static let markers = ["Bar Boble", "Thereses gate", "Zacharias", "Klagemann", "2026/10003"]
    static let sageneKey = "open311-sagene-0123456789abcdef"

    static func harness(_ engine: StoreEngine) async throws -> WebHarness {
        let harness = try await WebHarness(engine: engine, complaintDistrict: "St. Hanshaugen")
        for (role, name) in sagene {
            _ = try await harness.store.addUser(
                name: name, role: roles[role]!, passwordHash: Bcrypt.hash(WebHarness.password, cost: 4), profile: nil,
                district: "Sagene", actor: Fixtures.actor)
        }
        _ = try await harness.store.addAPIKey(
            name: "bymelding-sagene", keyHash: Tokens.hash(sageneKey), district: "Sagene", actor: Fixtures.actor)
        return harness
    }

    /// Whether `route` addresses one of St. Hanshaugen's cases or complaints (or a user of no district).
    static func addressesAnObject(_ route: RouteCoverageTests.Route) -> Bool {
        ["{year}/{seq}", "{id}", "{name}"].contains { route.template.contains($0) }
    }

    /// The route's form and JSON with Sagene's own venue in place of St. Hanshaugen's.
    static func sageneFields(_ route: RouteCoverageTests.Route) -> ([(String, String)], String) {
        (
            route.fields.map { ($0.0, $0.1.replacingOccurrences(of: "Bar Boble", with: "Sagene Kro")) },
            route.json.replacingOccurrences(of: "Bar Boble", with: "Sagene Kro")
        )
    }

    @Test(arguments: StoreEngine.all) func sagenesUsersReachNothingOfStHanshaugenOnAnyRoute(
        engine: StoreEngine
    ) async throws {
        let harness = try await Self.harness(engine)
        let complaintBefore = try #require(
            try await harness.store.complaint(id: harness.complaintId, includingComplainant: true))
        let reviewBefore = try await harness.store.review(of: harness.caseNumber)
        let draftsBefore = try await harness.store.drafts(of: harness.caseNumber)
        let profileBefore = try await harness.store.users().first { $0.name == "kari" }?.profile
        let tried = try await harness.application().test(.router) { client in
            var tried = 0
            for (role, name) in Self.sagene.sorted(by: { $0.key < $1.key }) {
                let browser = Browser(client)
                #expect(try await browser.signIn(name).status == .seeOther, "\(name)")
                let home = RouteCoverageTests.home[role]!
                #expect(try await browser.get(home).status == .ok, "\(name) \(home)")
                let token = try await WebFlowTests.apiToken(client, name)
                for route in RouteCoverageTests.routes where route.path != "/logg-ut" {
                    let allowed: Set<String>
                    switch route.kind {
                    case .page(let roles), .api(let roles): allowed = roles
                    case .open, .apiKey: continue
                    }
                    guard allowed.contains(role) else { continue }
                    tried += 1
                    let (fields, json) = Self.sageneFields(route)
                    let response: TestResponse
                    if case .api = route.kind {
                        response = try await client.executeRequest(
                            uri: route.path, method: route.method,
                            headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                            body: route.method == .post ? ByteBuffer(string: json) : nil)
                    } else if route.method == .post {
                        try await browser.get(home)
                        response = try await browser.post(route.path, fields)
                    } else {
                        response = try await browser.get(route.path)
                    }
                    let text = String(buffer: response.body)
                    for marker in Self.markers {
                        #expect(!text.contains(marker), "\(name) \(route): «\(marker)» shown")
                    }
                    if Self.addressesAnObject(route) {
                        #expect(
                            [.notFound, .unprocessableContent].contains(response.status),
                            "\(name) \(route): \(response.status)")
                    } else if route.template == "/registre/{kind}" {
                        #expect(response.status == .forbidden, "\(name) \(route): the city's registers")
                    } else {
                        #expect(
                            ![.forbidden, .unauthorized, .notFound].contains(response.status),
                            "\(name) \(route): \(response.status)")
                    }
                }
            }

            // Open311 with Sagene's key, and without a key naming Sagene: none of St. Hanshaugen's requests.
            for uri in [
                "/open311/v2/requests.json?api_key=\(Self.sageneKey)&start_date=2026-11-01T00:00:00Z",
                "/open311/v2/requests.json?jurisdiction_id=Sagene&start_date=2026-11-01T00:00:00Z",
                "/open311/v2/requests.json?service_request_id=\(harness.complaintId)&api_key=\(Self.sageneKey)",
            ] {
                let listed = try await client.executeRequest(uri: uri, method: .get, headers: [:], body: nil)
                #expect(listed.status == .ok, "\(uri)")
                let requests = try #require(try Open311Tests.json(listed) as? [[String: Any]])
                #expect(
                    !requests.contains { $0["service_request_id"] as? String == String(harness.complaintId) },
                    "\(uri): \(requests)")
                #expect(!String(buffer: listed.body).contains("Thereses"), "\(uri)")
            }
            for uri in [
                "/open311/v2/requests/\(harness.complaintId).json?api_key=\(Self.sageneKey)",
                "/open311/v2/requests/\(harness.complaintId).json?jurisdiction_id=Sagene",
            ] {
                let one = try await client.executeRequest(uri: uri, method: .get, headers: [:], body: nil)
                #expect(one.status == .notFound, "\(uri)")
                #expect(!String(buffer: one.body).contains("Thereses"), "\(uri)")
            }
            // St. Hanshaugen's own reader still sees it (the filter is the district, not a blanket refusal).
            let own = try await client.executeRequest(
                uri: "/open311/v2/requests/\(harness.complaintId).json?jurisdiction_id=St.%20Hanshaugen", method: .get,
                headers: [:], body: nil)
            #expect(own.status == .ok)
            // A report through Sagene's key lands in Sagene's log.
            let posted = try await Open311Tests.post(
                client, Open311Tests.report(Open311Tests.origin), key: Self.sageneKey)
            #expect(posted.status == .ok)
            return tried
        }
        #expect(tried >= 40, "routes tried: \(tried)")
        // Nothing of St. Hanshaugen's changed.
        let complaintAfter = try #require(
            try await harness.store.complaint(id: harness.complaintId, includingComplainant: true))
        #expect(complaintAfter == complaintBefore)
        #expect(try await harness.store.review(of: harness.caseNumber) == reviewBefore)
        #expect(try await harness.store.drafts(of: harness.caseNumber) == draftsBefore)
        #expect(try await harness.store.users().first { $0.name == "kari" }?.profile == profileBefore)
        // What Sagene's users logged is Sagene's, and St. Hanshaugen's log holds only its own.
        let sagene = try await harness.store.complaintLog(ComplaintFilter(district: "Sagene"))
        #expect(sagene.count == 3, "the page's form, the API and Open311")
        #expect(sagene.allSatisfy { $0.district == "Sagene" })
        let stHanshaugen = try await harness.store.complaintLog(ComplaintFilter(district: "St. Hanshaugen"))
        #expect(stHanshaugen.map(\.id) == [harness.complaintId])
    }

    /// The other way round for what Sagene logged: St. Hanshaugen's officer neither lists, opens,
    /// changes nor exports it, nor gets its duplicate flags; a user without a district reaches both.
    @Test(arguments: StoreEngine.all) func aComplaintOfSageneStaysInSagenesLog(engine: StoreEngine) async throws {
        let harness = try await Self.harness(engine)
        _ = try await harness.store.addUser(
            name: "kari.sh", role: .caseworker, passwordHash: Bcrypt.hash(WebHarness.password, cost: 4), profile: nil,
            district: "St. Hanshaugen", actor: Fixtures.actor)
        // Two reports of one episode in Sagene: the second is flagged as a likely duplicate.
        var first = Fixtures.complaintEntry(
            received: "2026-11-21 10:00", incident: "2026-11-20", due: "2026-11-25",
            venue: ComplaintVenue(name: "Sagene Kro", street: "Sandakerveien 24"))
        first.district = "Sagene"
        first.officer = "sara.saksbehandler"
        let firstId = try await harness.store.logComplaint(first, actor: Fixtures.actor)
        var second = first
        second.receivedAt = first.receivedAt.addingTimeInterval(3_600)
        let rule = DuplicateRule()
        let summary = try await harness.store.logComplaints([second], source: "test", duplicates: rule, actor: Fixtures.actor)
        let secondId = try #require(summary.added.first)
        #expect(try await harness.store.pendingDuplicates(district: "Sagene").map(\.complaintId) == [secondId])
        #expect(try await harness.store.pendingDuplicates(district: "St. Hanshaugen").isEmpty)
        // St. Hanshaugen's complaint about another venue never links with Sagene's.
        do {
            _ = try await harness.store.linkEpisode([firstId, harness.complaintId], actor: Fixtures.actor)
            Issue.record("a link across districts was made")
        } catch let error as ComplaintLogError {
            #expect(error == .differentDistricts(firstId, harness.complaintId) || error == .differentDistricts(harness.complaintId, firstId))
        }
        // The assessment of a St. Hanshaugen hearing reads St. Hanshaugen's complaints (and those of no district).
        let evidence = try await harness.store.complaints(forHearingsOf: "St. Hanshaugen")
        #expect(evidence.map(\.id) == [harness.complaintId])
        #expect(Set(try await harness.store.complaints(forHearingsOf: nil).compactMap(\.id)) == [harness.complaintId, firstId, secondId])

        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            _ = try await kari.signIn("kari.sh")
            let list = try await kari.get("/klager?alle=1")
            #expect(list.status == .ok)
            #expect(list.text.contains("Thereses gate") && !list.text.contains("Sagene Kro"))
            #expect(!list.text.contains("mulig"), "Sagene's duplicate flag")
            for path in ["/klager/\(firstId)", "/klager/\(secondId)"] {
                #expect(try await kari.get(path).status == .notFound, "\(path)")
            }
            try await kari.get("/klager")
            let step = try await kari.post("/klager/\(firstId)/steg", [("tiltak", "kontaktet-stedet")])
            #expect(step.status == .notFound)
            let export = try await kari.get("/klager/eksport.csv?alle=1")
            #expect(export.status == .ok)
            #expect(export.text.contains("Thereses gate") && !export.text.contains("Sagene Kro"))
            let morning = try await kari.get("/oppfolging")
            #expect(!morning.text.contains("Sagene Kro"))
            let token = try await WebFlowTests.apiToken(client, "kari.sh")
            let api = try await client.executeRequest(
                uri: "/api/v1/klager/\(firstId)", method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
            #expect(api.status == .notFound)

            // Sagene's officer sees them, and the flag.
            let sara = Browser(client)
            _ = try await sara.signIn("sara.saksbehandler")
            let saraList = try await sara.get("/klager?alle=1")
            #expect(saraList.text.contains("Sagene Kro") && !saraList.text.contains("Thereses gate"))
            #expect(try await sara.get("/klager/\(secondId)").status == .ok)

            // A user without a district (one district's deployment) reaches every log.
            let all = Browser(client)
            _ = try await all.signIn("kari")
            let everything = try await all.get("/klager?alle=1")
            #expect(everything.text.contains("Sagene Kro") && everything.text.contains("Thereses gate"))
        }
        // The refused step changed nothing.
        #expect(try await harness.store.complaint(id: firstId, includingComplainant: false)?.steps.count == 1)
    }
}
