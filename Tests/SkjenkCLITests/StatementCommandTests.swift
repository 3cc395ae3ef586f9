import Foundation
import SkjenkTestSupport
import Testing
import ZIPFoundation

/// `skjenk draft` and `skjenk review` end to end: the whole job on the samples, versions and
/// edits, stale drafts, the review, the archive package, the templates folder, and no
/// complainant's details in any statement format.
@Suite struct StatementCommandTests {
    static let policy = ["--policy", "Samples/policy.yaml"]
    static let toolsRequired = ProcessInfo.processInfo.environment["SKJENK_REQUIRE_TOOLS"] == "1"
    /// Planted in complaints about the venue of 2026/05110 (Thereses gate), which its statement cites.
    static let markers = ["Zacharias Klagemann", "zacharias.klagemann@example.no", "+47 998 87 766", "Hemmeligveien 7"]

    /// Hearings, registers and complaints (with a complainant) as a district would have them.
    func loaded() throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings").map(\.path))
        for file in ["skoler.csv", "barnehager.geojson", "ungdom-og-behandling.csv", "idrett.geojson"] {
            try cli.run("sites", "import", "Samples/registers/\(file)")
        }
        try cli.run("venues", "import", "Samples/registers/skjenkebevillinger-kart.geojson")
        let show = try cli.run("cases", "show", "2026/05110", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let street = try #require(
            ((object["venue"] as? [String: Any])?["address"] as? [String: Any])?["street"] as? String)
        for day in ["02", "03"] {
            let added = try cli.run(
                [
                    "complaints", "add", "--received", "2026-11-\(day) 10:00", "--incident", "2026-11-01", "--address",
                    street, "--category", "stoey", "--description", "Zacharias Klagemann ringte om støy",
                    "--complainant-name", "Zacharias Klagemann", "--complainant-email",
                    "zacharias.klagemann@example.no",
                    "--complainant-phone", "+47 998 87 766", "--complainant-address", "Hemmeligveien 7",
                ] + Self.policy)
            #expect(added.status == 0, "\(added.stderr)")
        }
        // Who approves (four eyes): a leader for the director's route, the council's secretary for its own.
        for (name, role) in [("leder1", "leder"), ("sekretaer", "bu")] {
            let user = try cli.child.run(["users", "add", name, "--role", role], stdin: "et-langt-hemmelig-ord\n")
            #expect(user.status == 0, "\(user.stderr)")
        }
        return cli
    }

    @Test func theWholeJobWritesAStatementForEveryOpenCaseWithoutComplainants() throws {
        let cli = try loaded()
        defer { cli.remove() }
        let folder = cli.folder.appendingPathComponent("uttalelser")
        let result = try cli.run(
            ["draft", "--all", "--output-dir", folder.path, "--formats", "html,docx,md"] + Self.policy)
        #expect(result.status == 0, "\(result.stderr)")
        let open =
            try JSONSerialization.jsonObject(with: Data(cli.run("cases", "list", "--json").stdout.utf8)) as? [Any]
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.filter { $0.hasSuffix(".html") }.count == open?.count)
        #expect(files.filter { $0.hasSuffix(".docx") }.count == open?.count)
        #expect(files.filter { $0.hasSuffix(".md") }.count == open?.count)
        #expect(files.contains("2026-5110.html"))
        #expect(result.stdout.contains("\(open?.count ?? -1) utkast er lagret og skrevet til"))

        let html = try String(contentsOf: folder.appendingPathComponent("2026-5110.html"), encoding: .utf8)
        #expect(html.contains("Bydelen har registrert to klager om to episoder"))  // the complaints are cited…
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let text = file.hasSuffix(".docx") ? try Self.docxText(data) : String(decoding: data, as: UTF8.self)
            for marker in Self.markers { #expect(!text.contains(marker), "«\(marker)» in \(file)") }  // …never who
        }
    }

    @Test func theREADMEsMainCommandWritesEveryStatement() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["SKJENK_BIN"] = Fixtures.skjenkExecutable.path
        let script = ChildProcess(
            executable: URL(fileURLWithPath: "/bin/bash"), environment: environment,
            workingDirectory: Fixtures.packageRoot)
        let out = cli.folder.appendingPathComponent("uttalelser")
        let result = try script.run(
            ["Samples/run.sh", out.path, cli.folder.appendingPathComponent("run.sqlite").path])
        #expect(result.status == 0, "\(result.stderr)")
        let hearings = try Fixtures.sampleFiles(in: "hearings").map {
            try String(contentsOf: $0, encoding: .isoLatin1).components(separatedBy: "<saksnummer>").count - 1
        }.reduce(0, +)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(hearings == 14)
        #expect(files.filter { $0.hasSuffix(".html") }.count == hearings)
        #expect(files.filter { $0.hasSuffix(".docx") }.count == hearings)
        #expect(result.stdout.contains("Uttalelsene ligger i \(out.path)/"))
        // The sample letters name their (sample) officer, never «(ikke oppgitt)».
        let letter = try String(contentsOf: out.appendingPathComponent("2026-5350.html"), encoding: .utf8)
        #expect(letter.contains("Saksbehandler: Ola Saksbehandler"))
        #expect(!result.stderr.contains("nevner ingen saksbehandler"))
        let log = try String(contentsOf: out.appendingPathComponent("klager.csv"), encoding: .utf8)
        #expect(
            log.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 6, "a header and six complaints")
    }

    @Test func versionsEditsAndStaleDrafts() throws {
        let cli = try loaded()
        defer { cli.remove() }
        #expect(try cli.run(["draft", "2026/05110"] + Self.policy).stdout.contains("Utkast versjon 1 er lagret"))
        let exported = cli.folder.appendingPathComponent("5110.md")
        #expect(
            try cli.run(["draft", "2026/05110", "--export", "md", "--output", exported.path] + Self.policy).status == 0)
        var text = try String(contentsOf: exported, encoding: .utf8)
        #expect(text.hasPrefix("# Bydel St. Hanshaugen – høringsuttalelse"))
        text = text.replacingOccurrences(
            of: "## Bydelens tilråding", with: "## Bydelens tilråding\n\nBydelen har snakket med driveren.")
        try text.write(to: exported, atomically: true, encoding: .utf8)
        let edit = try cli.run("draft", "2026/05110", "--edit", exported.path)
        #expect(edit.stdout.contains("Redigert tekst er lagret som versjon 2; versjon 1 er beholdt."))
        let docx = cli.folder.appendingPathComponent("5110.docx")
        #expect(
            try cli.run(["draft", "2026/05110", "--export", "docx", "--output", docx.path] + Self.policy).status == 0)
        #expect(try Self.docxText(Data(contentsOf: docx)).contains("Bydelen har snakket med driveren."))
        let versions = try cli.run(["draft", "2026/05110", "--versions"] + Self.policy).stdout
        #expect(versions.contains("generert"))
        #expect(versions.contains("redigert"))
        #expect(!versions.contains("utdatert"))

        // A new version of the case makes the drafts stale.
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings-update").map(\.path))
        #expect(try cli.run(["draft", "2026/05110", "--versions"] + Self.policy).stdout.contains("utdatert"))
        let stale = try cli.run(["draft", "2026/05110", "--export", "md", "--output", exported.path] + Self.policy)
        #expect(stale.stderr.contains("versjon 2 er utdatert"))
        #expect(try cli.run("review", "2026/05110", "submit").status == 0)
        let approve = try cli.run(
            ["review", "2026/05110", "approve", "--route", "direktor", "--by", "leder1"] + Self.policy)
        #expect(approve.status == 1)
        #expect(approve.stderr.contains("versjon 2 er utdatert"))
        #expect(try cli.run("draft", "2026/05110", "--edit", "/finnes/ikke.md").status == 1)
    }

    @Test func theReviewDecidesWhatMayBeArchivedAndSent() throws {
        let cli = try loaded()
        defer { cli.remove() }
        try cli.run(
            ["draft", "2026/05110", "--route", "bu", "--meeting", "2026-12-03", "--item", "45/26"] + Self.policy)
        let package = cli.folder.appendingPathComponent("arkiv")
        let early = try cli.run(
            ["draft", "2026/05110", "--export", "arkivmelding", "--output", package.path] + Self.policy)
        #expect(early.status == 1)
        #expect(early.stderr.contains("bare en vedtatt uttalelse kan arkiveres; uttalelsen er utkast"))
        #expect(
            try cli.run("review", "2026/05110", "sent").stderr.contains(
                "uttalelsen er utkast og kan ikke merkes som sendt"))
        #expect(try cli.run("review", "2026/05110", "submit").status == 0)
        let returned = try cli.run("review", "2026/05110", "return", "--comment", "Nevn barnehagen")
        #expect(returned.stdout.contains("er nå utkast"))
        #expect(try cli.run("review", "2026/05110", "submit").status == 0)
        // Four eyes on the command line: --by names the approver, who needs the route's role.
        let unnamed = try cli.run(["review", "2026/05110", "approve", "--route", "bu", "--meeting", "2026-12-03",
            "--item", "45/26"] + Self.policy)
        #expect(unnamed.status == 2 && unnamed.stderr.contains("approve trenger --by BRUKER"))
        let leaderForCouncil = try cli.run(
            ["review", "2026/05110", "approve", "--route", "bu", "--meeting", "2026-12-03", "--item", "45/26", "--by",
             "leder1"] + Self.policy)
        #expect(leaderForCouncil.stderr.contains("vedtas av en bruker med rollen bu"))
        let wrong = try cli.run(
            ["review", "2026/05110", "approve", "--route", "direktor", "--by", "leder1"] + Self.policy)
        #expect(wrong.stderr.contains("utkastet er skrevet for vedtak i bydelsutvalget 3. desember 2026, sak 45/26"))
        let approve = try cli.run(
            ["review", "2026/05110", "approve", "--route", "bu", "--meeting", "2026-12-03", "--item", "45/26", "--by",
             "sekretaer"] + Self.policy)
        #expect(approve.stdout.contains("er nå vedtatt"), "\(approve.stderr)")
        let status = try cli.run("review", "2026/05110").stdout
        #expect(status.contains("Uttalelsen i sak 26/5110-1: vedtatt."))
        // The approved letter: no draft mark, and what the council decided, with date and item.
        let letter = cli.folder.appendingPathComponent("vedtatt.md")
        #expect(try cli.run(["draft", "2026/05110", "--export", "md", "--output", letter.path] + Self.policy).status == 0)
        let approvedText = try String(contentsOf: letter, encoding: .utf8)
        #expect(!approvedText.contains("UTKAST"))
        #expect(
            approvedText.contains(
                "Bydelsutvalget behandlet saken i møte 3. desember 2026, sak 45/26, og vedtok denne uttalelsen."))
        #expect(status.contains("statement.return"))
        #expect(status.contains("kommentar: Nevn barnehagen"))

        // Without LibreOffice the command says how to get it.
        var withoutOffice = cli.child
        withoutOffice.environment["PATH"] = "/nonexistent"
        let missing = try withoutOffice.run(
            ["draft", "2026/05110", "--export", "arkivmelding", "--output", package.path] + Self.policy)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("LibreOffice trengs for å lage PDF/A til arkivet"))
        #expect(missing.stderr.contains("apt-get install libreoffice-writer-nogui"))

        if PDFConverter.available {
            let archived = try cli.run(
                ["draft", "2026/05110", "--export", "arkivmelding", "--output", package.path] + Self.policy)
            #expect(archived.status == 0, "\(archived.stderr)")
            let xml = try String(contentsOf: package.appendingPathComponent("arkivmelding.xml"), encoding: .utf8)
            #expect(xml.contains("<deresReferanse>26/5110-1</deresReferanse>"))
            #expect(
                try Data(contentsOf: package.appendingPathComponent("uttalelse.pdf")).starts(with: Array("%PDF".utf8)))
            // The map and the complaint summary travel as attachments, listed as vedlegg.
            for name in ["vedlegg-kart.pdf", "vedlegg-klager.pdf"] {
                #expect(try Data(contentsOf: package.appendingPathComponent(name)).starts(with: Array("%PDF".utf8)))
                #expect(xml.contains("<filnavn>\(name)</filnavn>"))
            }
            #expect(xml.contains("<antallFiler>3</antallFiler>"))
            for marker in Self.markers { #expect(!xml.contains(marker)) }
        } else {
            #expect(!Self.toolsRequired, "LibreOffice is required here")
        }
        #expect(try cli.run("review", "2026/05110", "sent").stdout.contains("er nå sendt"))
        #expect(try cli.run(["draft", "2026/05110"] + Self.policy).stderr.contains("uttalelsen er sendt"))
    }

    /// The letter names the officer by the user's full name and title, never a login or the
    /// operating system's account; without one it says so and the command warns.
    @Test func theOfficerComesFromTheUserRecordOrIsSaidToBeMissing() throws {
        let cli = try loaded()
        defer { cli.remove() }
        let added = try cli.child.run(
            [
                "users", "add", "kari", "--role", "saksbehandler", "--full-name", "Kari Nordmann", "--title",
                "rådgiver", "--phone", "23 47 00 00", "--email", "kari.nordmann@bsh.oslo.kommune.no",
            ], stdin: "et-langt-passord\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try cli.run(["draft", "2026/05110", "--officer", "kari"] + Self.policy).status == 0)
        let out = cli.folder.appendingPathComponent("o.md")
        try cli.run(["draft", "2026/05110", "--export", "md", "--output", out.path] + Self.policy)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(
            text.contains(
                "Saksbehandler: Kari Nordmann, rådgiver (tlf. 23 47 00 00, e-post kari.nordmann@bsh.oslo.kommune.no)"))
        let account = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        #expect(!text.contains("Saksbehandler: \(account)") && !text.contains("Saksbehandler: kari"))

        let nobody = try cli.run(["draft", "2026/05110"] + Self.policy)
        #expect(nobody.stderr.contains("uttalelsen nevner ingen saksbehandler"))
        try cli.run(["draft", "2026/05110", "--export", "md", "--output", out.path] + Self.policy)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("Saksbehandler: (ikke oppgitt)"))
        let unknown = try cli.run(["draft", "2026/05110", "--officer", "per"] + Self.policy)
        #expect(unknown.status == 1 && unknown.stderr.contains("fant ingen bruker «per»"))
        // A profile is checked: a bad e-mail is refused and nothing changes.
        let bad = try cli.run("users", "profile", "kari", "--full-name", "Kari Nordmann", "--email", "ikke en adresse")
        #expect(bad.status != 0 && bad.stderr.contains("e-postadressen er ikke gyldig"))
        #expect(try cli.run("users", "list").stdout.contains("Kari Nordmann, rådgiver"))
    }

    @Test func aDistrictsTemplatesFolderTakesOverAndItsErrorsArePointedOut() throws {
        let cli = try loaded()
        defer { cli.remove() }
        let templates = cli.folder.appendingPathComponent("maler")
        try FileManager.default.copyItem(
            at: Fixtures.packageRoot.appendingPathComponent("Templates/statement"), to: templates)
        let vedtak = templates.appendingPathComponent("tekst/vedtak.mustache")
        try "Vedtatt av bydelsdirektøren i Bydel {{district}}.".write(to: vedtak, atomically: true, encoding: .utf8)
        try cli.run(["draft", "2026/05110", "--templates", templates.path] + Self.policy)
        let out = cli.folder.appendingPathComponent("u.md")
        try cli.run(["draft", "2026/05110", "--export", "md", "--output", out.path] + Self.policy)
        #expect(
            try String(contentsOf: out, encoding: .utf8).contains("Vedtatt av bydelsdirektøren i Bydel St. Hanshaugen.")
        )

        try "{{#delegated}}Uttalelsen{{/delegatd}}".write(to: vedtak, atomically: true, encoding: .utf8)
        let broken = try cli.run(["draft", "2026/05110", "--templates", templates.path] + Self.policy)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("tekst/vedtak.mustache:1:"))
        #expect(broken.stderr.contains("«{{#delegated}}Uttalelsen{{/delegatd}}»"))
    }

    /// The text of a .docx (its document part).
    static func docxText(_ data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        var bytes = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Whether LibreOffice is on PATH (the archive package needs it).
enum PDFConverter {
    static var available: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
        }
    }
}
