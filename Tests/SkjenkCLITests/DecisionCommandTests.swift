import Foundation
import SkjenkTestSupport
import Testing

/// Issue 18, item 5: Næringsetaten's decisions from its list as CSV, all or nothing, every bad row
/// named by its line; and by hand.
@Suite struct DecisionCommandTests {
    func write(_ text: String, in cli: CLIHarness) throws -> String {
        let file = cli.folder.appendingPathComponent("vedtak.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func aListWithBadRowsIsRefusedByLineAndNothingIsRecorded() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        #expect(try cli.run("import", "Samples/hearings/2026-uke46.xml").status == 0)
        let bad = try write(
            """
            saksnummer;vedtak;dato;vilkaar
            2026/05215;innvilget-med-vilkaar;2026-11-20;Uteserveringen stenger kl. 22.00.|Vakt i helgene.
            2026/05220;godkjent;2026-11-20;
            2026/99999;avslag;2026-11-20;
            2026/05215;avslag;2026-11-21;
            ikke-et-nummer;avslag;2026-11-20;
            2026/05231;innvilget;2026-12-24;
            2026/05231;innvilget;21.11.2026;et vilkår
            """, in: cli)
        let refused = try cli.run("decisions", "import", bad, "--today", "2026-11-22")
        #expect(refused.status == 1)
        for expected in [
            "vedtak.csv:3:1: saksnummer 2026/05220", "innvilget, innvilget-med-vilkaar, avslag",
            "vedtak.csv:5:1: saksnummer 2026/05215: står også på linje 2", "vedtak.csv:6:1: saksnummeret mangler eller er ugyldig",
            "vedtak.csv:8:1: saksnummer 2026/05231: står også på linje 7",
            "ingen vedtak er ført",
        ] {
            #expect(refused.stderr.contains(expected), "\(expected)\n\(refused.stderr)")
        }
        #expect(try cli.run("decisions", "list").stdout.contains("Ingen vedtak er ført."))

        // The rows that read, checked against their cases: an unknown case and a date ahead, by line.
        let unknown = try write(
            """
            saksnummer,vedtak,dato
            2026/05215,avslag,2026-11-20
            2026/99999,avslag,2026-11-20
            2026/05220,innvilget,2026-12-24
            """, in: cli)
        let checked = try cli.run("decisions", "import", unknown, "--today", "2026-11-22")
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("vedtak.csv:3:1: saksnummer 2026/99999: fant ingen slik sak"))
        #expect(checked.stderr.contains("vedtak.csv:4:1: saksnummer 2026/05220: vedtaksdatoen kan ikke være frem i tid"))
        #expect(try cli.run("decisions", "list").stdout.contains("Ingen vedtak er ført."))

        // A good list is recorded whole; a decision by hand replaces the case's earlier one.
        let good = try write(
            """
            saksnummer;vedtak;dato;vilkaar
            2026/05215;innvilget-med-vilkaar;20.11.2026;"Uteserveringen stenger kl. 22.00.
            Vakt i helgene."
            2026/05220;avslag;2026-11-21;
            """, in: cli)
        let recorded = try cli.run("decisions", "import", good, "--today", "2026-11-22")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("2 vedtak ført."))
        let list = try cli.run("decisions", "list", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["caseNumber"] as? String } == ["2026/05215", "2026/05220"])
        #expect(rows[0]["conditions"] as? [String] == ["Uteserveringen stenger kl. 22.00.", "Vakt i helgene."])
        #expect(rows[1]["decision"] as? String == "avslag")
        let byHand = try cli.run(
            "decisions", "set", "2026/05220", "--outcome", "innvilget", "--date", "2026-11-22", "--today", "2026-11-22")
        #expect(byHand.status == 0, "\(byHand.stderr)")
        #expect(byHand.stdout.contains("Sak 2026/05220: Næringsetatens vedtak er ført (innvilget 22. november 2026)."))
        let wrong = try cli.run(
            "decisions", "set", "2026/05220", "--outcome", "innvilget-med-vilkaar", "--date", "2026-11-22",
            "--today", "2026-11-22")
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("et vedtak «innvilget med vilkår» må ha minst ett vilkår"))
        #expect(try cli.run("decisions", "list", "--json").stdout.contains(#""decision" : "innvilget""#))
    }
}
