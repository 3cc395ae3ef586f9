import Foundation
import SkjenkStore
import SkjenkTestSupport
import Testing

/// Where the contract suite must run on PostgreSQL (`SKJENK_REQUIRE_POSTGRES=1`, as in `.ci/run`),
/// a missing database fails the run instead of leaving the engine untested.
@Suite struct StoreEngineTests {
    @Test func thePostgreSQLEngineRunsWhereItIsRequired() async throws {
        let required = ProcessInfo.processInfo.environment["SKJENK_REQUIRE_POSTGRES"] == "1"
        let engines = StoreEngine.all.map(\.description)
        if required {
            #expect(engines == ["SQLite", "PostgreSQL"], "SKJENK_TEST_POSTGRES_URL mangler")
        }
        #expect(engines.first == "SQLite")
        // Every engine opens an empty, migrated store.
        for engine in StoreEngine.all {
            let store = try await engine.store()
            #expect(try await store.cases(status: nil).isEmpty, "\(engine)")
            #expect(try await store.users().isEmpty, "\(engine)")
        }
    }
}
