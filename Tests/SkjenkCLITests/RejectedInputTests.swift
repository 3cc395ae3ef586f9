import Foundation
import SkjenkTestSupport
import Testing

/// Every broken sample is rejected with exit status 1, a message naming file, line and what is
/// wrong, and the database unchanged.
@Suite struct RejectedInputTests {
    /// Broken sample → where its (first) problem is reported and a fragment of the Norwegian message.
    static let expected: [(file: String, location: String, message: String)] = [
        ("not-well-formed.xml", "20:34", "passer ikke til start-taggen"),
        ("doctype-external-entity.xml", "2:1", "dokumenttypedeklarasjon"),
        ("doctype-billion-laughs.xml", "2:1", "dokumenttypedeklarasjon"),
        ("doctype-network-dtd.xml", "2:1", "dokumenttypedeklarasjon"),
        ("xinclude.xml", "21:7", "ukjent element <include> (navnerom http://www.w3.org/2001/XInclude)"),
        ("unknown-element.xml", "20:5", "ukjent element"),
        ("missing-required-element.xml", "6:5", "ventet <frist>"),
        ("wrong-element-order.xml", "6:5", "står på feil plass"),
        ("invalid-application-type.xml", "8:5", "verdien «utvidelse» er ikke tillatt for <soeknadstype>"),
        ("invalid-date.xml", "6:5", "«2026-02-30» er ugyldig for <frist>"),
        ("organisation-number-check-digit.xml", "10:39", "kontrollsifferet stemmer ikke"),
        ("deadline-before-sent.xml", "6:5", "er før datoen høringen ble sendt"),
        ("change-without-description.xml", "8:5", "krever elementet <endring>"),
        ("retail-sale-group-2.xml", "16:5", "salgsbevilling gjelder bare alkoholgruppe 1"),
        ("position-outside-norway.xml", "14:5", "ligger utenfor Norge"),
        ("invalid-case-number.xml", "4:5", "har feil form for <saksnummer>"),
        ("age-limit-out-of-range.xml", "15:7", "verdien 16 er for lav for <aldersgrense>"),
        ("invalid-time.xml", "18:45", "verdien «25:00» har feil form for attributtet fra i <periode>"),
        ("wrong-encoding.xml", "10:21", "ikke gyldig UTF-8"),
        ("wrong-namespace.xml", "2:1", "rotelementet må være <hoeringer> eller <hoering>"),
        ("duplicate-case-number.xml", "23:5", "saksnummeret står også i høringen på linje"),
        ("empty.xml", "1:1", "filen er tom"),
        ("multiple-errors.xml", "10:39", "kontrollsifferet stemmer ikke"),
    ]

    @Test func everyBrokenSampleHasAnExpectation() throws {
        let files = Set(try Fixtures.sampleFiles(in: "broken").map(\.lastPathComponent))
        #expect(files == Set(Self.expected.map(\.file)))
    }

    @Test(arguments: expected)
    func brokenSampleIsRejectedAndStoresNothing(file: String, location: String, message: String) throws {
        // Given a database holding the good samples
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings").map(\.path))
        let before = try cli.snapshot()
        #expect(before.contains("caseNumber"))

        // When a broken file is imported
        let path = "Samples/broken/\(file)"
        let result = try cli.run("import", path)

        // Then it is rejected with file, line, column and the reason, and nothing of it is stored
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("\(path):") }
        #expect(!lines.isEmpty, "\(result.stderr)")
        #expect(lines.contains { $0.firstMatch(of: #/^[^:]+:\d+:\d+: /#) != nil }, "\(lines)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(lines.first?.hasPrefix("\(path):\(location): ") == true, "\(lines)")
        #expect(result.stderr.contains("avvist, ingenting er lagret"))
        #expect(try cli.snapshot() == before)

        // And a good file imported in the same run still lands, while the run reports failure
        let mixed = try cli.run("import", path, "Samples/hearings-update/\(try updateFile())")
        #expect(mixed.status == 1)
        #expect(mixed.stdout.contains("1 av 2 filer avvist"))
        #expect(try cli.snapshot() != before)
    }

    @Test func multipleErrorsAreAllReported() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let result = try cli.run("import", "Samples/broken/multiple-errors.xml")
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Samples/broken/multiple-errors.xml:") }
        #expect(errors.count >= 4, "\(result.stderr)")
        for fragment in [
            "kontrollsifferet stemmer ikke", "er før datoen høringen ble sendt",
            "salgsbevilling gjelder bare alkoholgruppe 1", "ukjent element",
        ] {
            #expect(errors.contains { $0.contains(fragment) }, "\(fragment)")
        }
    }

    private func updateFile() throws -> String {
        try #require(try Fixtures.sampleFiles(in: "hearings-update").first).lastPathComponent
    }
}
