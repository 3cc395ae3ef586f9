import Foundation
import SkjenkTestSupport
import Testing

/// The same command sequence on SQLite and on PostgreSQL gives the same answers: the sample job's
/// cases, assessments and complaint log, byte for byte (when `SKJENK_TEST_POSTGRES_URL` is set).
@Suite struct EngineParityTests {
    @Test func theSampleJobGivesTheSameAnswersOnBothEngines() throws {
        guard let url = StoreEngine.postgresURL else { return }
        let schema = "p_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let sqlite = try SampleAnswersTests.loaded()
        defer { sqlite.remove() }
        let postgres = try SampleAnswersTests.loaded(database: url + (url.contains("?") ? "&" : "?") + "schema=\(schema)")
        defer { postgres.remove() }
        for command in [
            ["cases", "list", "--all", "--json", "--today", "2026-11-27"],
            ["assess", "--all", "--json", "--policy", "Samples/policy.yaml", "--today", "2026-11-27"],
            ["complaints", "list", "--all", "--json"],
        ] {
            let onSQLite = try sqlite.run(command)
            let onPostgres = try postgres.run(command)
            #expect(onSQLite.status == 0 && onPostgres.status == 0, "\(command): \(onPostgres.stderr)")
            #expect(!onSQLite.stdout.isEmpty)
            // Times of import and of each step are the run's own clock: the same field, not the same second.
            #expect(
                Self.withoutClock(onSQLite.stdout) == Self.withoutClock(onPostgres.stdout),
                "\(command.joined(separator: " "))")
        }
    }

    /// The output with every timestamp (`2026-11-27T13:38:20Z`) replaced by one mark.
    static func withoutClock(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"#, with: "TID", options: .regularExpression)
    }
}
