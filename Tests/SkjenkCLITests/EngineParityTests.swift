import Foundation
import SkjenkImport
import SkjenkTestSupport
import Testing

/// The same command sequence on SQLite and on PostgreSQL gives the same answers: the sample job's
/// cases, assessments and complaint log, byte for byte (when `SKJENK_TEST_POSTGRES_URL` is set).
@Suite struct EngineParityTests {
    @Test func theSampleJobGivesTheSameAnswersOnBothEngines() async throws {
        guard let url = StoreEngine.postgresURL else { return }
        let schema = "p_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let sqlite = try SampleAnswersTests.loaded()
        defer { sqlite.remove() }
        let postgres = try await SampleAnswersTests.loadedOffPool(
            database: url + (url.contains("?") ? "&" : "?") + "schema=\(schema)")
        defer { postgres.remove() }
        for command in [
            ["cases", "list", "--all", "--json", "--today", "2026-11-27"],
            ["assess", "--all", "--json", "--policy", "Samples/policy.yaml", "--today", "2026-11-27"],
            ["complaints", "list", "--all", "--json"],
        ] {
            let onSQLite = try await sqlite.runOffPool(command)
            let onPostgres = try await postgres.runOffPool(command)
            #expect(onSQLite.status == 0 && onPostgres.status == 0, "\(command): \(onPostgres.stderr)")
            #expect(!onSQLite.stdout.isEmpty)
            // Times of import and of each step are the run's own clock: the same field, not the same second.
            #expect(
                Self.withoutClock(onSQLite.stdout) == Self.withoutClock(onPostgres.stdout),
                "\(command.joined(separator: " "))")
        }
    }

    /// The benchmark's 10,000 generated hearings with the sample registers and complaints: the same
    /// case list and the same assessments on both engines.
    @Test func tenThousandHearingsGiveTheSameAnswersOnBothEngines() async throws {
        guard let url = StoreEngine.postgresURL else { return }
        let sqlite = try SampleAnswersTests.loaded()
        defer { sqlite.remove() }
        let postgres = try await SampleAnswersTests.loadedOffPool(
            database: url + (url.contains("?") ? "&" : "?") + "schema=\(StoreEngine.newSchema())")
        defer { postgres.remove() }
        let file = sqlite.folder.appendingPathComponent("mange.xml")
        try HearingXMLWriter.document((1...10_000).map { Fixtures.hearing($0) }).write(to: file)
        for cli in [sqlite, postgres] {
            let imported = try await cli.runOffPool(["import", file.path])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        for command in [
            ["cases", "list", "--all", "--json", "--today", "2026-11-27"],
            ["assess", "--all", "--json", "--policy", "Samples/policy.yaml", "--today", "2026-11-27"],
        ] {
            let onSQLite = try await sqlite.runOffPool(command)
            let onPostgres = try await postgres.runOffPool(command)
            #expect(onSQLite.status == 0 && onPostgres.status == 0, "\(command): \(onPostgres.stderr)")
            #expect(onSQLite.stdout.count > 1_000_000)
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
