import Foundation
import SkjenkTestSupport
import Testing

/// `skjenk complaints …` and `skjenk followup` end to end, through the built binary.
@Suite struct ComplaintCommandTests {
    let policy = ["--policy", "Samples/policy.yaml"]

    /// Three complaints received 1 November, next steps due 21, 22 and 23 November (yesterday,
    /// today and tomorrow on 22 November), for two officers.
    func fixture(_ cli: CLIHarness) throws {
        for (officer, due, venue) in [
            ("kari", "2026-11-21", "Pub Bislett"), ("ola", "2026-11-22", "Bar Boble"),
            ("kari", "2026-11-23", "Kafé Kaos"),
        ] {
            let result = try cli.run(
                "complaints", "add", "--received", "2026-11-01 10:00", "--incident", "2026-10-31", "--venue", venue,
                "--address", "Thereses gate 10", "--category", "stoey", "--officer", officer, "--due", due)
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    func json(_ result: ChildProcess.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// Issue 17: on a service for several districts the operator names the district's log with
    /// `--district`; listings, the morning list and exports then hold that district's complaints only.
    @Test func theDistrictOptionKeepsEachDistrictsLogApart() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        for (district, venue) in [("St. Hanshaugen", "Pub Bislett"), ("Bydel Sagene", "Sagene Kro")] {
            let result = try cli.run(
                "complaints", "add", "--received", "2026-11-01 10:00", "--incident", "2026-10-31", "--venue", venue,
                "--address", "Thereses gate 10", "--category", "stoey", "--officer", "kari", "--due", "2026-11-21",
                "--district", district)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let sagene = try cli.run("complaints", "list", "--district", "Sagene", "--json")
        #expect(sagene.stdout.contains("Sagene Kro") && !sagene.stdout.contains("Pub Bislett"))
        let followup = try cli.run("followup", "--district", "St. Hanshaugen", "--today", "2026-11-22")
        #expect(followup.stdout.contains("Pub Bislett") && !followup.stdout.contains("Sagene Kro"))
        let export = try cli.run("complaints", "export", "--district", "Sagene")
        #expect(export.stdout.contains("Sagene Kro") && !export.stdout.contains("Pub Bislett"))
        let everyone = try cli.run("complaints", "list", "--json")
        #expect(everyone.stdout.contains("Sagene Kro") && everyone.stdout.contains("Pub Bislett"))
        let bad = try cli.run("complaints", "list", "--district", "7")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--district: bydelen skal være et navn"))
    }

    @Test func followupAndOverdueAreRightForYesterdayTodayAndTomorrow() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try fixture(cli)

        let overdue = try json(cli.run("complaints", "list", "--overdue", "--today", "2026-11-22", "--json"))
        #expect((overdue as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [1])
        let within = try json(cli.run("complaints", "list", "--due-within", "1", "--today", "2026-11-22", "--json"))
        #expect(Set((within as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []) == [1, 2, 3])
        let dueToday = try json(cli.run("complaints", "list", "--due-within", "0", "--today", "2026-11-22", "--json"))
        #expect(Set((dueToday as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []) == [1, 2])

        let agenda = try #require(
            try json(cli.run("followup", "--today", "2026-11-22", "--json")) as? [String: Any])
        let officers = try #require(agenda["officers"] as? [[String: Any]])
        #expect(officers.compactMap { $0["officer"] as? String } == ["kari", "ola"])
        let kari = try #require(officers[0]["items"] as? [[String: Any]])
        #expect(kari.compactMap { $0["id"] as? Int } == [1])
        #expect(kari.compactMap { $0["daysOverdue"] as? Int } == [1])
        let ola = try #require(officers[1]["items"] as? [[String: Any]])
        #expect(ola.compactMap { $0["id"] as? Int } == [2])
        #expect(ola.compactMap { $0["daysOverdue"] as? Int } == [0])

        let text = try cli.run("followup", "--today", "2026-11-22")
        #expect(text.status == 0)
        #expect(text.stdout.contains("kari: 1 å følge opp, 1 forfalt"))
        #expect(text.stdout.contains("21.11.2026  forfalt i går  klage 1"))
        #expect(text.stdout.contains("22.11.2026  forfaller i dag  klage 2"))
        #expect(!text.stdout.contains("klage 3"))
        // The day after, all three are due, soonest first within each officer.
        let later = try cli.run("followup", "--today", "2026-11-23")
        let first = try #require(later.stdout.range(of: "klage 1"))
        let third = try #require(later.stdout.range(of: "klage 3"))
        #expect(first.lowerBound < third.lowerBound)
        #expect(later.stdout.contains("forfalt for 2 dager siden  klage 1"))
    }

    @Test func theStatusFlowHoldsOnTheCommandLine() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try fixture(cli)
        let step = try cli.run(
            ["complaints", "step", "1", "--action", "kontaktet-stedet", "--note", "Ringte daglig leder"] + policy)
        #expect(step.status == 0, "\(step.stderr)")
        #expect(step.stdout.contains("Status: under oppfølging. Neste frist:"))
        #expect(try cli.run("complaints", "close", "1", "--reason", "loest").status == 0)

        let afterClose = try cli.run("complaints", "step", "1", "--action", "annet", "--due", "2026-12-24")
        #expect(afterClose.status == 1)
        #expect(
            afterClose.stderr.contains("klage 1 er avsluttet: gjenåpne den (skjenk complaints reopen 1) før nye steg"))
        #expect(try cli.run("complaints", "reopen", "1", "--due", "2026-12-24").status == 2)  // --note is required
        let reopen = try cli.run("complaints", "reopen", "1", "--note", "Ny episode meldt", "--due", "2026-12-24")
        #expect(reopen.status == 0, "\(reopen.stderr)")
        let show = try cli.run("complaints", "show", "1", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "under-oppfoelging")
        #expect(
            (object["steps"] as? [[String: Any]])?.compactMap { $0["action"] as? String }
                == ["registrert", "kontaktet-stedet", "avsluttet", "gjenaapnet"])
        let text = try cli.run("complaints", "show", "1")
        #expect(text.stdout.contains("complaint.reopened"))
        #expect(try cli.run("complaints", "show", "99").stderr.contains("fant ingen klage med nummer 99"))
    }

    @Test func linkedReportsCountAsOneEpisodeInTheAssessment() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings").map(\.path))
        let show = try cli.run("cases", "show", "2026/05231", "--json")
        let hearing = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let venue = try #require(hearing["venue"] as? [String: Any])
        let street = try #require((venue["address"] as? [String: Any])?["street"] as? String)
        for hour in 1...3 {
            let added = try cli.run(
                "complaints", "add", "--received", "2026-11-0\(hour) 10:00", "--incident", "2026-10-31", "--address",
                street, "--category", "stoey", "--due", "2026-12-01")
            #expect(added.status == 0, "\(added.stderr)")
        }
        #expect(try cli.run("complaints", "link", "1", "2", "3").stdout.contains("Klage 1, 2 og 3 er nå én episode"))
        let assessed = try cli.run(["assess", "2026/05231", "--json"] + policy)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(assessed.stdout.utf8)) as? [String: Any])
        let complaints = try #require(object["complaints"] as? [String: Any])
        #expect(complaints["total"] as? Int == 3)
        #expect(complaints["episodes"] as? Int == 1)
    }

    @Test func aSheetWithBadRowsIsRefusedWholeWithEveryLine() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let before = try cli.run("complaints", "list", "--all", "--json").stdout
        let result = try cli.run("complaints", "import", "Samples/complaints-broken/feil-i-rader.csv")
        #expect(result.status == 1)
        let file = "Samples/complaints-broken/feil-i-rader.csv"
        for expected in [
            "\(file):3:1: mottatt «31.02.2026» er ikke et tidspunkt",
            "\(file):4:1: orgnr «123456789» er ikke et gyldig organisasjonsnummer",
            "\(file):5:1: kategori «bråk» er ukjent",
            "\(file):6:1: kilde «nabo» er ukjent",
            "\(file):7:1: avslutningsgrunn mangler for en avsluttet klage",
            "\(file):8:1: e-postadressen til klageren er ugyldig",
            "\(file):9:1: hendelsen (14.01.2026) kan ikke være etter at klagen ble mottatt (12.01.2026)",
            "\(file):10:1: nr «1» står også på linje 2",
            "har 8 feil; ingen klager er importert",
        ] {
            #expect(result.stderr.contains(expected), "\(expected)")
        }
        #expect(!result.stderr.contains("hemmelig.klager"))
        #expect(try cli.run("complaints", "list", "--all", "--json").stdout == before)

        let good = try cli.run(["complaints", "import", "Samples/complaints/klager-2026.csv"] + policy)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("6 klager importert"))
        // Rows 2026-001 and 2026-002: two closed reports of one night at Pub Bislett, one episode.
        #expect(good.stdout.contains("Klage 2 var avsluttet og er samme episode som en tidligere klage"))
        #expect(good.stdout.contains("koblet til episode 1."))
        let again = try cli.run(["complaints", "import", "Samples/complaints/klager-2026.csv"] + policy)
        #expect(again.stdout.contains("0 klager importert"))
        #expect(again.stdout.contains("6 var importert fra før"))
        let all =
            try JSONSerialization.jsonObject(
                with: Data(cli.run("complaints", "list", "--all", "--json").stdout.utf8)) as? [[String: Any]]
        #expect(all?.count == 6)
        #expect(
            all?.compactMap { $0["status"] as? String }.sorted()
                == ["avsluttet", "avsluttet", "avsluttet", "mottatt", "under-oppfoelging", "videresendt"])
    }

    @Test func thePurgeKeepsTheStatistics() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run(["complaints", "import", "Samples/complaints/klager-2026.csv"] + policy)
        let stats = ["complaints", "stats", "--from", "2026-01", "--to", "2026-12", "--json"]
        let before = try cli.run(stats).stdout
        #expect(try cli.run("complaints", "show", "1").stdout.contains("Eva Nabo"))
        #expect(try cli.run("complaints", "purge", "--older-than", "nå").status == 2)
        let purge = try cli.run("complaints", "purge", "--older-than", "30d")
        #expect(purge.status == 0, "\(purge.stderr)")
        #expect(purge.stdout.contains("Personopplysninger slettet i 3 klager"))
        #expect(try cli.run(stats).stdout == before)
        let shown = try cli.run("complaints", "show", "1").stdout
        #expect(!shown.contains("Eva Nabo"))
        #expect(shown.contains("Personopplysninger og fritekst er slettet etter lagringstiden"))
        // The open complaint keeps its complainant.
        #expect(try cli.run("complaints", "show", "6").stdout.contains("Per Vegg"))
    }

    @Test func statisticsComeAsJSONAndAsAnSVGChart() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run(["complaints", "import", "Samples/complaints/klager-2026.csv"] + policy)
        let result = try cli.run(
            "complaints", "stats", "--venue", "974760673", "--from", "2026-01", "--to", "2026-12", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 3)
        let months = try #require(object["months"] as? [[String: Any]])
        #expect(months.count == 12)
        #expect(months[0]["byCategory"] as? [String: Int] == ["stoey": 2])
        #expect(months[8]["byCategory"] as? [String: Int] == ["uro": 1])

        let svg = cli.folder.appendingPathComponent("klager.svg")
        let written = try cli.run(
            "complaints", "stats", "--from", "2026-01", "--to", "2026-12", "--svg", svg.path)
        #expect(written.status == 0, "\(written.stderr)")
        let chart = try String(contentsOf: svg, encoding: .utf8)
        #expect(chart.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(chart.contains("6 klager fra januar 2026 til desember 2026"))
        #expect(try cli.run("complaints", "stats", "--from", "2026-13").status == 2)
    }

    @Test func aDistrictsOwnReplyTemplatesAreUsedAndABrokenOneStoresNothing() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let own = cli.folder.appendingPathComponent("svar")
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Templates/replies"), to: own)
        let receipt = own.appendingPathComponent("kvittering.mustache")
        let text = try String(contentsOf: receipt, encoding: .utf8)
        #expect(text.contains("Med vennlig hilsen\n{{#harSaksbehandler}}"))
        try text.replacingOccurrences(
            of: "Med vennlig hilsen\n{{#harSaksbehandler}}{{saksbehandler}}\n{{/harSaksbehandler}}{{bydel}}",
            with: "Hilsen\nBydel Frogner, klagetelefonen")
            .write(to: receipt, atomically: true, encoding: .utf8)
        let add = [
            "complaints", "add", "--incident", "2026-11-20", "--venue", "Bar Boble", "--category", "stoey", "--due",
            "2026-12-01",
        ]
        let added = try cli.run(add + ["--reply-templates", own.path])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try cli.run("complaints", "show", "1").stdout.contains("Bydel Frogner, klagetelefonen"))

        // A template with an unclosed section: refused with the file and line, and nothing stored.
        try (text + "{{#haster}}\n").write(to: receipt, atomically: true, encoding: .utf8)
        let refused = try cli.run(add + ["--reply-templates", own.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("svarmalene kan ikke brukes"))
        #expect(refused.stderr.contains("kvittering"))
        let listed = try json(cli.run("complaints", "list", "--json")) as? [[String: Any]]
        #expect(listed?.count == 1)
    }

    @Test func theOfficerDecidesDuplicateFlagsOnTheCommandLine() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        // Three complaints about one address within a week: the second and third are flagged.
        try fixture(cli)
        let waiting = try cli.run("complaints", "duplicates")
        #expect(waiting.status == 0)
        #expect(waiting.stdout.contains("samme sted"))
        #expect(waiting.stdout.components(separatedBy: "\n").filter { $0.contains("samme sted") }.count == 2)
        #expect(try cli.run("complaints", "show", "2").stdout.contains("Mulig dublett av episode 1"))

        #expect(try cli.run("complaints", "duplicates", "2", "--episode", "1").status == 2)
        #expect(try cli.run("complaints", "duplicates", "2", "--episode", "1", "--link", "--reject").status == 2)
        let linked = try cli.run("complaints", "duplicates", "2", "--episode", "1", "--link")
        #expect(linked.stdout.contains("Klage 2 er koblet til episode 1."), "\(linked.stderr)")
        let rejected = try cli.run("complaints", "duplicates", "3", "--episode", "1", "--reject")
        #expect(rejected.status == 0, "\(rejected.stderr)")
        let again = try cli.run("complaints", "duplicates", "3", "--episode", "1", "--link")
        #expect(again.status == 1)
        #expect(again.stderr.contains("er ikke merket som mulig dublett av episode 1"))
        #expect(try cli.run("complaints", "duplicates").stdout.contains("Ingen klager venter"))
        let shown = try json(cli.run("complaints", "show", "1", "--json")) as? [String: Any]
        #expect((shown?["episodeMembers"] as? [Int]) == [1, 2])
    }

    @Test func usageErrorsAreInNorwegianAndListTheCodes() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let result = try cli.run(
            "complaints", "add", "--incident", "2026-11-20", "--venue", "Pub", "--category", "bråk")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Feil: «bråk» er ikke en gyldig verdi for --category <CODE>. Gyldige verdier:"))
        #expect(result.stderr.contains("  - stoey\n"))
        #expect(!result.stderr.contains("noise"))
        #expect(result.stderr.contains("Se «skjenk complaints add --help» for mer."))
        let missing = try cli.run("complaints", "show")
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("Feil: <ID> mangler"))
        let orgnr = try cli.run(
            "complaints", "add", "--incident", "2026-11-20", "--orgnr", "123456789", "--category", "stoey")
        #expect(orgnr.stderr.hasPrefix("Feil: --orgnr «123456789» er ikke et gyldig organisasjonsnummer"))
    }
}
