import Foundation
import SkjenkTestSupport
import Testing

/// Every broken sample is rejected with exit status 1, a message naming file, line and what is
/// wrong, and the database unchanged.
@Suite struct RejectedInputTests {
    /// Broken sample → a fragment of the Norwegian message it must give.
    static let expected: [(file: String, message: String)] = [
        ("not-well-formed.xml", "passer ikke til start-taggen"),
        ("doctype-external-entity.xml", "dokumenttypedeklarasjon"),
        ("doctype-billion-laughs.xml", "dokumenttypedeklarasjon"),
        ("doctype-network-dtd.xml", "dokumenttypedeklarasjon"),
        ("xinclude.xml", "ukjent element <include> (navnerom http://www.w3.org/2001/XInclude)"),
        ("unknown-element.xml", "ukjent element"),
        ("missing-required-element.xml", "ventet <frist>"),
        ("wrong-element-order.xml", "står på feil plass"),
        ("invalid-application-type.xml", "verdien «utvidelse» er ikke tillatt for <soeknadstype>"),
        ("invalid-date.xml", "«2026-02-30» er ugyldig for <frist>"),
        ("organisation-number-check-digit.xml", "kontrollsifferet stemmer ikke"),
        ("deadline-before-sent.xml", "er før datoen høringen ble sendt"),
        ("change-without-description.xml", "krever elementet <endring>"),
        ("retail-sale-group-2.xml", "salgsbevilling gjelder bare alkoholgruppe 1"),
        ("position-outside-norway.xml", "ligger utenfor Norge"),
        ("invalid-case-number.xml", "har feil form for <saksnummer>"),
        ("age-limit-out-of-range.xml", "verdien 16 er for lav for <aldersgrense>"),
        ("invalid-time.xml", "verdien «25:00» har feil form for attributtet fra i <periode>"),
        ("wrong-encoding.xml", "ikke gyldig UTF-8"),
        ("wrong-namespace.xml", "rotelementet må være <hoeringer> eller <hoering>"),
        ("duplicate-case-number.xml", "saksnummeret står også i høringen på linje"),
        ("empty.xml", "filen er tom"),
        ("multiple-errors.xml", "kontrollsifferet stemmer ikke"),
    ]

    @Test func everyBrokenSampleHasAnExpectation() throws {
        let files = Set(try Fixtures.sampleFiles(in: "broken").map(\.lastPathComponent))
        #expect(files == Set(Self.expected.map(\.file)))
    }

    @Test(arguments: expected)
    func brokenSampleIsRejectedAndStoresNothing(file: String, message: String) throws {
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
        if file != "empty.xml" {
            #expect(lines.contains { $0.firstMatch(of: #/^[^:]+:\d+:\d+: /#) != nil }, "\(lines)")
        }
        #expect(result.stderr.contains(message), "\(result.stderr)")
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
        for fragment in ["kontrollsifferet stemmer ikke", "er før datoen høringen ble sendt",
                         "salgsbevilling gjelder bare alkoholgruppe 1", "ukjent element"] {
            #expect(errors.contains { $0.contains(fragment) }, "\(fragment)")
        }
    }

    private func updateFile() throws -> String {
        try #require(try Fixtures.sampleFiles(in: "hearings-update").first).lastPathComponent
    }
}
