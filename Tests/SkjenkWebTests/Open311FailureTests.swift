import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SkjenkTestSupport
import SkjenkWeb
import Testing

@testable import SkjenkSQLite
import SkjenkStore

/// Issue 15, finding 4: when the database fails (busy, broken), Open311 answers in the
/// specification's error format with 503, and says nothing of the database.
@Suite struct Open311FailureTests {
    @Test func aFailingDatabaseAnswersInTheSpecificationsFormat() async throws {
        let harness = try await Open311Tests.harness()
        try await harness.application().test(.router) { client in
            #expect(try await Open311Tests.get(client, "/open311/v2/requests.json").status == .ok)
            try await (harness.store as! SQLiteStore).writer.write { db in
                try db.execute(sql: "ALTER TABLE complaint RENAME TO complaintAway")
            }
            for format in ["json", "xml"] {
                let failed = try await Open311Tests.get(client, "/open311/v2/requests.\(format)?api_key=\(Open311Tests.key)")
                #expect(failed.status == .serviceUnavailable, "\(format)")
                #expect(!failed.text.lowercased().contains("sql"), "\(failed.text.prefix(200))")
                #expect(!failed.text.contains("complaint"), "\(failed.text.prefix(200))")
                if format == "json" {
                    let error = try #require((try Open311Tests.json(failed) as? [[String: Any]])?.first)
                    #expect(error["code"] as? Int == 503)
                } else {
                    #expect(failed.text.contains("<errors><error><code>503</code>"))
                }
            }
        }
    }

    /// A policy file with errors (edited by hand while the server runs) is answered in the
    /// specification's format too, for reads without a key and for new requests, and the next
    /// request after the repair is served again.
    @Test func aBrokenPolicyFileAnswersInTheSpecificationsFormat() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-open311-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("policy.yaml")
        let sample = try Data(contentsOf: Fixtures.sample("policy.yaml"))
        try sample.write(to: path)
        let harness = try await Open311Tests.harness { $0.policyPath = path.path }
        try await harness.application().test(.router) { client in
            #expect(try await Open311Tests.get(client, "/open311/v2/requests.json").status == .ok)
            try Data("versjon: [\n".utf8).write(to: path)
            let read = try await Open311Tests.get(client, "/open311/v2/requests.json")
            #expect(read.status == .internalServerError)
            let error = try #require((try Open311Tests.json(read) as? [[String: Any]])?.first)
            #expect(error["code"] as? Int == 500)
            #expect((error["description"] as? String)?.contains("bydelen retter en feil") == true)
            let posted = try await Open311Tests.post(
                client, [("service_code", "stoey"), ("description", "Høy musikk"), ("lat", "59.925"), ("long", "10.733")],
                format: "xml")
            #expect(posted.status == .internalServerError)
            #expect(posted.text.contains("<errors><error><code>500</code>"))
            try sample.write(to: path)
            #expect(try await Open311Tests.get(client, "/open311/v2/requests.json").status == .ok)
        }
    }
}
