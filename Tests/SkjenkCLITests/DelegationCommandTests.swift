import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

/// Issue 18, item 2 on the command line: with the sample policy's delegation switched on, a new
/// permit the assessment finds remarks on goes to the council's next meeting, a renewal or a single occasion
/// to the director; without a planned meeting the draft is refused with the reason.
@Suite struct DelegationCommandTests {
    @Test func aFirstDraftFollowsTheDelegation() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let sample = try String(contentsOf: Fixtures.sample("policy.yaml"), encoding: .utf8)
        let policy = cli.folder.appendingPathComponent("policy.yaml")
        let lines = sample.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "# delegasjon:"))
        let enabled = lines.enumerated().map { index, line in
            index >= start && line.hasPrefix("# ") ? String(line.dropFirst(2)) : line
        }.joined(separator: "\n")
        try enabled.write(to: policy, atomically: true, encoding: .utf8)
        #expect(try cli.run("import", "Samples/hearings/2026-uke46.xml").status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(cli.run("cases", "list", "--json").stdout.utf8)) as? [[String: Any]]
        let kinds = Dictionary(uniqueKeysWithValues: (list ?? []).compactMap { row -> (String, String)? in
            guard let number = row["caseNumber"] as? String, let kind = row["applicationType"] as? String else { return nil }
            return (number, kind)
        })
        let newCase = try #require(kinds.filter { $0.value == "new" }.keys.sorted().first)
        let ownerCase = try #require(kinds.first { $0.value == "renewal" || $0.value == "singleOccasion" }?.key)

        // A new permit that the district goes against is the council's (not delegated).
        let refused = try cli.run("draft", newCase, "--outcome", "gaar-imot", "--policy", policy.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("er ikke delegert; saken avgjøres av bydelsutvalget."), "\(refused.stderr)")
        #expect(refused.stderr.contains("Det er ikke lagt inn noe møte i bydelsutvalget fra i dag"))

        let date = OsloTime.today(at: Date()).adding(days: 14)
        #expect(try cli.run("meetings", "create", "--body", "bydelsutvalget", "--date", date.iso).status == 0)
        let drafted = try cli.run("draft", newCase, "--outcome", "gaar-imot", "--policy", policy.path)
        #expect(drafted.status == 0, "\(drafted.stderr)")
        let text = try cli.run("draft", newCase, "--export", "md", "--output", cli.folder.appendingPathComponent("u.md").path,
            "--policy", policy.path)
        #expect(text.status == 0, "\(text.stderr)")
        let markdown = try String(contentsOf: cli.folder.appendingPathComponent("u.md"), encoding: .utf8)
        #expect(markdown.contains("Saken legges fram for bydelsutvalget i møte \(NorwegianFormat.longDate(date))."))
        do {
            #expect(try cli.run("draft", ownerCase, "--policy", policy.path).status == 0)
            try cli.run(
                "draft", ownerCase, "--export", "md", "--output", cli.folder.appendingPathComponent("e.md").path,
                "--policy", policy.path)
            let owner = try String(contentsOf: cli.folder.appendingPathComponent("e.md"), encoding: .utf8)
            #expect(owner.contains("Uttalelsen gis av bydelsdirektøren etter delegert myndighet."))
        }
    }
}
