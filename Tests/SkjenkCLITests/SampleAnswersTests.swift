import Foundation
import SkjenkTestSupport
import Testing

/// The reviewed answers for the fourteen sample hearings (`Samples/README.md`, "Reviewed answers"):
/// the whole sample job (hearings, every register, the complaint log) assessed on 27 November 2026
/// with the sample policy must give the level, outcome, refused parts and conditions the table
/// holds, every level must occur, and no conclusion may contradict itself.
@Suite struct SampleAnswersTests {
    /// One row of the table.
    struct Row: Equatable, CustomStringConvertible {
        let caseNumber: String
        let level: String
        let outcome: String
        let refusals: String
        let conditions: String

        var description: String { "\(caseNumber): \(level), \(outcome), [\(refusals)], [\(conditions)]" }
    }

    /// The table's rows, from the README.
    static func table() throws -> [Row] {
        let text = try String(contentsOf: Fixtures.sample("README.md"), encoding: .utf8)
        guard let start = text.range(of: "## Reviewed answers") else { return [] }
        return text[start.upperBound...].split(separator: "\n").compactMap { line -> Row? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count == 9, cells[1].first?.isNumber == true else { return nil }
            return Row(
                caseNumber: cells[1], level: cells[3], outcome: cells[4], refusals: cells[5], conditions: cells[6])
        }
    }

    /// The steps of Samples/run.sh, off the cooperative pool (for PostgreSQL, whose locks other tests
    /// in this process may hold).
    static func sampleSteps() throws -> [[String]] {
        [["import"] + (try Fixtures.sampleFiles(in: "hearings")).map(\.path)]
        + ["skoler.csv", "barnehager.geojson", "ungdom-og-behandling.csv", "idrett.geojson"].map {
            ["sites", "import", "Samples/registers/\($0)"]
        }
        + [
            ["venues", "import", "Samples/registers/skjenkebevillinger-kart.geojson"],
            ["venues", "import", "Samples/registers/salgssteder.csv"],
            ["points", "import", "Samples/registers/prikker.csv"],
            ["addresses", "import", "Samples/registers/adresser-utdrag.csv"],
            ["zones", "import", "Samples/registers/soner.geojson"],
            ["roads", "import", "Samples/registers/veger.geojson"],
            ["complaints", "import", "Samples/complaints/klager-2026.csv", "--policy", "Samples/policy.yaml"],
        ]
    }

    static func loadedOffPool(database: String) async throws -> CLIHarness {
        let cli = try CLIHarness(database: database)
        for step in try sampleSteps() {
            let result = try await cli.runOffPool(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return cli
    }

    /// A database with the whole sample job loaded: the steps of Samples/run.sh.
    static func loaded(database: String? = nil) throws -> CLIHarness {
        let cli = try CLIHarness(database: database)
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings").map(\.path))
        for file in ["skoler.csv", "barnehager.geojson", "ungdom-og-behandling.csv", "idrett.geojson"] {
            #expect(try cli.run("sites", "import", "Samples/registers/\(file)").status == 0)
        }
        #expect(try cli.run("venues", "import", "Samples/registers/skjenkebevillinger-kart.geojson").status == 0)
        #expect(try cli.run("venues", "import", "Samples/registers/salgssteder.csv").status == 0)
        #expect(try cli.run("points", "import", "Samples/registers/prikker.csv").status == 0)
        #expect(try cli.run("addresses", "import", "Samples/registers/adresser-utdrag.csv").status == 0)
        #expect(try cli.run("zones", "import", "Samples/registers/soner.geojson").status == 0)
        #expect(try cli.run("roads", "import", "Samples/registers/veger.geojson").status == 0)
        #expect(
            try cli.run("complaints", "import", "Samples/complaints/klager-2026.csv", "--policy", "Samples/policy.yaml")
                .status == 0)
        return cli
    }

    /// Every statement the sample job writes reads as a letter (`LetterLanguage`): no sentence
    /// starting with a digit, no internal word, no login or account name.
    @Test func theSampleStatementsReadAsLetters() throws {
        let cli = try Self.loaded()
        defer { cli.remove() }
        let folder = cli.folder.appendingPathComponent("uttalelser")
        let result = try cli.run(
            "draft", "--all", "--output-dir", folder.path, "--formats", "md", "--policy", "Samples/policy.yaml",
            "--today", "2026-11-27")
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count == 14)
        let account = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let problems = LetterLanguage.problems(in: text, accounts: ["root", "cli", account])
            #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems.prefix(5))")
        }
    }

    @Test func theSampleHearingsGiveTheReviewedAnswers() throws {
        let expected = try Self.table()
        #expect(expected.count == 14)
        let cli = try Self.loaded()
        defer { cli.remove() }
        let result = try cli.run(
            "assess", "--all", "--json", "--policy", "Samples/policy.yaml", "--today", "2026-11-27")
        #expect(result.status == 0, "\(result.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        var actual: [Row] = []
        for object in list {
            let refusals = (object["refusals"] as? [[String: Any]] ?? []).compactMap { $0["part"] as? String }
            let conditions = (object["conditions"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            actual.append(
                Row(
                    caseNumber: object["caseNumber"] as? String ?? "", level: object["level"] as? String ?? "",
                    outcome: object["outcome"] as? String ?? "",
                    refusals: refusals.isEmpty ? "–" : refusals.joined(separator: "; "),
                    conditions: conditions.isEmpty ? "–" : conditions.joined(separator: " ")))
            // No contradictory conclusion.
            let outcome = object["outcome"] as? String
            let scores = (object["factors"] as? [[String: Any]] ?? []).compactMap { $0["score"] as? Int }
            switch outcome {
            case "ingen-merknader": #expect(refusals.isEmpty && conditions.isEmpty && scores.allSatisfy { $0 < 2 })
            case "merknader": #expect(refusals.isEmpty && conditions.isEmpty)
            case "vilkaar": #expect(refusals.isEmpty && !conditions.isEmpty)
            case "delvis-avslag": #expect(!refusals.isEmpty)
            case "gaar-imot": #expect(object["level"] as? String == "høy")
            default: Issue.record("unknown outcome \(outcome ?? "nil")")
            }
            let subsidiary = (object["conditions"] as? [[String: Any]] ?? []).compactMap { $0["subsidiary"] as? Bool }
            #expect(subsidiary.allSatisfy { $0 == (outcome == "gaar-imot") })
        }
        let byCase = Dictionary(uniqueKeysWithValues: actual.map { ($0.caseNumber, $0) })
        for row in expected {
            #expect(
                byCase[row.caseNumber] == row,
                "\(row.caseNumber): the table says \(row), the assessment \(byCase[row.caseNumber].map(\.description) ?? "nothing")"
            )
        }
        #expect(Set(actual.map(\.level)) == ["lav", "middels", "høy"])
    }
}
