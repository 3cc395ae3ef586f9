import Foundation
import SkjenkSQLite
import SkjenkTestSupport
import Testing

/// `skjenk stats` (issue 18, item 7): the annual report from a database built through the store
/// (`Fixtures.storeReportYear`, whose answers are worked out in its comment), as JSON, CSV and tables.
@Suite struct StatsCommandTests {
    /// The harness with St. Hanshaugen's year and Sagene's in its database file.
    func harness() async throws -> CLIHarness {
        let cli = try CLIHarness()
        let store = try SQLiteStore(
            path: cli.folder.appendingPathComponent("test.sqlite").path, now: FixedClock().function)
        _ = try await Fixtures.storeReportYear(in: store)
        _ = try await Fixtures.storeReportYear(in: store, district: "Sagene", firstIndex: 400)
        return cli
    }

    @Test func theJSONHasTheDistrictsFigures() async throws {
        let cli = try await harness()
        defer { cli.remove() }
        let result = try cli.run("stats", "--year", "2026", "--district", "St. Hanshaugen", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["district"] as? String == "St. Hanshaugen")
        #expect(json["year"] as? Int == 2026)
        let figures = try #require(json["figures"] as? [String: Any])
        let received = try #require(figures["received"] as? [String: Any])
        #expect(received["total"] as? Int == 3)
        #expect(received["byKind"] as? [String: Int] == [
            "ny": 2, "endring": 0, "eierskifte": 0, "fornyelse": 1, "enkeltanledning": 0,
        ])
        #expect(figures["answered"] as? Int == 2)
        #expect(figures["unanswered"] as? Int == 1)
        #expect(figures["answeredOnTime"] as? Int == 1)
        #expect(figures["onTimePercent"] as? Double == 50)
        #expect(figures["medianDaysUsed"] as? Double == 27.5)
        #expect((figures["outcomes"] as? [String: Int])?["vilkaar"] == 1)
        #expect((figures["outcomes"] as? [String: Int])?["ingen-merknader"] == 1)
        #expect((figures["outcomes"] as? [String: Int])?["gaar-imot"] == 0, "the unanswered case's is not counted")
        let decisions = try #require(figures["decisions"] as? [String: Any])
        #expect(decisions["recorded"] as? Int == 2)
        #expect(decisions["agreeing"] as? Int == 1)
        #expect(decisions["agreementPercent"] as? Double == 50)
        let complaints = try #require(figures["complaints"] as? [String: Any])
        #expect(complaints["total"] as? Int == 2)
        let categories = try #require(complaints["byCategory"] as? [[String: Any]])
        #expect(categories.compactMap { $0["category"] as? String } == ["stoey", "forsoepling"])
        let quarters = try #require(json["quarters"] as? [[String: Any]])
        #expect(quarters.compactMap { $0["period"] as? String } == ["2026-K1", "2026-K2", "2026-K3", "2026-K4"])
        #expect(quarters[0]["onTimePercent"] as? Double == 100)
        #expect(quarters[2]["onTimePercent"] == nil, "no basis in the third quarter: left out")

        // Without --district: both districts
        let all = try cli.run("stats", "--year", "2026", "--json")
        let allFigures = try #require(
            (try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])?["figures"]
                as? [String: Any])
        #expect((allFigures["received"] as? [String: Any])?["total"] as? Int == 6)
    }

    @Test func aQuarterAsCSVAndTheYearAsTables() async throws {
        let cli = try await harness()
        defer { cli.remove() }
        let csv = try cli.run("stats", "--year", "2026", "--quarter", "2", "--district", "Sagene", "--csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines.first?.replacingOccurrences(of: "\u{FEFF}", with: "") == "periode;tall;del;verdi")
        #expect(lines.contains("2026-K2;mottatt;;2"))
        #expect(lines.contains("2026-K2;besvart_i_tide_prosent;;0"), "the renewal was sent late")
        #expect(lines.contains("2026-K2;median_dager_brukt;;35"))
        #expect(!lines.contains { $0.hasPrefix("2026;") || $0.hasPrefix("2026-K1;") })

        let text = try cli.run("stats", "--year", "2026", "--district", "St. Hanshaugen")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Årsrapport 2026, bydel St. Hanshaugen"))
        let onTime = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("Andel innen fristen") })
        #expect(onTime.split(separator: " ", omittingEmptySubsequences: true).suffix(8).joined(separator: " ")
            == "50 % 100 % 0 % – –")
        #expect(text.stdout.contains("Bar Boble (Thereses gate 10)"))
    }

    @Test(arguments: [
        (["--year", "20x6"], "«20x6» er ikke et år rapporten kan gjelde"),
        (["--year", "1999"], "«1999» er ikke et år rapporten kan gjelde"),
        (["--year", "2026", "--quarter", "5"], "«5» er ikke et kvartal"),
        (["--year", "2026", "--json", "--csv"], "velg enten --json eller --csv"),
    ])
    func badOptionsAreRefusedInNorwegian(arguments: [String], message: String) throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let result = try cli.run(["stats"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func theComplaintStatisticsCommandStillAnswers() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let result = try cli.run("complaints", "stats", "--json", "--to", "2026-11")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"total\" : 0"))
    }
}
