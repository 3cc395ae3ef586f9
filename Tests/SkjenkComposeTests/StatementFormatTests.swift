import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkTestSupport
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The formats a statement is written in: HTML (self-contained, map inline), Word (.docx parts
/// that LibreOffice converts), the map, and the archive message valid against Fiks Arkiv's XSD.
@Suite struct StatementFormatTests {
    /// LibreOffice and xmllint are required where `SKJENK_REQUIRE_TOOLS=1` (as in `.ci/run`).
    static let toolsRequired = ProcessInfo.processInfo.environment["SKJENK_REQUIRE_TOOLS"] == "1"

    func statement() throws -> (markdown: String, map: String) {
        let policy = try Fixtures.policy()
        var hearing = Fixtures.statementHearing(.new, .serving)
        hearing.venue.name = "Bar <Boble> & «Co»"
        let context = Fixtures.statementContext(policy: policy)
        let assessment = Assessor.assess(hearing, context: context)
        let map = try #require(StatementMap.gather(hearing: hearing, context: context)).svg()
        let view = StatementComposer.view(
            hearing: hearing, assessment: assessment, policy: policy,
            options: StatementOptions(outcome: .grantWithConditions, date: try LocalDate(iso: "2026-11-22")),
            mapSVG: map)
        return (try StatementRenderer(templates: try TemplateSet.bundledStatement()).markdown(view), map)
    }

    @Test func theApplicantsStaffAreNotNamed() throws {
        // The hearing names the manager and deputy (styrer, stedfortreder): personal data the statement does not need.
        let (markdown, map) = try statement()
        let hearing = Fixtures.statementHearing(.new, .serving)
        for name in [hearing.manager?.name, hearing.deputy?.name].compactMap({ $0 }) {
            #expect(!markdown.contains(name))
            #expect(!map.contains(name))
        }
        #expect(hearing.manager != nil)
    }

    @Test func htmlIsSelfContainedWithTheMapAndEscapedText() throws {
        let (markdown, map) = try statement()
        let html = try StatementRenderer(templates: try TemplateSet.bundledStatement()).html(
            markdown: markdown, mapSVG: map)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nb\">"))
        #expect(html.contains("@media print"))
        #expect(
            html.contains(
                "<h1>Bydel St. Hanshaugen – høringsuttalelse til søknad om skjenkebevilling, Bar &lt;Boble&gt; &amp; «Co»"
            ))
        #expect(!html.contains("<Boble>"))
        #expect(html.contains("<ol>\n<li>Det skjenkes ikke alkoholgruppe 3 ute. Begrunnelse: Ila skole ligger 80 m"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("http://") || !html.contains("<link"))  // nothing fetched from elsewhere
        #expect(!html.contains("<script"))
    }

    @Test func theMapShowsSitesVenuesRingsScaleAndNorth() throws {
        let (_, map) = try statement()
        let parser = XMLParser(data: Data(map.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse())
        // Three sites within 200 m (the sports ground at 900 m is outside), three venues within 250 m.
        #expect(collector.titles.contains("1. Ila skole (skole), 80 m"))
        // The district's policy describes treatment services by kind in public letters, on the map too.
        #expect(collector.titles.contains("2. tilbud for sårbare grupper, 140 m"))
        #expect(!collector.titles.contains { $0.contains("Sporveisgata") })
        #expect(collector.titles.contains("3. Åsen barnehage (barnehage), 150 m"))
        #expect(!collector.titles.contains { $0.contains("Bislett stadion") })
        #expect(
            collector.titles.filter {
                $0.hasPrefix("Pub Bislett") || $0.hasPrefix("Café Ærlig") || $0.hasPrefix("Nattbaren")
            }.count == 3)
        // Rings at the policy's radii for the categories shown (school 100/200 m, kindergarten and
        // treatment 50/150 m, venues 250 m), a scale bar and north.
        for label in ["50 m", "100 m", "150 m", "200 m", "250 m", "N", "stedet søknaden gjelder", "skole", "barnehage"] {
            #expect(collector.texts.contains(label), "\(label)")
        }
        // Five rings, three sites, the venue, and the legend's dots for the venue and the three kinds.
        #expect(collector.counts["circle"] == 5 + 3 + 1 + 4)
    }

    @Test func theDocxHasItsPartsHeadingsAndNumberedConditions() throws {
        let (markdown, _) = try statement()
        let data = try DocxWriter.docx(
            StatementDocument(markdown: markdown), title: "Høringsuttalelse", author: "Ola",
            created: Fixtures.oslo("2026-11-22 10:00"))
        let archive = try Archive(data: data, accessMode: .read)
        let names = Set(archive.map(\.path))
        #expect(
            names == [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml",
            ])
        func part(_ name: String) throws -> String {
            var bytes = Data()
            _ = try archive.extract(try #require(archive[name])) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let document = try part("word/document.xml")
        for name in names where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            #expect(XMLParser(data: Data(try part(name).utf8)).parse(), "\(name) is not well-formed")
        }
        #expect(document.contains(#"<w:pStyle w:val="Title"/>"#))
        #expect(
            document.contains(#"<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Bydelens tilråding"#)
        )
        #expect(document.contains(#"<w:numId w:val="2"/>"#))
        #expect(document.contains("Bar &lt;Boble&gt; &amp; «Co»"))
        #expect(try part("word/numbering.xml").contains(#"<w:numFmt w:val="decimal"/>"#))
        #expect(try part("docProps/core.xml").contains("<dc:language>nb-NO</dc:language>"))
        // The same input gives the same bytes.
        #expect(
            try DocxWriter.docx(
                StatementDocument(markdown: markdown), title: "Høringsuttalelse", author: "Ola",
                created: Fixtures.oslo("2026-11-22 10:00")) == data)
    }

    /// The map goes into the .docx as a picture (`word/media/kart.svg`), referenced from the body.
    @Test func theDocxEmbedsTheMap() throws {
        let (markdown, map) = try statement()
        let data = try DocxWriter.docx(
            StatementDocument(markdown: markdown), title: "Høringsuttalelse", author: "Ola",
            created: Fixtures.oslo("2026-11-22 10:00"), mapSVG: map)
        let archive = try Archive(data: data, accessMode: .read)
        func part(_ name: String) throws -> String {
            var bytes = Data()
            _ = try archive.extract(try #require(archive[name])) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(try part("word/media/kart.svg") == map)
        #expect(try part("word/_rels/document.xml.rels").contains(#"Id="rIdKart""#))
        #expect(try part("word/_rels/document.xml.rels").contains(#"Target="media/kart.svg""#))
        #expect(try part("[Content_Types].xml").contains(#"Extension="svg" ContentType="image/svg+xml""#))
        let document = try part("word/document.xml")
        #expect(document.contains(#"<a:blip r:embed="rIdKart"></a:blip>"#))
        #expect(XMLParser(data: Data(document.utf8)).parse())
        // 15 cm wide, in proportion.
        #expect(document.contains(#"<wp:extent cx="5400000""#))

        // With a PNG beside the SVG (as Word writes it), both parts are there and referenced.
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let both = try Archive(
            data: try DocxWriter.docx(
                StatementDocument(markdown: markdown), title: "H", author: "Ola", created: Fixtures.oslo("2026-11-22 10:00"),
                map: .pngWithSVG(png, svg: map)), accessMode: .read)
        func bothPart(_ name: String) throws -> Data {
            var bytes = Data()
            _ = try both.extract(try #require(both[name])) { bytes.append($0) }
            return bytes
        }
        #expect(try bothPart("word/media/kart.png") == png)
        #expect(String(decoding: try bothPart("word/media/kart.svg"), as: UTF8.self) == map)
        let pictureXML = String(decoding: try bothPart("word/document.xml"), as: UTF8.self)
        #expect(pictureXML.contains(#"<a:blip r:embed="rIdKartPng"><a:extLst>"#))
        #expect(pictureXML.contains(#"<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rIdKart"/>"#))
        #expect(XMLParser(data: Data(pictureXML.utf8)).parse())
        let rels = String(decoding: try bothPart("word/_rels/document.xml.rels"), as: UTF8.self)
        #expect(rels.contains(#"Id="rIdKartPng""#) && rels.contains(#"Target="media/kart.png""#))
    }

    /// For the archive the map is rasterised (rsvg-convert) and embedded as a PNG, so the PDF/A
    /// LibreOffice makes carries it as an image XObject.
    @Test func theArchivePDFCarriesTheMapAsAnImage() throws {
        guard PDFConverter.locate() != nil, MapRasterizer.locate() != nil else {
            #expect(!Self.toolsRequired, "LibreOffice and rsvg-convert (librsvg2-bin) are required here")
            return
        }
        let (markdown, map) = try statement()
        let png = try #require(try MapRasterizer().png(fromSVG: map))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let docx = try DocxWriter.docx(
            StatementDocument(markdown: markdown), title: "H", author: "Ola", created: Fixtures.oslo("2026-11-22 10:00"),
            map: .png(png, size: DocxWriter.svgSize(map)))
        let pdf = try PDFConverter().pdfA(fromDocx: docx)
        let raw = String(decoding: pdf, as: UTF8.self)
        #expect(raw.contains("/Subtype/Image") || raw.contains("/Subtype /Image"), "no image XObject in the PDF")
    }

    @Test func libreOfficeConvertsTheDocxToPDFA() throws {
        guard PDFConverter.locate() != nil else {
            #expect(!Self.toolsRequired, "LibreOffice (soffice) is required here: \(PDFConverter.installHint)")
            return
        }
        let (markdown, _) = try statement()
        let docx = try DocxWriter.docx(
            StatementDocument(markdown: markdown), title: "Høringsuttalelse", author: "Ola",
            created: Fixtures.oslo("2026-11-22 10:00"))
        let pdf = try PDFConverter().pdfA(fromDocx: docx)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(String(decoding: pdf, as: UTF8.self).contains("pdfaid:part"))
        // With the map embedded, the PDF/A draws it: LibreOffice keeps the SVG as vector drawing, so
        // the map's own labels (rings, legend) are text in the PDF (poppler's pdftotext reads them).
        let (_, map) = try statement()
        let withMap = try PDFConverter().pdfA(
            fromDocx: try DocxWriter.docx(
                StatementDocument(markdown: markdown), title: "Høringsuttalelse", author: "Ola",
                created: Fixtures.oslo("2026-11-22 10:00"), mapSVG: map))
        guard let text = Self.pdfText(withMap) else {
            #expect(!Self.toolsRequired, "pdftotext (poppler-utils) is required here")
            return
        }
        #expect(text.contains("stedet søknaden gjelder"), "\(text.suffix(400))")
        #expect(text.contains("250 m"))
        #expect(!(Self.pdfText(pdf) ?? "").contains("stedet søknaden gjelder"))
    }

    /// The text of a PDF by poppler's pdftotext, or nil where it is not installed.
    static func pdfText(_ pdf: Data) -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdftekst-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("u.pdf")
        guard (try? pdf.write(to: file)) != nil,
            let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [file.path, folder.appendingPathComponent("u.txt").path]
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return try? String(contentsOf: folder.appendingPathComponent("u.txt"), encoding: .utf8)
    }

    @Test func theArchiveMessageValidatesAgainstFiksArkiv() throws {
        let schema = Fixtures.packageRoot.deletingLastPathComponent()
            .appendingPathComponent(
                "shared/schemas/fiks-arkiv-v1/no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd")
        let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let xmllint, FileManager.default.fileExists(atPath: schema.path) else {
            #expect(!Self.toolsRequired, "xmllint (libxml2-utils) and ../shared/schemas are required here")
            return
        }
        let message = ArchiveMessage(
            title: "Bydel St. Hanshaugen – høringsuttalelse, Bar <Boble> & Co", author: "Ola Saksbehandler",
            created: Fixtures.oslo("2026-11-22 10:00"), documentDate: try LocalDate(iso: "2026-11-22"),
            sent: try LocalDate(iso: "2026-11-23"), recipientOfficer: "Per Etat", agencyReference: "2026/05231",
            fileName: "uttalelse.pdf", file: Data("%PDF-1.7 test".utf8),
            attachments: [
                .init(title: "Kart med avstander", fileName: "vedlegg-kart.pdf", file: Data("%PDF-1.7 kart".utf8)),
                .init(title: "Oversikt over klager", fileName: "vedlegg-klager.pdf", file: Data("%PDF-1.7 k".utf8)),
            ])
        let xml = message.xml()
        #expect(xml.contains("<deresReferanse>2026/05231</deresReferanse>"))
        // The attachments are documents of their own, listed as vedlegg after the main document.
        #expect(xml.contains("<antallFiler>3</antallFiler>"))
        #expect(xml.components(separatedBy: "<n5mdk:kode>V</n5mdk:kode>").count == 3)
        #expect(xml.contains("<dokumentnummer>3</dokumentnummer>"))
        #expect(xml.contains("<filnavn>vedlegg-kart.pdf</filnavn>"))
        #expect(xml.contains("<sjekksum>\(Checksum.sha256Hex(Data("%PDF-1.7 test".utf8)))</sjekksum>"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "arkivmelding-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try ChildProcess(executable: URL(fileURLWithPath: xmllint)).run(
            ["--noout", "--schema", schema.path, file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("validates"))
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256MatchesTheStandardVectors(input: String, digest: String) {
        #expect(Checksum.sha256Hex(Data(input.utf8)) == digest)
    }

    @Test func theMarkdownReaderKeepsTheTemplatesBlocks() {
        let document = StatementDocument(
            markdown: """
                # Tittel

                | | |
                |---|---|
                | Dato | 2. november 2026 |
                | Frist | 15. desember 2026 |

                Første linje
                andre linje med **fet** og *kursiv* tekst

                - punkt
                - punkt to

                1. vilkår
                2. vilkår to
                """)
        #expect(document.blocks.count == 5)
        guard case .table(let rows, let header) = document.blocks[1],
            case .paragraph(let lines) = document.blocks[2], case .numbered(let items) = document.blocks[4]
        else {
            Issue.record("unexpected blocks \(document.blocks)")
            return
        }
        // The empty header row Markdown needs is dropped.
        #expect(!header && rows.count == 2)
        #expect(rows[0].map(StatementDocument.plain) == ["Dato", "2. november 2026"])
        #expect(lines.count == 2)
        #expect(lines[1].contains(StatementDocument.Run(text: "fet", bold: true, italic: false)))
        #expect(lines[1].contains(StatementDocument.Run(text: "kursiv", bold: false, italic: true)))
        #expect(items.map(StatementDocument.plain) == ["vilkår", "vilkår to"])
    }
}

/// Template values of every primitive kind render (each once looped back into itself).
@Suite struct TemplateValuesTests {
    struct Numbers: Encodable {
        let small: Int8
        let id: Int64
        let unsigned: UInt
        let ratio: Float
        let flag: Bool
        let text: String
        let list: [Int64]
        let nested: [String: Int64]
    }

    @Test func everyPrimitiveRenders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skjenk-tv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try
            "{{small}} {{id}} {{unsigned}} {{ratio}} {{#flag}}ja{{/flag}} {{text}} {{#list}}[{{.}}]{{/list}} {{nested.a}}"
            .write(to: folder.appendingPathComponent("t.mustache"), atomically: true, encoding: .utf8)
        let output = try TemplateSet(folder: folder).render(
            Numbers(
                small: -3, id: 9_000_000_000, unsigned: 7, ratio: 0.5, flag: true, text: "tekst", list: [1, 2],
                nested: ["a": 4]),
            template: "t")
        #expect(output == "-3 9000000000 7 0.5 ja tekst [1][2] 4")
    }
}

@Suite struct TextDiffTests {
    @Test func showsWhatAnEditChanged() {
        let diff = TextDiff.lines(from: "# Tittel\n\nA\nB\nC", to: "# Tittel\n\nA\nB2\nC\nD")
        #expect(
            diff.filter { $0.kind != .same }.map { "\($0.kind.rawValue) \($0.text)" } == [
                "removed B", "added B2", "added D",
            ])
        #expect(TextDiff.lines(from: "x", to: "x").allSatisfy { $0.kind == .same })
    }

    /// Whatever the texts, the diff's same and removed lines are the old text and its same and
    /// added lines the new one; one changed line in a long letter is two changes, not the letter.
    @Test func rebuildsBothTextsAndStaysMinimal() {
        var generator = SystemRandomNumberGenerator()
        let words = ["a", "b", "c", "d", ""]
        for _ in 0..<200 {
            let old = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            let new = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in words.randomElement(using: &generator)! }
            let diff = TextDiff.lines(from: old.joined(separator: "\n"), to: new.joined(separator: "\n"))
            let before = diff.filter { $0.kind != .added }.map(\.text).joined(separator: "\n")
            let after = diff.filter { $0.kind != .removed }.map(\.text).joined(separator: "\n")
            #expect(before == old.joined(separator: "\n") && after == new.joined(separator: "\n"), "\(old) → \(new)")
        }
        let letter = (1...3_000).map { "Linje \($0)" }
        var edited = letter
        edited[1_500] = "Endret linje"
        let changes = TextDiff.lines(from: letter.joined(separator: "\n"), to: edited.joined(separator: "\n"))
            .filter { $0.kind != .same }
        #expect(changes.map(\.text) == ["Linje 1501", "Endret linje"])
    }
}
