import Foundation
import SkjenkTestSupport
import Testing

/// A complainant's details appear in one place only: `complaints show` for a staff user. Not in
/// any other command's output or messages, not for the council, not in exports, statistics,
/// charts or assessments (which the statements are made from).
@Suite struct ComplainantPrivacyTests {
    /// Distinctive details, each given through another way in.
    static let markers = [
        "Zacharias Klagemann", "+47 998 87 766", "zacharias.klagemann@example.no", "Hemmeligveien 7",
        "Eva Nabo", "eva.nabo@example.no", "+47 912 34 567", "Per Vegg", "per.vegg@example.no",
    ]

    @Test func complainantDetailsAppearOnlyInShowForStaff() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let policy = ["--policy", "Samples/policy.yaml"]
        var outputs: [(String, ChildProcess.Result)] = []
        func run(_ arguments: [String]) throws {
            let result = try cli.run(arguments)
            outputs.append((arguments.joined(separator: " "), result))
        }

        try run(["import"] + Fixtures.sampleFiles(in: "hearings").map(\.path))
        try run(["venues", "import", "Samples/registers/skjenkebevillinger-kart.geojson"])
        // Three ways in: flags, JSON, the spreadsheet.
        try run(
            [
                "complaints", "add", "--incident", "2026-11-20", "--incident-time", "23:30", "--venue", "Pub Bislett",
                "--category", "stoey", "--category", "mindreaarige", "--description", "Musikk til langt på natt",
                "--complainant-name", "Zacharias Klagemann", "--complainant-phone", "+47 998 87 766",
                "--complainant-email", "zacharias.klagemann@example.no", "--complainant-address", "Hemmeligveien 7",
            ] + policy)
        try run(["complaints", "add", "--from", "Samples/complaints/klage.json"] + policy)
        try run(["complaints", "import", "Samples/complaints/klager-2026.csv"] + policy)
        // A refused complainant value is not echoed back.
        try run(
            [
                "complaints", "add", "--incident", "2026-11-20", "--venue", "Pub Bislett", "--category", "stoey",
                "--complainant-email", "Zacharias Klagemann", "--due", "2026-12-01",
            ])
        #expect(outputs.last?.1.status == 1)
        #expect(outputs.last?.1.stderr.contains("e-postadressen til klageren er ugyldig") == true)

        try run(["complaints", "list"])
        try run(["complaints", "list", "--all", "--json"])
        try run(["complaints", "list", "--overdue"])
        try run(["complaints", "step", "1", "--action", "tips-naeringsetaten", "--note", "Sendt tips"] + policy)
        try run(["complaints", "link", "1", "2"])
        try run(["complaints", "venue", "1", "--address", "Pilestredet 63"])
        try run(["complaints", "close", "2", "--reason", "loest"])
        try run(["complaints", "reopen", "2", "--note", "Ny melding", "--due", "2026-12-31"])
        try run(["complaints", "show", "1", "--role", "bu"])
        try run(["complaints", "show", "1", "--role", "bu", "--json"])
        try run(["complaints", "show", "7", "--role", "bu"])
        try run(["complaints", "stats"])
        try run(["complaints", "stats", "--json"])
        let svg = cli.folder.appendingPathComponent("chart.svg")
        try run(["complaints", "stats", "--svg", svg.path])
        try run(["followup"])
        try run(["followup", "--json", "--within", "400"])
        // Exports: without --include-personal for every role, and --include-personal refused to
        // any role but saksbehandler, before anything is read.
        let exported = cli.folder.appendingPathComponent("klager.csv")
        try run(["complaints", "export", "--format", "csv"])
        try run(["complaints", "export", "--role", "bu", "--output", exported.path])
        try run(["complaints", "export", "--separator", "komma", "--status", "avsluttet", "--from", "2026-01-01"])
        try run(["complaints", "duplicates"])
        for role in ["bu", "klagebehandler", "admin"] {
            try run(["complaints", "export", "--include-personal", "--role", role])
            #expect(outputs.last?.1.status == 2, "--include-personal as \(role)")
            #expect(outputs.last?.1.stderr.contains("--include-personal er bare for rollen saksbehandler") == true)
        }
        try run(["assess", "--all"] + policy)
        try run(["assess", "--all", "--json"] + policy)
        try run(["cases", "list", "--all"])
        try run(["cases", "show", "2026/05231"])

        for (command, result) in outputs
        where !command.contains("--complainant-email Zacharias") && !command.contains("--include-personal") {
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        for (command, result) in outputs {
            for marker in Self.markers {
                #expect(!result.stdout.contains(marker), "«\(marker)» in the output of \(command)")
                #expect(!result.stderr.contains(marker), "«\(marker)» in the messages of \(command)")
            }
        }
        let chart = try String(contentsOf: svg, encoding: .utf8)
        for marker in Self.markers { #expect(!chart.contains(marker)) }
        let sheet = try String(contentsOf: exported, encoding: .utf8)
        #expect(sheet.components(separatedBy: "\r\n").count - 2 == 8, "a header and eight complaints")
        for marker in Self.markers { #expect(!sheet.contains(marker), "«\(marker)» in the export") }

        // Staff see them where they need them (so the checks above can fail).
        let staff = try cli.run("complaints", "show", "1")
        for marker in Self.markers[0..<4] { #expect(staff.stdout.contains(marker)) }
        let officer = try cli.run("complaints", "show", "2", "--role", "klagebehandler", "--json")
        #expect(officer.stdout.contains("eva.nabo@example.no"))
        let personal = try cli.run("complaints", "export", "--include-personal")
        #expect(personal.status == 0, "\(personal.stderr)")
        for marker in Self.markers[0..<4] { #expect(personal.stdout.contains(marker)) }
        let council = try cli.run("complaints", "show", "1", "--role", "bu")
        #expect(council.stdout.contains("skjult: vises bare for ansatte i bydelen"))
    }
}
