import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import SkjenkApp
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import SkjenkWeb
import Testing

/// Open311 GeoReport v2: responses against the specification's JSON Schemas (Python's jsonschema),
/// XML element names, keys, errors, duplicate flags and the complainant's privacy.
@Suite struct Open311Tests {
    static let key = "open311-testnokkel-0123456789abcdef"
    /// Far from the harness's complaint in Thereses gate, so only these reports meet.
    static let origin = GeoPoint(latitude: 59.95, longitude: 10.80)
    static let person = ["Ingrid", "Hemmeligsen", "ingrid.hemmeligsen@example.no", "+47 912 34 567"]

    static func harness(configure: (inout WebConfiguration) -> Void = { _ in }) async throws -> WebHarness {
        let harness = try await WebHarness(configure: configure)
        _ = try await harness.store.addAPIKey(name: "bymelding", keyHash: Tokens.hash(key), actor: Fixtures.actor)
        return harness
    }

    static func post(
        _ client: some TestClientProtocol, _ fields: [(String, String)], format: String = "json", key: String? = key
    ) async throws -> TestResponse {
        var fields = fields
        if let key { fields.append(("api_key", key)) }
        let body = fields.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
        return try await client.executeRequest(
            uri: "/open311/v2/requests.\(format)", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    static func report(_ point: GeoPoint, code: String = "stoey", personal: Bool = false) -> [(String, String)] {
        var fields = [
            ("service_code", code), ("lat", String(point.latitude)), ("long", String(point.longitude)),
            ("description", "Høy musikk fra uteserveringen"), ("attribute[tidspunkt]", "2026-11-21T23:30:00+01:00"),
        ]
        if personal {
            fields += [
                ("first_name", person[0]), ("last_name", person[1]), ("email", person[2]), ("phone", person[3]),
            ]
        }
        return fields
    }

    static func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.executeRequest(uri: uri, method: .get, headers: [:], body: nil)
    }

    static func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body))
    }

    @Test func everyJSONResponseValidatesAgainstTheSpecificationsSchemas() async throws {
        let harness = try await Self.harness()
        try await harness.application().test(.router) { client in
            var documents: [(schema: String, body: String)] = []
            let services = try await Self.get(client, "/open311/v2/services.json")
            #expect(services.status == .ok)
            documents.append(("services.json", services.text))
            let list = try #require(try Self.json(services) as? [[String: Any]])
            #expect(list.count == ComplaintCategory.allCases.count)
            #expect(
                list.first { $0["service_code"] as? String == "mindreaarige" }?["group"] as? String == "Næringsetaten")
            #expect(list.first { $0["service_code"] as? String == "uro" }?["group"] as? String == "politiet")
            for code in ["stoey", "mindreaarige"] {
                let definition = try await Self.get(client, "/open311/v2/services/\(code).json")
                #expect(definition.status == .ok)
                documents.append(("service-definition.json", definition.text))
            }
            let created = try await Self.post(client, Self.report(Self.origin, personal: true))
            #expect(created.status == .ok, "\(created.text)")
            let id = try #require((try Self.json(created) as? [[String: Any]])?.first?["service_request_id"] as? String)
            let one = try await Self.get(client, "/open311/v2/requests/\(id).json?api_key=\(Self.key)")
            #expect(one.status == .ok)
            documents.append(("requests.json", one.text))
            let request = try #require((try Self.json(one) as? [[String: Any]])?.first)
            #expect(request["status"] as? String == "open")
            #expect(request["status_notes"] as? String == "mottatt")
            #expect(request["agency_responsible"] as? String == "politiet")  // noise at 23.30
            #expect((request["requested_datetime"] as? String)?.hasSuffix("+01:00") == true)
            #expect((request["expected_datetime"] as? String)?.hasPrefix("2026-12-06T16:00:00+01:00") == true)
            let all = try await Self.get(
                client,
                "/open311/v2/requests.json?api_key=\(Self.key)&status=open&service_code=stoey"
                    + "&start_date=2026-11-01T00:00:00%2B01:00&end_date=2026-11-30T00:00:00%2B01:00")
            #expect(all.status == .ok)
            #expect((try Self.json(all) as? [Any])?.count == 2)  // the harness's noise complaint and this one
            documents.append(("requests.json", all.text))
            let closed = try await Self.get(client, "/open311/v2/requests.json?api_key=\(Self.key)&status=closed")
            #expect((try Self.json(closed) as? [Any])?.count == 0)
            // By id, the period does not apply; unknown ids are left out.
            let byId = try await Self.get(
                client,
                "/open311/v2/requests.json?api_key=\(Self.key)&service_request_id=\(id),\(harness.complaintId),999999"
                    + "&start_date=2025-01-01T00:00:00Z&end_date=2025-01-02T00:00:00Z")
            let ids = (try Self.json(byId) as? [[String: Any]])?.compactMap { $0["service_request_id"] as? String }
            #expect(Set(ids ?? []) == [id, String(harness.complaintId)])
            documents.append(("requests.json", byId.text))
            try Self.validate(documents)
        }
    }

    @Test func refusalsUseTheSpecificationsErrorFormat() async throws {
        let harness = try await Self.harness()
        try await harness.application().test(.router) { client in
            let noKey = try await Self.post(client, Self.report(Self.origin), key: nil)
            #expect(noKey.status == .forbidden)
            let error = try #require((try Self.json(noKey) as? [[String: Any]])?.first)
            #expect(error["code"] as? Int == 403)
            #expect((error["description"] as? String)?.contains("api_key") == true)
            #expect(try await Self.post(client, Self.report(Self.origin), key: "feil").status == .forbidden)
            let badCategory = try await Self.post(client, Self.report(Self.origin, code: "parkering"))
            #expect(badCategory.status == .badRequest)
            #expect((try Self.json(badCategory) as? [[String: Any]])?.first?["code"] as? Int == 400)
            let xml = try await Self.post(client, Self.report(Self.origin, code: "parkering"), format: "xml")
            #expect(xml.status == .badRequest)
            #expect(xml.text.contains("<errors><error><code>400</code><description>"))
            let noPlace = try await Self.post(client, [("service_code", "stoey")])
            #expect(noPlace.status == .badRequest)
            let long = try await Self.post(
                client, Self.report(Self.origin) + [("description", String(repeating: "x", count: 4_001))])
            #expect(long.status == .badRequest)
            // Issue 15, finding 4: references and free text have limits; positions must be finite
            // and in Norway. Each refusal is in the specification's error format and stores nothing.
            for fields in [
                [("service_request_id", String(repeating: "a", count: 101))],
                [("service_request_id", "ref med mellomrom")],
                [("address_string", String(repeating: "x", count: 201))],
                [("attribute[sted]", String(repeating: "x", count: 201))],
            ] {
                let refused = try await Self.post(client, Self.report(Self.origin) + fields)
                #expect(refused.status == .badRequest, "\(fields[0].0)")
                #expect((try Self.json(refused) as? [[String: Any]])?.first?["code"] as? Int == 400)
            }
            for (lat, long) in [("nan", "10.7"), ("inf", "10.7"), ("48.85", "2.35")] {
                let refused = try await Self.post(
                    client, [("service_code", "stoey"), ("lat", lat), ("long", long), ("description", "Musikk")])
                #expect(refused.status == .badRequest, "\(lat),\(long)")
            }
            let wide = try await Self.get(
                client,
                "/open311/v2/requests.json?api_key=\(Self.key)&start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z"
            )
            #expect(wide.status == .badRequest)
            #expect(try await Self.get(client, "/open311/v2/requests/1.json?api_key=feil").status == .forbidden)
            // Nothing refused was stored: only the harness's complaint.
            #expect(try await harness.store.complaintLog(ComplaintFilter()).count == 1)
        }
    }

    @Test func theXMLUsesTheSpecificationsElementNames() async throws {
        let harness = try await Self.harness()
        try await harness.application().test(.router) { client in
            let services = try await Self.get(client, "/open311/v2/services.xml")
            #expect(services.headers[.contentType]?.hasPrefix("text/xml") == true)
            #expect(services.text.contains("<services><service><service_code>stoey</service_code><service_name>"))
            for element in ["metadata", "type", "keywords", "group", "description"] {
                #expect(services.text.contains("<\(element)>"), "\(element)")
            }
            let definition = try await Self.get(client, "/open311/v2/services/stoey.xml")
            #expect(
                definition.text.contains(
                    "<service_definition><service_code>stoey</service_code><attributes><attribute><variable>true</variable><code>sted</code>"
                ))
            let created = try await Self.post(client, Self.report(Self.origin), format: "xml")
            #expect(created.text.contains("<service_requests><request><service_request_id>"))
            #expect(created.text.contains("<service_notice>"))
            let list = try await Self.get(client, "/open311/v2/requests.xml?api_key=\(Self.key)")
            for element in [
                "service_request_id", "status", "status_notes", "service_name", "service_code", "agency_responsible",
                "requested_datetime", "updated_datetime", "expected_datetime", "address", "lat", "long",
            ] {
                #expect(list.text.contains("<\(element)>"), "\(element)")
            }
            #expect(list.text.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests><request>"))
        }
    }

    @Test func aKeyIsLimitedPerMinuteAndARevokedKeyIsRefused() async throws {
        let harness = try await Self.harness { $0.keyRequestsPerMinute = 3 }
        let other = "open311-annen-nokkel-0123456789abcdef"
        _ = try await harness.store.addAPIKey(name: "annen", keyHash: Tokens.hash(other), actor: Fixtures.actor)
        try await harness.application().test(.router) { client in
            for _ in 1...3 {
                let response = try await Self.get(client, "/open311/v2/requests.json?api_key=\(Self.key)")
                #expect(response.status == .ok)
            }
            let limited = try await Self.get(client, "/open311/v2/requests.json?api_key=\(Self.key)")
            #expect(limited.status == .tooManyRequests)
            let error = try #require((try Self.json(limited) as? [[String: Any]])?.first)
            #expect(error["code"] as? Int == 429)
            #expect((error["description"] as? String)?.contains("vent et minutt") == true)
            let posted = try await Self.post(client, Self.report(Self.origin))
            #expect(posted.status == .tooManyRequests, "POSTs count against the same key")
            // The limit is per key: another client is not held back.
            let otherClient = try await Self.get(client, "/open311/v2/requests.xml?api_key=\(other)")
            #expect(otherClient.status == .ok)

            try await harness.store.revokeAPIKey(name: "annen", actor: Fixtures.actor)
            let revoked = try await Self.get(client, "/open311/v2/requests.json?api_key=\(other)")
            #expect(revoked.status == .forbidden)
            let post = try await Self.post(client, Self.report(Self.origin), key: other)
            #expect(post.status == .forbidden)
            #expect(post.text.contains("<error>") == false, "JSON asked for, JSON answered")
        }
        #expect(try await harness.store.apiKeys().map(\.isRevoked) == [true, false])
        #expect(try await harness.store.complaintLog(ComplaintFilter()).count == 1, "only the harness's complaint")
    }

    @Test func threeReportsWithin40MetresAreOneEpisodeWithTwoSuggestions() async throws {
        let harness = try await Self.harness()
        try await harness.application().test(.router) { client in
            var ids: [Int64] = []
            for point in [
                Self.origin, Fixtures.offset(Self.origin, north: 20), Fixtures.offset(Self.origin, east: 30),
                Fixtures.offset(Self.origin, north: 200),
            ] {
                let response = try await Self.post(client, Self.report(point))
                let id = (try Self.json(response) as? [[String: Any]])?.first?["service_request_id"] as? String
                ids.append(try #require(id.flatMap(Int64.init)))
            }
            // The second and third are flagged against the first's episode; the fourth, 200 m away, is not.
            let pending = try await harness.store.pendingDuplicates()
            #expect(pending.map(\.complaintId).sorted() == [ids[1], ids[2]])
            #expect(Set(pending.map(\.flag.episode)) == [ids[0]])
            #expect(pending.allSatisfy { ($0.flag.distance ?? 100) <= 40 })
            let far = try #require(try await harness.store.complaint(id: ids[3], includingComplainant: false))
            #expect(far.duplicateFlags.isEmpty)

            // The officer links one and rejects the other.
            try await harness.store.decideDuplicate(
                complaint: ids[1], episode: ids[0], link: true, actor: Fixtures.actor)
            try await harness.store.decideDuplicate(
                complaint: ids[2], episode: ids[0], link: false, actor: Fixtures.actor)
            #expect(try await harness.store.pendingDuplicates().isEmpty)
            let episode = try await harness.store.complaintLog(ComplaintFilter(episode: ids[0]))
            #expect(Set(episode.compactMap(\.id)) == [ids[0], ids[1]])
            await #expect(throws: ComplaintLogError.self) {
                try await harness.store.decideDuplicate(
                    complaint: ids[2], episode: ids[0], link: true, actor: Fixtures.actor)
            }
        }
    }

    @Test func noGETExportReplyOrLogLineCarriesAPersonalField() async throws {
        let harness = try await Self.harness()
        let log = InMemoryLogHandler()
        try await harness.application(logging: log).test(.router) { client in
            let created = try await Self.post(client, Self.report(Self.origin, personal: true))
            let text = try #require(
                (try Self.json(created) as? [[String: Any]])?.first?["service_request_id"] as? String)
            let id = try #require(Int64(text))
            // Kept, restricted: staff can read them
            let stored = try #require(try await harness.store.complaint(id: id, includingComplainant: true))
            #expect(stored.complainant?.email == Self.person[2])
            #expect(stored.complainant?.name == "\(Self.person[0]) \(Self.person[1])")

            var seen = [created.text]
            for uri in [
                "/open311/v2/requests.json", "/open311/v2/requests.xml", "/open311/v2/requests/\(id).json",
                "/open311/v2/requests/\(id).xml", "/open311/v2/requests.json?service_request_id=\(id)",
            ] {
                seen.append(
                    try await Self.get(client, uri + (uri.contains("?") ? "&" : "?") + "api_key=\(Self.key)").text)
            }
            // The officer's export, and the complaint closed from the web with its closing answer.
            let browser = Browser(client)
            try await browser.signIn("kari")
            let export = try await browser.get("/klager/eksport.csv?alle=1")
            #expect(export.status == .ok)
            #expect(export.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(export.text.contains("\r\n\(id);"), "the Open311 complaint is in the export")
            seen.append(export.text)
            try await browser.get("/klager/\(id)")
            let closed = try await browser.post("/klager/\(id)/avslutt", [("grunn", "ikke-vaart-ansvar")])
            #expect(closed.status == .ok)
            #expect(closed.text.contains("Klagen er avsluttet"))
            let replies = try await harness.store.replies(ofComplaint: id)
            #expect(replies.map(\.kind) == [.receipt, .closing])
            #expect(replies.first?.text.contains("K-\(id)") == true)
            seen += replies.map(\.text)
            seen += try await harness.store.auditTrail(for: nil, limit: 1_000).map {
                "\($0.actor) \($0.action) \($0.detail)"
            }
            // Everything the server logged, down to trace.
            #expect(log.entries.count > 10)
            seen += log.entries.map { "\($0.level) \($0.message) \($0.metadata)" }
            for text in seen {
                for detail in Self.person { #expect(!text.contains(detail), "\(detail) in \(text.prefix(200))") }
            }
            // A caseworker who asks for them gets them (so the checks above can fail).
            try await browser.get("/klager")
            let personal = try await browser.post("/klager/eksport.csv", [("alle", "1"), ("personopplysninger", "1")])
            for detail in Self.person { #expect(personal.text.contains(detail), "\(detail) with personopplysninger") }
        }
    }

    /// Issue 15, finding 4: GeoReport v2 reads need no key (a real client sends none). Such an answer
    /// has no personal data, description or status notes; the key that posted a request sees its
    /// notes; the district can turn keyless reads off in its policy.
    @Test func keylessReadsCarryNoPersonalDataAndThePolicyCanTurnThemOff() async throws {
        let harness = try await Self.harness()
        try await harness.application().test(.router) { client in
            let created = try await Self.post(client, Self.report(Self.origin, personal: true))
            let id = try #require(
                ((try Self.json(created) as? [[String: Any]])?.first?["service_request_id"] as? String)
                    .flatMap { Int64($0) })
            var keyless = [String]()
            for uri in [
                "/open311/v2/requests.json", "/open311/v2/requests.xml", "/open311/v2/requests/\(id).json",
                "/open311/v2/requests/\(id).xml", "/open311/v2/requests.json?service_request_id=\(id)",
            ] {
                let response = try await Self.get(client, uri)
                #expect(response.status == .ok, "\(uri): \(response.text.prefix(200))")
                #expect(response.text.contains("\(id)"), "\(uri) lists the request")
                keyless.append(response.text)
            }
            for text in keyless {
                for detail in Self.person + ["Høy musikk"] {
                    #expect(!text.contains(detail), "\(detail) in a keyless answer")
                }
            }
            let openAnswer = try await Self.get(client, "/open311/v2/requests/\(id).json")
            let open = try #require((try Self.json(openAnswer) as? [[String: Any]])?.first)
            #expect(open["status"] as? String == "open")
            #expect(open["status_notes"] is NSNull)
            let keyedAnswer = try await Self.get(client, "/open311/v2/requests/\(id).json?api_key=\(Self.key)")
            let keyed = try #require((try Self.json(keyedAnswer) as? [[String: Any]])?.first)
            #expect((keyed["status_notes"] as? String)?.isEmpty == false)
            // Another client's key reads the request as anyone may: the notes are for the one that posted it.
            let other = "open311-annen-klient-0123456789"
            _ = try await harness.store.addAPIKey(name: "annen", keyHash: Tokens.hash(other), actor: Fixtures.actor)
            for uri in ["/open311/v2/requests/\(id).json?api_key=\(other)", "/open311/v2/requests.json?api_key=\(other)"] {
                let answer = try await Self.get(client, uri)
                let item = try #require(
                    (try Self.json(answer) as? [[String: Any]])?.first { $0["service_request_id"] as? String == "\(id)" })
                #expect(item["status_notes"] is NSNull, "\(uri)")
            }
            let ownList = try await Self.get(client, "/open311/v2/requests.json?api_key=\(Self.key)")
            let ownItem = try #require(
                (try Self.json(ownList) as? [[String: Any]])?.first { $0["service_request_id"] as? String == "\(id)" })
            #expect((ownItem["status_notes"] as? String)?.isEmpty == false)
            try Self.validate(keyless.enumerated().filter { $0.offset != 1 && $0.offset != 3 }.map {
                (schema: "requests.json", body: $0.element)
            })
        }
        // The district turns keyless reads off: the same reads are refused in the specification's format.
        let policy = try String(contentsOf: Fixtures.sample("policy.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "les_uten_noekkel: true", with: "les_uten_noekkel: false")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).yaml")
        try policy.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let closed = try await Self.harness { $0.policyPath = file.path }
        try await closed.application().test(.router) { client in
            for uri in ["/open311/v2/requests.json", "/open311/v2/requests/1.json"] {
                let refused = try await Self.get(client, uri)
                #expect(refused.status == .forbidden, "\(uri)")
                #expect((try Self.json(refused) as? [[String: Any]])?.first?["code"] as? Int == 403)
            }
            #expect(try await Self.get(client, "/open311/v2/requests.json?api_key=\(Self.key)").status == .ok)
        }
    }

    /// Runs Tests/Tools/validate_json.py with Python's jsonschema (SKJENK_PYTHON, else python3).
    static func validate(_ documents: [(schema: String, body: String)]) throws {
        let environment = ProcessInfo.processInfo.environment
        let python = environment["SKJENK_PYTHON"] ?? "/usr/bin/env"
        let prefix = environment["SKJENK_PYTHON"] == nil ? ["python3"] : []
        let schemas = Fixtures.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/schemas/open311-georeport-v2")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("open311-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments =
            prefix + [
                Fixtures.packageRoot.appendingPathComponent("Tests/Tools/validate_json.py").path, schemas.path,
            ]
        for (index, document) in documents.enumerated() {
            let file = folder.appendingPathComponent("\(index)-\(document.schema)")
            try document.body.write(to: file, atomically: true, encoding: .utf8)
            arguments += [document.schema, file.path]
        }
        let check = try ChildProcess(executable: URL(fileURLWithPath: python)).run(
            prefix + ["-c", "import jsonschema"])
        if check.status != 0 {
            let required = environment["SKJENK_REQUIRE_TOOLS"] == "1"
            #expect(!required, "Python with jsonschema is needed (pip install jsonschema; SKJENK_PYTHON names it)")
            return
        }
        let result = try ChildProcess(executable: URL(fileURLWithPath: python)).run(arguments)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.components(separatedBy: "ok ").count - 1 == documents.count, "\(result.output)")
    }
}
