import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import InMemoryLogging
import Logging
import SkjenkCore
import SkjenkSQLite
import SkjenkStore
import SkjenkTestSupport
import SkjenkWeb

/// An in-process server on an in-memory store with three users, a sample case with a draft sent
/// for review, and a complaint with a complainant; and a browser-like client that keeps cookies.
struct WebHarness {
    static let password = "riktig-hest-batteri"
    /// Planted complainant details: must never reach a council member.
    static let complainant = Complainant(
        name: "Zacharias Klagemann", phone: "+47 998 87 766", email: "zacharias.klagemann@example.no",
        address: "Hemmeligveien 7")

    let store: any AppStore
    let services: WebServices
    let caseNumber: CaseNumber
    let complaintId: Int64

    /// `configure` changes the server's configuration (a proxy, a lower key limit); `engine` the
    /// store (SQLite in memory unless told); `complaintDistrict` the log the complaint is in (none
    /// unless told, as in a deployment for one district), and the meeting's.
    init(
        engine: StoreEngine = .sqlite, complaintDistrict: String? = nil,
        configure: (inout WebConfiguration) -> Void = { _ in }
    ) async throws {
        store = try await engine.store()
        var configuration = WebConfiguration(policyPath: Fixtures.sample("policy.yaml").path)
        configure(&configuration)
        services = try WebServices(store: store, configuration: configuration, now: FixedClock().function)
        for (name, role) in [
            ("kari", Role.caseworker), ("bu1", .councilMember), ("admin1", .admin), ("leder1", .manager),
        ] {
            // Cost 4 keeps the tests fast; the CLI uses bcrypt's default cost.
            _ = try await store.addUser(
                name: name, role: role, passwordHash: Bcrypt.hash(Self.password, cost: 4), actor: Fixtures.actor)
        }
        let hearing = Fixtures.statementHearing(.new, .serving)
        caseNumber = hearing.caseNumber
        _ = try await store.storeHearings([hearing], source: "test.xml", actor: Fixtures.actor, progress: nil)
        var entry = Fixtures.complaintEntry(
            received: "2026-11-20 10:00", incident: "2026-11-19", due: "2026-11-21",
            venue: ComplaintVenue(name: "Bar Boble", street: "Thereses gate 10"), complainant: Self.complainant)
        entry.officer = "kari"
        entry.district = complaintDistrict
        complaintId = try await store.logComplaint(entry, actor: Fixtures.actor)
        // A council meeting of the same district (number 1), with an empty agenda.
        _ = try await store.addMeeting(
            body: "bydelsutvalget", date: Fixtures.day("2026-12-10"), district: complaintDistrict, actor: Fixtures.actor)
    }

    /// The application, logging warnings and worse only (the access log would drown the test output).
    func application() -> some ApplicationProtocol {
        var logger = Logger(label: "skjenk-test")
        logger.logLevel = .warning
        return Application(router: buildRouter(services: services), logger: logger)
    }

    /// The application logging everything, down to trace, into `log` (for tests of what is logged).
    func application(logging log: InMemoryLogHandler) -> some ApplicationProtocol {
        var logger = Logger(label: "skjenk-test") { _ in log }
        logger.logLevel = .trace
        return Application(router: buildRouter(services: services), logger: logger)
    }
}

/// A client that keeps cookies between requests and fills in the form token, like a browser.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf: String?

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    @discardableResult
    func get(_ uri: String) async throws -> TestResponse {
        try await send(uri, method: .get, body: nil, contentType: nil)
    }

    /// Posts a form; the form token of the last page is added unless `csrf` says otherwise.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], csrf: String?? = .none) async throws -> TestResponse {
        var fields = fields
        switch csrf {
        case .none: if let token = self.csrf { fields.append(("csrf", token)) }
        case .some(let token?): fields.append(("csrf", token))
        case .some(nil): break
        }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body, contentType: "application/x-www-form-urlencoded")
    }

    func send(
        _ uri: String, method: HTTPRequest.Method, body: String?, contentType: String?, extra: HTTPFields = [:]
    )
        async throws -> TestResponse
    {
        var headers = extra
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.executeRequest(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 {
                cookies[String(pair[0])] = String(pair[1])
                if pair[1].isEmpty { cookies[String(pair[0])] = nil }
            }
        }
        let text = String(buffer: response.body)
        if let range = text.range(of: #"name="csrf" value=""#) {
            let rest = text[range.upperBound...]
            csrf = rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        return response
    }

    /// Posts a file as `multipart/form-data` with the page's form token.
    func upload(_ uri: String, field: String = "fil", fileName: String, data: Data) async throws -> TestResponse {
        let boundary = "skjenkgrense"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf ?? "")\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\n"
        body += "Content-Type: application/octet-stream\r\n\r\n"
        var bytes = Data(body.utf8)
        bytes.append(data)
        bytes.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await send(
            uri, method: .post, body: String(decoding: bytes, as: UTF8.self),
            contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Signs in as `name` through the sign-in form.
    func signIn(_ name: String, password: String = WebHarness.password) async throws -> TestResponse {
        try await get("/logg-inn")
        return try await post("/logg-inn", [("navn", name), ("passord", password), ("neste", "/")])
    }

    /// Opens the case's page (for its CSRF token) and drafts a statement with `fields`.
    @discardableResult
    func draft(_ fields: [(String, String)], case path: String = "/saker/2026/10003") async throws -> TestResponse {
        try await get(path)
        return try await post(path + "/utkast", fields)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
