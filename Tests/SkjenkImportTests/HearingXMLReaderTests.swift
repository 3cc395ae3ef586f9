import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkTestSupport
import Testing

@Suite struct HearingXMLReaderTests {
    let reader = try! HearingXMLReader()

    private func read(_ xml: String, strict: Bool = true) -> HearingFile {
        reader.read(data: Data(xml.utf8), fileName: "test.xml", strict: strict)
    }

    @Test func readsTheSharedExamples() throws {
        let shared = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/spec/examples")
        let two = reader.read(contentsOf: shared.appendingPathComponent("two-hearings.xml"))
        #expect(two.diagnostics.isEmpty, "\(two.diagnostics)")
        #expect(two.hearings.map(\.hearing.caseNumber.text) == ["2026/04711", "26/5120-1"])
        let bar = try #require(two.hearings.first?.hearing)
        #expect(bar.venue.name == "Bar Tre Kroner")
        #expect(bar.applicant.organisationNumber.digits == "923609016")
        #expect(bar.servingPeriods.count == 3)
        #expect(bar.servingPeriods[0].crossesMidnight)
        #expect(bar.venue.outdoorArea == OutdoorArea(placement: .pavement, squareMetres: 24, facesHomes: nil))
        #expect(bar.manager == Person(name: "Kari Nordmann", birthYear: 1985))
        #expect(bar.attachments.map(\.fileName) == ["soknad.pdf", "plantegning.pdf"])
        #expect(two.hearings.map(\.line) == [3, 39])
        let cafe = try #require(two.hearings.last?.hearing)
        #expect(cafe.venue.position?.srid == .utm32)
        #expect(cafe.servingPeriods[1].days == [.friday, .saturday])
        #expect(cafe.change?.contains("01.00") == true)

        let latin1 = reader.read(contentsOf: shared.appendingPathComponent("retail-sale.xml"))
        #expect(latin1.diagnostics.isEmpty, "\(latin1.diagnostics)")
        #expect(latin1.hearings.first?.hearing.venue.name == "Nærbutikken Bislett")
        #expect(latin1.hearings.first?.hearing.permitType == .retailSale)
    }

    /// The fourth zone of Oslo's regulation is `utenfor-boligomraade`; version 1 files called it
    /// `utenfor-sentrum`, still read as the same zone. Anything else is refused by the XSD.
    @Test(arguments: [
        ("utenfor-boligomraade", Zone.outsideCentre as Zone?), ("utenfor-sentrum", .outsideCentre),
        ("indre-sentrum", .innerCentre), ("boligomraade", .residential), ("forstad", nil),
    ])
    func readsTheZones(code: String, zone: Zone?) throws {
        var hearing = Fixtures.hearing(1)
        hearing.zone = .centre
        let xml = String(decoding: HearingXMLWriter.document([hearing]), as: UTF8.self)
            .replacingOccurrences(of: "<sone>sentrum</sone>", with: "<sone>\(code)</sone>")
        let file = read(xml)
        if let zone {
            #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
            #expect(file.hearings.first?.hearing.zone == zone)
        } else {
            #expect(!file.isAccepted)
            #expect(file.diagnostics.first?.message.contains("forstad") == true, "\(file.diagnostics)")
        }
    }

    @Test func writerAndReaderRoundTrip() throws {
        let hearings = (1...20).map { Fixtures.hearing($0, applicationType: ApplicationType.allCases[$0 % 5]) }
        let file = reader.read(data: HearingXMLWriter.document(hearings), fileName: "generated.xml")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics.prefix(3))")
        #expect(file.hearings.map(\.hearing) == hearings)
    }

    @Test func reportsEveryProblemNotOnlyTheFirst() {
        var xml = String(
            decoding: HearingXMLWriter.document([Fixtures.hearing(1), Fixtures.hearing(2)]), as: UTF8.self)
        xml = xml.replacingOccurrences(
            of: "<organisasjonsnummer>983887457</organisasjonsnummer>",
            with: "<organisasjonsnummer>983887458</organisasjonsnummer>")
        xml = xml.replacingOccurrences(of: "<frist>2026-11-04</frist>", with: "<frist>2026-10-04</frist>")
        xml = xml.replacingOccurrences(
            of: "<bydel>St. Hanshaugen</bydel>\n    <soeknadstype>ny",
            with: "<bydel>St. Hanshaugen</bydel>\n    <soeknadstype>utvidelse")
        let file = read(xml)
        #expect(!file.isAccepted)
        #expect(file.hearings.isEmpty)
        let messages = file.diagnostics.map(\.description)
        #expect(messages.count == 4, "\(messages)")
        #expect(
            messages.contains { $0.contains("saksnummer 2026/10001: organisasjonsnummeret «983887458» er ugyldig") })
        #expect(messages.contains { $0.contains("saksnummer 2026/10002: fristen 2026-10-04 er før") })
        #expect(messages.filter { $0.contains("«utvidelse» er ikke tillatt") }.count == 2)
    }

    @Test func unknownElementIsAnErrorWhenStrictAndAWarningOtherwise() {
        let xml = String(decoding: HearingXMLWriter.document([Fixtures.hearing(1)]), as: UTF8.self)
            .replacingOccurrences(of: "<merknad>", with: "<farge>rød</farge>\n    <merknad>")
        let strict = read(xml)
        #expect(!strict.isAccepted)
        #expect(
            strict.diagnostics.map(\.message) == [
                "ukjent element <farge>; formatet har ikke dette elementet; ventet et av <vedlegg>, <merknad>"
            ])
        let lenient = read(xml, strict: false)
        #expect(lenient.isAccepted)
        #expect(lenient.hearings.count == 1)
        #expect(lenient.diagnostics.map(\.severity) == [.warning])
        #expect(lenient.diagnostics.first?.description.contains("advarsel: ukjent element <farge>") == true)
    }

    @Test func locatesProblemsByLineAndColumn() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <hoering xmlns="urn:skjenk:hoering:1">
              <saksnummer>2026/1</saksnummer>
              <sendt>2026-11-02</sendt>
              <frist>2026-11-30</frist>
              <bydel>St. Hanshaugen</bydel>
              <soeknadstype>ny</soeknadstype>
              <bevillingstype>skjenking</bevillingstype>
              <soeker><navn>A AS</navn><organisasjonsnummer>123456789</organisasjonsnummer></soeker>
              <sted>
                <navn>Sted</navn>
                <adresse><gate>Gate 1</gate><postnummer>0358</postnummer><poststed>Oslo</poststed></adresse>
              </sted>
              <alkoholgrupper>1 2</alkoholgrupper>
              <skjenketider>
                <periode omraade="inne" grupper="1" fra="25:00" til="01:00"/>
              </skjenketider>
            </hoering>
            """
        let descriptions = read(xml).diagnostics.map(\.description)
        #expect(descriptions.count == 2, "\(descriptions)")
        #expect(
            descriptions.contains {
                $0.hasPrefix("test.xml:9:28: saksnummer 2026/1: organisasjonsnummeret «123456789»")
            })
        #expect(
            descriptions.contains { $0.hasPrefix("test.xml:16:41: saksnummer 2026/1: verdien «25:00» har feil form") })
    }

    @Test func positionsInEveryReferenceSystem() throws {
        let xml = { (position: String) in
            String(decoding: HearingXMLWriter.document([Fixtures.hearing(1)]), as: UTF8.self)
                .replacing(#/<posisjon [^>]*\/>/#, with: position)
        }
        let utm32 = try #require(read(xml(#"<posisjon srid="25832" oest="597234" nord="6644481"/>"#)).hearings.first)
        #expect(utm32.hearing.venue.position?.srid == .utm32)
        let utm33 = try #require(read(xml(#"<posisjon srid="25833" oest="263000" nord="6651000"/>"#)).hearings.first)
        #expect(utm33.hearing.venue.position?.srid == .utm33)
        let mixed = read(xml(#"<posisjon srid="4326" oest="597234" nord="6644481"/>"#))
        #expect(mixed.diagnostics.map(\.message) == ["posisjon med srid 4326 må ha attributtene lat og lon"])
        let swapped = read(xml(#"<posisjon srid="4326" lat="10.73" lon="59.92"/>"#))
        #expect(swapped.diagnostics.first?.message.contains("utenfor Norge") == true)
    }

    @Test func duplicateCaseNumbersInOneFile() {
        var second = Fixtures.hearing(2)
        second.caseNumber = try! CaseNumber("26/10001-3")
        let file = reader.read(data: HearingXMLWriter.document([Fixtures.hearing(1), second]), fileName: "dup.xml")
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first?.message.contains("saksnummeret står også i høringen på linje 3") == true)
    }
}

@Suite struct HostileShapeTests {
    @Test func tooLargeFilesAreRefusedBeforeParsing() throws {
        let reader = try HearingXMLReader(maximumFileSize: 1_000)
        let file = reader.read(data: HearingXMLWriter.document([Fixtures.hearing(1)]), fileName: "stor.xml")
        #expect(file.diagnostics.map(\.description).first?.hasPrefix("stor.xml: filen er for stor (0 MB)") == true)
        #expect(file.diagnostics.first?.description.contains("største tillatte er 0 MB") == true)
    }

    @Test func deepNestingIsRefused() throws {
        let depth = 5_000
        let xml =
            "<?xml version=\"1.0\"?>\n<hoering xmlns=\"urn:skjenk:hoering:1\">"
            + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</hoering>"
        let file = try HearingXMLReader().read(data: Data(xml.utf8), fileName: "dyp.xml")
        #expect(!file.isAccepted)
        #expect(file.diagnostics.first?.message.contains("nøstet for dypt") == true, "\(file.diagnostics)")
    }

    @Test func hugeTextIsRefused() throws {
        let text = String(repeating: "x", count: 11 * 1_048_576)
        let xml =
            "<?xml version=\"1.0\"?>\n<hoering xmlns=\"urn:skjenk:hoering:1\"><merknad>\(text)</merknad></hoering>"
        let file = try HearingXMLReader().read(data: Data(xml.utf8), fileName: "lang.xml")
        #expect(!file.isAccepted)
        #expect(file.diagnostics.count < 5)
        #expect(file.diagnostics.allSatisfy { $0.message.count < 300 }, "no file content is echoed back")
    }
}
