import Foundation
import SkjenkTestSupport
import Testing

@Suite struct CasesCommandTests {
    @Test func importsTheSamplesAndListsThemByDeadline() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let files = try Fixtures.sampleFiles(in: "hearings").map { "Samples/hearings/\($0.lastPathComponent)" }
        let imported = try cli.run(["import"] + files)
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.stdout.contains("avvist") && imported.stdout.contains("0 av \(files.count) filer avvist"))

        let listed = try cli.run("cases", "list", "--json", "--today", "2026-11-22")
        #expect(listed.status == 0)
        let cases = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(cases.count >= 12)
        let deadlines = cases.compactMap { $0["deadline"] as? String }
        #expect(deadlines == deadlines.sorted())
        for item in cases {
            for key in [
                "caseNumber", "sent", "deadline", "district", "applicationType", "permitType", "applicant", "venue",
                "daysLeft", "overdue",
            ] {
                #expect(item[key] != nil, "missing \(key)")
            }
            let applicant = try #require(item["applicant"] as? [String: Any])
            #expect(applicant["name"] is String && applicant["organisationNumber"] is String)
            let venue = try #require(item["venue"] as? [String: Any])
            #expect(venue["name"] is String && venue["address"] != nil)
            if let position = venue["position"] as? [String: Any] {
                let lat = try #require(position["lat"] as? Double)
                let lon = try #require(position["lon"] as? Double)
                #expect((59.8...60.0).contains(lat) && (10.6...10.9).contains(lon), "\(item["caseNumber"] ?? "")")
            }
            let overdue = try #require(item["overdue"] as? Bool)
            let daysLeft = try #require(item["daysLeft"] as? Int)
            #expect(overdue == (daysLeft < 0))
        }
        #expect(cases.contains { $0["overdue"] as? Bool == true })
        #expect(
            Set(cases.compactMap { $0["applicationType"] as? String })
                == ["new", "change", "changeOfOwner", "renewal", "singleOccasion"])
        #expect(Set(cases.compactMap { $0["permitType"] as? String }) == ["serving", "retailSale"])

        let text = try cli.run("cases", "list", "--today", "2026-11-22")
        #expect(text.status == 0)
        #expect(text.stdout.contains("FORFALT"))
        #expect(text.stdout.contains("Frist"))
    }

    @Test func showsOneCaseWithItsHistory() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let shared = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/spec/examples")
        try cli.run("import", shared.appendingPathComponent("two-hearings.xml").path)
        let shown = try cli.run("cases", "show", "26/4711", "--today", "2026-11-22")
        #expect(shown.status == 0, "\(shown.output)")
        #expect(shown.stdout.contains("Bar Tre Kroner"))
        #expect(shown.stdout.contains("923 609 016"))
        #expect(shown.stdout.contains("30. november 2026"))
        #expect(shown.stdout.contains("Versjoner:"))
        let json = try cli.run("cases", "show", "2026/04711", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["caseNumber"] as? String == "2026/04711")
        let versions = try #require(object["versions"] as? [[String: Any]])
        #expect(versions.count == 1)
        let venue = try #require(object["venue"] as? [String: Any])
        let position = try #require(venue["position"] as? [String: Any])
        #expect(position["lat"] as? Double == 59.9249)
    }

    @Test func reimportOfAChangedHearingKeepsTheEarlierVersion() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let files = try Fixtures.sampleFiles(in: "hearings").map(\.path)
        try cli.run(["import"] + files)
        let update = try Fixtures.sampleFiles(in: "hearings-update").map(\.path)
        let second = try cli.run(["import"] + update)
        #expect(second.status == 0, "\(second.output)")
        #expect(second.stdout.contains("1 oppdatert"))
        let listed = try cli.run("cases", "list", "--json")
        let cases = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let updated = try #require(cases.first { $0["version"] as? Int == 2 })
        let number = try #require(updated["caseNumber"] as? String)
        let shown = try cli.run("cases", "show", number, "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect((object["versions"] as? [[String: Any]])?.count == 2)
        // A third import of the same file changes nothing.
        let third = try cli.run(["import"] + update)
        #expect(third.stdout.contains("0 oppdatert, 1 uendret"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        #expect(try cli.run("import").status == 2)
        #expect(try cli.run("cases", "list", "--no-such-option").status == 2)
        #expect(try cli.run("cases", "show", "not-a-number").status == 2)
        #expect(try cli.run("cases", "list", "--today", "2026-02-30").status == 2)
        #expect(try cli.run("frobnicate").status == 2)
        let help = try cli.run("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("import"))
    }

    @Test func unknownCaseAndMissingFileExitWithOne() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let unknown = try cli.run("cases", "show", "2026/99999")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("fant ingen sak med saksnummer 2026/99999"))
        let missing = try cli.run("import", "no-such-file.xml")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no-such-file.xml: filen finnes ikke"))
    }

    @Test func backupWritesAUsableCopy() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings").map(\.path))
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        let backup = try cli.run("backup", copy)
        #expect(backup.status == 0, "\(backup.output)")
        let fromCopy = try cli.run("cases", "list", "--json", "--db", copy, "--today", "2026-11-22")
        let fromLive = try cli.run("cases", "list", "--json", "--today", "2026-11-22")
        #expect(fromCopy.stdout == fromLive.stdout)
        #expect(try cli.run("backup", copy).status == 1)
    }

    /// On PostgreSQL the database is copied with pg_dump: `skjenk backup` says how, and never shows
    /// the password it was given.
    @Test func backupOnPostgreSQLNamesPgDumpWithoutThePassword() throws {
        let cli = try CLIHarness(database: "postgres://kari:hemmelig@db.example.no/skjenk")
        defer { cli.remove() }
        let refused = try cli.run("backup", cli.folder.appendingPathComponent("kopi.dump").path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("pg_dump --format=custom"))
        #expect(refused.stderr.contains("postgres://kari:****@db.example.no/skjenk"))
        #expect(!refused.output.contains("hemmelig"))
    }
}
