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
            try await harness.store.writer.write { db in
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
}
