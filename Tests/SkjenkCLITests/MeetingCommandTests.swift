import Foundation
import SkjenkTestSupport
import Testing
import ZIPFoundation

/// `skjenk meetings` end to end: a council meeting, two submitted statements on its agenda, the
/// meeting document, and the secretary's record reaching the statements; refusals change nothing.
@Suite struct MeetingCommandTests {
    static let policy = ["--policy", "Samples/policy.yaml"]
    static let cases = ["2026/05110", "2026/05391"]
    static let complainant = "Zacharias Klagemann"

    /// The samples with a complaint (and its complainant) about the first case's venue, both cases
    /// drafted for the council meeting of 3 December (item 45/26) and submitted, a council member
    /// and a leader.
    func loaded() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings").map(\.path))
        let show = try cli.run("cases", "show", Self.cases[0], "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let street = try #require(
            ((object["venue"] as? [String: Any])?["address"] as? [String: Any])?["street"] as? String)
        let complaint = try cli.run(
            [
                "complaints", "add", "--received", "2026-11-02 10:00", "--incident", "2026-11-01", "--address", street,
                "--category", "stoey", "--description", "Musikk til langt på natt", "--complainant-name",
                Self.complainant, "--complainant-email", "zacharias.klagemann@example.no",
            ] + Self.policy)
        #expect(complaint.status == 0, "\(complaint.stderr)")
        for (name, role) in [("sekretaer", "bu"), ("leder1", "leder")] {
            let user = try cli.child.run(["users", "add", name, "--role", role], stdin: "et-langt-hemmelig-ord\n")
            #expect(user.status == 0, "\(user.stderr)")
        }
        for number in Self.cases {
            let draft = try cli.run(
                ["draft", number, "--route", "bu", "--meeting", "2026-12-03", "--item", "45/26"] + Self.policy)
            #expect(draft.status == 0, "\(draft.stderr)")
            #expect(try cli.run("review", number, "submit").status == 0)
        }
        return cli
    }

    /// The meeting's id from `meetings create`'s line "Møte 1 er opprettet: …".
    func createMeeting(_ cli: CLIHarness) throws -> String {
        let created = try cli.run(
            "meetings", "create", "--body", "bydelsutvalget", "--date", "2026-12-10", "--district", "St. Hanshaugen")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("er opprettet: bydelsutvalget 10. desember 2026, Bydel St. Hanshaugen."))
        let words = created.stdout.split(separator: " ")
        #expect(words.first == "Møte")
        return String(try #require(words.dropFirst().first))
    }

    /// The meeting as `meetings show --json` prints it.
    func meetingJSON(_ cli: CLIHarness, _ id: String) throws -> [String: Any] {
        let shown = try cli.run("meetings", "show", id, "--json")
        return try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    }

    @Test func aMeetingFromAgendaToDecision() throws {
        let cli = try loaded()
        defer { cli.remove() }
        let id = try createMeeting(cli)

        // Given two submitted statements on the agenda
        let added = try cli.run(["meetings", "add", id] + Self.cases)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Sak 1/26: 26/5110-1 "))
        #expect(added.stdout.contains("Sak 2/26: 2026/05391 "))
        let listed = try cli.run("meetings", "list", "--json")
        let meetings = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(meetings.count == 1)
        #expect(meetings.first?["itemCount"] as? Int == 2 && meetings.first?["recordedCount"] as? Int == 0)
        #expect(try cli.run("meetings", "list").stdout.contains("2026-12-10  bydelsutvalget  St. Hanshaugen  2      0"))

        // When the document is written, in HTML and Word
        let html = cli.folder.appendingPathComponent("saksframlegg.html")
        let wrote = try cli.run("meetings", "document", id, "--format", "html", "--output", html.path)
        #expect(wrote.status == 0, "\(wrote.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<h1>Saksframlegg – Bydelsutvalget 10. desember 2026</h1>"))
        let first = try #require(page.range(of: "<h2>Sak 1/26: Høringsuttalelse til søknad om skjenkebevilling"))
        let second = try #require(page.range(of: "<h2>Sak 2/26: Høringsuttalelse til søknad om skjenkebevilling"))
        #expect(first.upperBound < second.lowerBound)
        #expect(page.contains("Næringsetatens saksnummer: 26/5110-1"))
        #expect(page.contains("Bydelsutvalget gir høringsuttalelse til søknaden i sak 26/5110-1 slik den står i vedlegget"))
        #expect(page.contains("Saken legges fram for bydelsutvalget i møte 10. desember 2026, sak 1/26."))
        #expect(page.contains("Saken legges fram for bydelsutvalget i møte 10. desember 2026, sak 2/26."))
        #expect(!page.contains("45/26") && !page.contains("3. desember 2026"))
        #expect(page.contains("Bydelen har registrert én klage"))  // the complaint is cited…
        #expect(!page.contains(Self.complainant) && !page.contains("zacharias.klagemann"))  // …never who
        let docx = cli.folder.appendingPathComponent("saksframlegg.docx")
        #expect(try cli.run("meetings", "document", id, "--format", "docx", "--output", docx.path).status == 0)
        let word = try StatementCommandTests.docxText(try Data(contentsOf: docx))
        #expect(word.contains("Saksframlegg – Bydelsutvalget 10. desember 2026"))
        #expect(word.contains("Sak 2/26: Høringsuttalelse til søknad om skjenkebevilling"))
        #expect(!word.contains(Self.complainant))

        // Then the secretary records one adopted and one returned
        let adopted = try cli.run(
            "meetings", "record", id, "--item", "1/26", "--outcome", "vedtatt", "--by", "sekretaer")
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(adopted.stdout.contains("Sak 1/26 (26/5110-1): vedtatt som foreslått; uttalelsen er nå vedtatt."))
        let list = cli.folder.appendingPathComponent("vedtak.json")
        try #"[{"sak": "2/26", "utfall": "tilbake", "begrunnelse": "Vurder uteserveringen på nytt"}]"#
            .write(to: list, atomically: true, encoding: .utf8)
        let returned = try cli.run("meetings", "record", id, "--from", list.path, "--as", "sekretaer")
        #expect(returned.status == 0, "\(returned.stderr)")
        #expect(returned.stdout.contains("Sak 2/26 (2026/05391): sendt tilbake; uttalelsen er nå utkast."))

        let letter = cli.folder.appendingPathComponent("vedtatt.md")
        #expect(
            try cli.run(["draft", Self.cases[0], "--export", "md", "--output", letter.path] + Self.policy).status == 0)
        let text = try String(contentsOf: letter, encoding: .utf8)
        #expect(
            text.contains("Bydelsutvalget behandlet saken i møte 10. desember 2026, sak 1/26, og vedtok denne uttalelsen."))
        #expect(!text.contains("UTKAST") && !text.contains("45/26"))
        let review = try cli.run("review", Self.cases[1]).stdout
        #expect(review.contains("Uttalelsen i sak 2026/05391: utkast."))
        #expect(
            review.contains(
                "Siste kommentar: Sendt tilbake fra bydelsutvalget 10. desember 2026, sak 2/26: Vurder uteserveringen på nytt"))
        let shown = try cli.run("meetings", "show", id).stdout
        #expect(shown.contains("Sak 1/26: 26/5110-1 ") && shown.contains("vedtatt som foreslått (uttalelsen er vedtatt)"))
        #expect(shown.contains("sendt tilbake (uttalelsen er utkast)"))
        #expect(shown.contains("Begrunnelse: Vurder uteserveringen på nytt"))
        let items = try #require(try meetingJSON(cli, id)["items"] as? [[String: Any]])
        #expect(items.map { $0["outcome"] as? String } == ["vedtatt", "tilbake"])
        #expect(items.map { $0["recordedBy"] as? String } == ["sekretaer", "sekretaer"])
        // Recorded once: the same item again is refused.
        let again = try cli.run("meetings", "record", id, "--item", "1/26", "--outcome", "vedtatt", "--by", "sekretaer")
        #expect(again.status == 1 && again.stderr.contains("utfallet av sak 1/26 er allerede ført"))
    }

    @Test func refusalsAreInNorwegianAndChangeNothing() throws {
        let cli = try loaded()
        defer { cli.remove() }
        let id = try createMeeting(cli)
        try cli.run(["meetings", "add", id] + Self.cases)
        let before = try cli.run("meetings", "show", id, "--json").stdout
        let snapshot = try cli.snapshot()

        // A list with one good and one unknown item records neither.
        let list = cli.folder.appendingPathComponent("vedtak.json")
        try #"[{"sak": "1/26", "utfall": "vedtatt"}, {"sak": "9/26", "utfall": "vedtatt"}]"#
            .write(to: list, atomically: true, encoding: .utf8)
        let unknownItem = try cli.run("meetings", "record", id, "--from", list.path, "--by", "sekretaer")
        #expect(unknownItem.status == 1 && unknownItem.stderr.contains("møtet har ingen sak 9/26"))
        // Four eyes: a leader is not the council, and the author may not approve their own draft.
        let leader = try cli.run("meetings", "record", id, "--item", "1/26", "--outcome", "vedtatt", "--by", "leder1")
        #expect(leader.status == 1 && leader.stderr.contains("vedtas av en bruker med rollen bu"), "\(leader.stderr)")
        // An outcome the file gets wrong is pointed out with its entry.
        try #"[{"sak": "1/26", "utfall": "godkjent"}, {"sak": "2/26", "utfall": "endret"}, {"sak": "1/26", "x": 1}]"#
            .write(to: list, atomically: true, encoding: .utf8)
        let badFile = try cli.run("meetings", "record", id, "--from", list.path, "--by", "sekretaer")
        #expect(badFile.status == 1)
        #expect(badFile.stderr.contains("post 1 (sak 1/26): ukjent utfall «godkjent»; gyldige: vedtatt, endret, tilbake"))
        #expect(badFile.stderr.contains("post 2 (sak 2/26): utfallet endret trenger «tekst»"))
        #expect(badFile.stderr.contains("post 3: ukjent felt «x»"))
        #expect(badFile.stderr.contains("har feil; ingenting er ført"))
        // On the command line: an unknown code or a bad date is a usage error; an unknown meeting is refused.
        let badCode = try cli.run("meetings", "record", id, "--item", "1/26", "--outcome", "godkjent", "--by", "sekretaer")
        #expect(badCode.status == 2 && badCode.stderr.contains("«godkjent» er ikke en gyldig verdi for --outcome"))
        let badDate = try cli.run("meetings", "create", "--body", "bydelsutvalget", "--date", "2026-02-30")
        #expect(badDate.status == 2 && badDate.stderr.contains("«2026-02-30» er ikke en gyldig verdi for --date"))
        let missingReason = try cli.run("meetings", "record", id, "--item", "2/26", "--outcome", "tilbake", "--by", "sekretaer")
        #expect(missingReason.status == 2 && missingReason.stderr.contains("--outcome tilbake trenger --reason"))
        let unnamed = try cli.run("meetings", "record", id, "--item", "1/26", "--outcome", "vedtatt")
        #expect(unnamed.status == 2 && unnamed.stderr.contains("record trenger --by BRUKER"))
        for arguments in [
            ["meetings", "show", "99"], ["meetings", "add", "99", Self.cases[0]],
            ["meetings", "document", "99", "--format", "md", "--output", cli.folder.appendingPathComponent("x.md").path],
            ["meetings", "record", "99", "--item", "1/26", "--outcome", "vedtatt", "--by", "sekretaer"],
        ] {
            let result = try cli.run(arguments)
            #expect(result.status == 1 && result.stderr.contains("skjenk: fant ikke møte nummer 99"), "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("x.md").path))
        let body = try cli.run("meetings", "create", "--body", " ", "--date", "2026-12-10")
        #expect(body.status == 1 && body.stderr.contains("oppgi organet som 2–100 tegn"))

        // Nothing changed: the agenda, the statements and the list of meetings are as before.
        #expect(try cli.run("meetings", "show", id, "--json").stdout == before)
        #expect(try cli.snapshot() == snapshot)
        for number in Self.cases {
            #expect(try cli.run("review", number).stdout.contains(": til behandling."))
        }
        #expect(try cli.run("meetings", "list").stdout.split(separator: "\n").count == 2)
    }

    @Test func addingStopsAtTheFirstRefusalAndKeepsWhatCameBefore() throws {
        let cli = try loaded()
        defer { cli.remove() }
        let id = try createMeeting(cli)
        // 2026/05101 has no draft: it is not submitted, so the list stops there.
        let result = try cli.run("meetings", "add", id, Self.cases[0], "2026/05101", Self.cases[1])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Sak 1/26: 26/5110-1 "))
        #expect(
            result.stderr.contains(
                "skjenk: uttalelsen i sak 2026/05101 er utkast; bare uttalelser som er sendt til behandling settes på "
                    + "et møte; sakene over (1/26) er satt opp, de andre ikke"))
        let items = try #require(try meetingJSON(cli, id)["items"] as? [[String: Any]])
        #expect(items.map { $0["caseNumber"] as? String } == ["26/5110-1"])
        // Adopted with changes: the text as adopted (a file) becomes the statement, approved.
        let amended = cli.folder.appendingPathComponent("endret.md")
        try "# Uttalelse slik bydelsutvalget vedtok den\n\nBydelsutvalget har ingen merknader.\n"
            .write(to: amended, atomically: true, encoding: .utf8)
        let recorded = try cli.run(
            "meetings", "record", id, "--item", "1/26", "--outcome", "endret", "--text", amended.path, "--by", "sekretaer")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("Sak 1/26 (26/5110-1): vedtatt med endringer; uttalelsen er nå vedtatt."))
        let letter = cli.folder.appendingPathComponent("endret-ut.md")
        try cli.run(["draft", Self.cases[0], "--export", "md", "--output", letter.path] + Self.policy)
        #expect(try String(contentsOf: letter, encoding: .utf8).contains("Bydelsutvalget har ingen merknader."))
        // An empty meeting's document says its agenda is empty.
        let empty = try cli.run("meetings", "create", "--body", "helse- og sosialkomiteen", "--date", "2027-01-14")
        let emptyID = String(try #require(empty.stdout.split(separator: " ").dropFirst().first))
        let written = try cli.run(
            "meetings", "document", emptyID, "--format", "md", "--output", cli.folder.appendingPathComponent("t.md").path)
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOf: cli.folder.appendingPathComponent("t.md"), encoding: .utf8)
        #expect(text.hasPrefix("# Saksframlegg – Helse- og sosialkomiteen 14. januar 2027"))
        #expect(text.contains("Sakslisten er tom"))
    }
}
