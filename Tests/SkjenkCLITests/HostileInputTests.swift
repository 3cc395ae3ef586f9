import Foundation
import SkjenkTestSupport
import Testing

/// Hostile XML is refused fast, in little memory, without reading files or the network, and
/// without any of the referenced content reaching any output.
@Suite struct HostileInputTests {
    static let marker = "HEMMELIG-INNHOLD-7f3a9c"

    /// A file outside the input that a hostile document points at.
    static func secretFile(in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("hemmelig.txt")
        try Data("\(marker)\n".utf8).write(to: url)
        return url
    }

    static func hearing(merknad: String, prolog: String = "", rootAttributes: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        \(prolog)
        <hoering xmlns="urn:skjenk:hoering:1"\(rootAttributes)>
          <saksnummer>2026/90001</saksnummer>
          <sendt>2026-11-02</sendt>
          <frist>2026-11-30</frist>
          <bydel>St. Hanshaugen</bydel>
          <soeknadstype>ny</soeknadstype>
          <bevillingstype>skjenking</bevillingstype>
          <soeker><navn>Test AS</navn><organisasjonsnummer>974760673</organisasjonsnummer></soeker>
          <sted>
            <navn>Testbaren</navn>
            <adresse><gate>Pilestredet 1</gate><postnummer>0180</postnummer><poststed>Oslo</poststed></adresse>
          </sted>
          <alkoholgrupper>1</alkoholgrupper>
          <merknad>\(merknad)</merknad>
        </hoering>
        """
    }

    static func cases(secret: URL) -> [(name: String, xml: String)] {
        let laughs = (1...9).map { n in
            "<!ENTITY lol\(n) \"" + String(repeating: "&lol\(n - 1);", count: 10) + "\">"
        }.joined(separator: "\n")
        return [
            (
                "external-entity",
                hearing(
                    merknad: "&xxe;",
                    prolog: """
                        <!DOCTYPE hoering [ <!ENTITY xxe SYSTEM "file://\(secret.path)"> ]>
                        """)
            ),
            (
                "parameter-entity",
                hearing(
                    merknad: "x",
                    prolog: """
                        <!DOCTYPE hoering [ <!ENTITY % p SYSTEM "file://\(secret.path)"> %p; ]>
                        """)
            ),
            (
                "billion-laughs",
                hearing(
                    merknad: "&lol9;",
                    prolog: """
                        <!DOCTYPE hoering [ <!ENTITY lol0 "lol"> \(laughs) ]>
                        """)
            ),
            (
                "network-dtd",
                hearing(
                    merknad: "x",
                    prolog: """
                        <!DOCTYPE hoering SYSTEM "http://127.0.0.1:9/hoering.dtd">
                        """)
            ),
            (
                "xinclude",
                hearing(
                    merknad: "<xi:include href=\"file://\(secret.path)\" parse=\"text\"/>",
                    rootAttributes: " xmlns:xi=\"http://www.w3.org/2001/XInclude\"")
            ),
        ]
    }

    @Test func hostileFilesAreRefusedQuicklyInLittleMemoryWithoutLeaking() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let secret = try Self.secretFile(in: cli.folder)
        for (name, xml) in Self.cases(secret: secret) {
            let file = cli.folder.appendingPathComponent("\(name).xml")
            try Data(xml.utf8).write(to: file)
            for strictness in [[], ["--lenient"]] {
                let result = try cli.child.runMeasured(["import"] + strictness + [file.path])
                #expect(result.status == 1, "\(name): \(result.output)")
                #expect(result.seconds < 1.0, "\(name) took \(result.seconds) s")
                #expect(result.maxResidentKiB < 100 * 1024, "\(name) used \(result.maxResidentKiB) KiB")
                #expect(!result.output.contains(Self.marker), "\(name) leaked the file: \(result.output)")
                #expect(result.stderr.contains("\(file.path):"), "\(name): \(result.stderr)")
            }
        }
        let everything = try cli.run("cases", "list", "--all", "--json")
        let stored = try JSONSerialization.jsonObject(with: Data(everything.stdout.utf8)) as? [Any]
        #expect(stored?.isEmpty == true, "\(everything.stdout)")
    }
}
