import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkImport
import SkjenkStore
import SkjenkTestSupport
import Synchronization
import Testing

/// On PostgreSQL (when `SKJENK_TEST_POSTGRES_URL` is set): `skjenk import` of 10,000 hearings in its
/// own process while the web takes complaints through the API on the same database loses nothing
/// and answers every request as usual.
@Suite struct PostgresConcurrencyTests {
    @Test func anImportOf10000HearingsWhileTheAPITakesComplaintsLosesNothing() async throws {
        guard let url = StoreEngine.postgresURL else { return }
        let schema = StoreEngine.newSchema()
        let harness = try await WebHarness(engine: .postgres(url, schema: schema))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-pg-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mange.xml")
        let hearings = (1...10_000).map { Fixtures.hearing($0) }
        try HearingXMLWriter.document(hearings).write(to: file)
        var environment = ProcessInfo.processInfo.environment
        environment["SKJENK_DB"] = url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
        let cli = ChildProcess(
            executable: Fixtures.skjenkExecutable, environment: environment, workingDirectory: Fixtures.packageRoot)

        let done = Mutex(false)
        let importing = Task {
            defer { done.withLock { $0 = true } }
            return try await cli.runOffPool(["import", file.path])
        }
        let posted = try await harness.application().test(.router) { client in
            var posted = 0
            let token = try await WebFlowTests.apiToken(client, "kari")
            let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            while posted < 50 || (!done.withLock { $0 } && posted < 5_000) {
                let response = try await client.executeRequest(
                    uri: "/api/v1/klager", method: .post, headers: auth,
                    body: ByteBuffer(
                        string: #"{"hendelse": "2026-11-21", "sted": "Bar \#(posted)", "kategorier": ["stoey"]}"#))
                #expect(response.status == .created, "\(String(buffer: response.body))")
                posted += 1
            }
            return posted
        }
        let result = try await importing.value

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\(10_000 - (hearings.contains { $0.caseNumber == harness.caseNumber } ? 1 : 0)) nye"))
        let cases = try await harness.store.caseList(
            CaseListQuery(statuses: nil, limit: 1, today: Fixtures.day("2026-11-22")))
        let expected = Set(hearings.map(\.caseNumber.key) + [harness.caseNumber.key]).count
        #expect(cases.total == expected)
        // The harness's own complaint and every one the API took.
        #expect(try await harness.store.complaintLog(ComplaintFilter()).count == posted + 1)
    }
}
