import Foundation
import SkjenkImport
import SkjenkTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ImportCommandTests {
    @Test func largeFilesShowProgressAndASummary() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let file = cli.folder.appendingPathComponent("mange.xml")
        try HearingXMLWriter.document((1...1_200).map { Fixtures.hearing($0) }).write(to: file)
        let result = try cli.run("import", file.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(file.path): lagrer 1000 av 1200 høringer"))
        #expect(result.stderr.contains("\(file.path): lagrer 1200 av 1200 høringer"))
        #expect(result.stdout.contains("\(file.path): 1200 nye, 0 oppdatert, 0 uendret"))
        #expect(result.stdout.contains("Totalt: 1200 nye, 0 oppdatert, 0 uendret; 0 av 1 fil avvist."))
        let small = try cli.run("import", "Samples/hearings/2026-uke45.xml")
        #expect(!small.stderr.contains("lagrer"))
    }

    @Test func theAuditTrailNamesTheOperatingSystemUser() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings").map(\.path))
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings-update").map(\.path))
        let user = String(cString: getpwuid(getuid()).pointee.pw_name)
        let shown = try cli.run("cases", "show", "2026/5110")
        #expect(shown.status == 0)
        #expect(
            shown.stdout.contains(
                "\(user) (cli)  versjon 2 fra 2026-5110-ny-versjon.xml; endret: saksnummer, sendt, frist"))
        #expect(shown.stdout.contains("\(user) (cli)  versjon 1 fra 2026-uke45.xml"))
    }

    @Test func lenientTurnsUnknownElementsIntoWarnings() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let strict = try cli.run("import", "Samples/broken/unknown-element.xml")
        #expect(strict.status == 1)
        let lenient = try cli.run("import", "--lenient", "Samples/broken/unknown-element.xml")
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(
            lenient.stderr.contains(
                "Samples/broken/unknown-element.xml:20:5: saksnummer 2026/09001: advarsel: "
                    + "ukjent element <parkering> er hoppet over"))
        #expect(lenient.stdout.contains("1 nye"))
    }

    @Test func isoLatin1FilesAreReadCorrectly() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run("import", "Samples/hearings/2026-05302-latin1.xml")
        let shown = try cli.run("cases", "show", "2026/05302", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(
            object["remark"] as? String
                == "Søker overtar butikken fra 1. januar; ingen endringer i åpningstid eller vareutvalg.")
    }
}
