import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

@testable import SkjenkImport

@Suite struct CSVTableTests {
    @Test func readsQuotesDelimitersAndBOM() throws {
        let text =
            "\u{FEFF}Navn;Adresse;Merknad\r\n\"Bar \"\"Tre\"\" Kroner\";\"Thereses gate 10; 0358 Oslo\";\"to\nlinjer\"\r\nKafé;Gate 1;\r\n\r\n"
        let table = try CSVTable.parse(Data(text.utf8))
        #expect(table.delimiter == ";")
        #expect(table.header == ["navn", "adresse", "merknad"])
        #expect(table.records.map(\.line) == [2, 4])
        #expect(table.records[0].fields == ["Bar \"Tre\" Kroner", "Thereses gate 10; 0358 Oslo", "to\nlinjer"])
        #expect(table.records[1].fields == ["Kafé", "Gate 1", ""])
    }

    @Test func picksCommaWhenTheHeaderUsesIt() throws {
        let table = try CSVTable.parse(Data("a,b;c,d\n1,2;3,4\n".utf8))
        #expect(table.delimiter == ",")
        #expect(table.records[0].fields == ["1", "2;3", "4"])
    }

    @Test func refusesBrokenText() {
        #expect(throws: CSVTable.Problem.self) { try CSVTable.parse(Data([0x61, 0x0A, 0xE5, 0x0A])) }
        #expect(throws: CSVTable.Problem.self) { try CSVTable.parse(Data("a,b\n\"x,y\n".utf8)) }
        #expect(throws: CSVTable.Problem.self) { try CSVTable.parse(Data()) }
    }
}

@Suite struct SiteRegisterReaderTests {
    let reader = SiteRegisterReader()

    @Test func readsEverySampleFormat() throws {
        let expectations: [(String, Int, SiteCategory, SRID)] = [
            ("skoler.csv", 6, .school, .utm33),
            ("barnehager.geojson", 8, .kindergarten, .wgs84),
            ("ungdom-og-behandling.csv", 6, .youth, .wgs84),
            ("idrett.geojson", 2, .sports, .utm32),
        ]
        for (file, count, category, srid) in expectations {
            let result = reader.read(contentsOf: Fixtures.sample("registers/\(file)"), source: file)
            #expect(result.isAccepted && result.skipped.isEmpty, "\(file): \(result.errors + result.skipped)")
            #expect(result.entries.count == count, "\(file)")
            #expect(result.entries.first?.category == category, "\(file)")
            #expect(result.entries.first?.position.srid == srid, "\(file)")
            #expect(result.entries.allSatisfy { $0.source == file })
        }
        let schools = reader.read(contentsOf: Fixtures.sample("registers/skoler.csv"), source: "skoler")
        let bolteløkka = try #require(schools.entries.first)
        #expect(bolteløkka.name == "Bolteløkka skole")
        #expect(bolteløkka.position.geographic.distance(to: GeoPoint(latitude: 59.9303, longitude: 10.7487)) < 0.1)
        let treatment = reader.read(contentsOf: Fixtures.sample("registers/ungdom-og-behandling.csv"), source: "x")
        #expect(treatment.entries.map(\.category) == [.youth, .youth, .youth, .treatment, .treatment, .treatment])
        #expect(treatment.entries.first?.address == "Pilestredet 90")
    }

    @Test func reportsBadRowsByLineAndKeepsTheRest() {
        let result = reader.read(
            contentsOf: Fixtures.sample("registers-broken/rader-med-feil.csv"), displayName: "r.csv",
            source: "r")
        #expect(result.isAccepted)
        #expect(result.entries.map(\.name) == ["Bolteløkka skole", "Fagerborg fritidsklubb"])
        #expect(
            result.skipped.map(\.description) == [
                "r.csv:3:1: advarsel: raden er hoppet over: ukjent kategori «kirke»; bruk skole, barnehage, ungdomstilbud, "
                    + "behandlingstilbud, idrettsanlegg, annet",
                "r.csv:4:1: advarsel: raden er hoppet over: mangler posisjon (lat og lon, eller oest og nord)",
                "r.csv:5:1: advarsel: raden er hoppet over: posisjonen (lat 10.74, lon 59.92) ligger utenfor Norge; "
                    + "lat og lon ser ut til å være byttet om",
                "r.csv:6:1: advarsel: raden er hoppet over: mangler kategori",
            ])
    }

    @Test(arguments: [
        ("ikke-json.geojson", "ikke-json.geojson:1:1: filen er ikke gyldig JSON"),
        ("latin1.csv", "latin1.csv:1:1: filen er ikke UTF-8; lagre den som UTF-8 (CSV UTF-8 i Excel)"),
        (
            "mangler-kolonne.csv",
            "mangler-kolonne.csv:1:1: kolonnen «kategori» mangler i overskriftslinjen (fant: navn, adresse, lat, lon)"
        ),
        ("uavsluttet-anfoerselstegn.csv", "uavsluttet-anfoerselstegn.csv:2:1: et felt i anførselstegn avsluttes aldri"),
    ])
    func refusesBrokenFiles(file: String, message: String) {
        let result = reader.read(
            contentsOf: Fixtures.sample("registers-broken/\(file)"), displayName: file, source: "x")
        #expect(!result.isAccepted)
        #expect(result.entries.isEmpty)
        #expect(result.errors.map(\.description) == [message])
    }

    @Test func utmColumnsNeedAReferenceSystem() {
        let csv = Data("kategori;navn;oest;nord\nskole;A;597204.7;6644513.6\n".utf8)
        let without = reader.read(data: csv, fileName: "u.csv", source: "u")
        #expect(without.entries.isEmpty)
        #expect(without.skipped.first?.message.contains("legg til en epsg-kolonne") == true)
        let with = SiteRegisterReader(defaultSRID: .utm32).read(data: csv, fileName: "u.csv", source: "u")
        #expect(
            with.entries.first?.position.geographic.distance(to: GeoPoint(latitude: 59.9266, longitude: 10.739)) ?? 99
                < 0.1)
    }
}

@Suite struct VenueRegisterReaderTests {
    @Test func readsNaeringsetatensPermitMapWithoutOptions() throws {
        let result = VenueRegisterReader().read(
            contentsOf: Fixtures.sample("registers/skjenkebevillinger-kart.geojson"),
            source: "kart")
        #expect(result.isAccepted && result.skipped.isEmpty, "\(result.errors + result.skipped)")
        #expect(result.entries.count == 20)
        let pub = try #require(result.entries.first)
        #expect(pub.name == "Pub Bislett")
        #expect(pub.position.srid == .utm32)
        #expect(pub.position.geographic.distance(to: GeoPoint(latitude: 59.9240, longitude: 10.7338)) < 0.1)
        // The postal code came as the JSON number 350 and keeps its leading zero.
        #expect(pub.address == "Pilestredet 63, 0350 OSLO")
        #expect(pub.indoorClosing == "02:00" && pub.outdoorClosing == nil)
        #expect(pub.holderName == "Bislett Pubdrift AS")
        #expect(pub.registerId == "40100")
        #expect(pub.permitType == .serving)
    }

    @Test func readsTheDistrictsOwnList() {
        let result = VenueRegisterReader().read(
            contentsOf: Fixtures.sample("registers/salgssteder.csv"), source: "salg")
        #expect(result.entries.map(\.organisationNumber?.digits) == ["974760673", "983887457", "889640782"])
        #expect(result.entries.allSatisfy { $0.permitType == .retailSale })
    }

    @Test func skipsRowsWithABadOrganisationNumber() {
        let csv = Data("name,organisationNumber,lat,lon\nA,123456789,59.92,10.74\nB,974760673,59.92,10.74\n".utf8)
        let result = VenueRegisterReader().read(data: csv, fileName: "v.csv", source: "v")
        #expect(result.entries.map(\.name) == ["B"])
        #expect(
            result.skipped.map(\.description) == [
                "v.csv:2:1: advarsel: raden er hoppet over: organisasjonsnummeret «123456789» er ugyldig"
            ])
    }
}

@Suite struct PenaltyPointsReaderTests {
    @Test func readsTheSampleList() throws {
        let result = PenaltyPointsReader().read(contentsOf: Fixtures.sample("registers/prikker.csv"))
        #expect(result.isAccepted && result.skipped.isEmpty, "\(result.errors + result.skipped)")
        #expect(result.entries.count == 5)
        let second = result.entries[1]
        #expect(second.date.iso == "2026-02-14")  // written 14.02.2026
        #expect(
            second.points == 2 && second.venueName == "Pub Bislett" && second.reason == "Mangler ved internkontroll")
    }

    @Test func skipsBadRows() {
        let csv = Data(
            "dato;organisasjonsnummer;prikker\n2026-13-01;974760673;2\n2026-01-01;123456789;2\n2026-01-01;974760673;20\n"
                .utf8)
        let result = PenaltyPointsReader().read(data: csv, fileName: "p.csv")
        #expect(result.entries.isEmpty)
        #expect(result.skipped.map(\.location.line) == [2, 3, 4])
    }
}

@Suite struct AddressRegisterReaderTests {
    @Test func readsGeonorgesColumns() throws {
        let result = AddressRegisterReader().read(contentsOf: Fixtures.sample("registers/adresser-utdrag.csv"))
        #expect(result.isAccepted && result.skipped.isEmpty, "\(result.errors + result.skipped)")
        #expect(result.entries.count == 16)
        let first = try #require(result.entries.first)
        #expect(first.street == "Pilestredet 105" && first.postalCode == "0358" && first.position.srid == .utm33)
        #expect(first.position.geographic.distance(to: GeoPoint(latitude: 59.9303, longitude: 10.7293)) < 0.1)
        #expect(result.entries.contains { $0.street == "Thereses gate 35 B" })
    }
}

@Suite struct ZoneRegisterReaderTests {
    @Test func readsPolygonsAndMultiPolygons() throws {
        let result = ZoneRegisterReader().read(contentsOf: Fixtures.sample("registers/soner.geojson"))
        #expect(result.isAccepted && result.skipped.isEmpty)
        #expect(result.entries.map(\.zone) == [.centre, .residential])
        #expect(result.entries[1].rings.count == 2)
        #expect(result.entries[0].contains(GeoPoint(latitude: 59.9240, longitude: 10.7338)))
        #expect(result.entries[1].contains(GeoPoint(latitude: 59.9287, longitude: 10.7250)))
        #expect(!result.entries[0].contains(GeoPoint(latitude: 59.9287, longitude: 10.7250)))
    }

    @Test func skipsAreasWithoutAValidZone() {
        let json =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"sone":"forstad"},"geometry":{"type":"Polygon","coordinates":[[[10.7,59.9],[10.8,59.9],[10.8,60.0]]]}}]}"#
        let result = ZoneRegisterReader().read(data: Data(json.utf8), fileName: "z.geojson")
        #expect(result.entries.isEmpty)
        #expect(result.skipped.first?.message.hasPrefix("område 1 er hoppet over: mangler gyldig sone") == true)
    }
}
