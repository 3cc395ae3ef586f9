import Foundation
import SkjenkCore
import SkjenkTestSupport
import Testing

@testable import SkjenkImport

/// The optional opening-hours column of a site register, in CSV and GeoJSON.
@Suite struct SiteRegisterOpeningHoursTests {
    let reader = SiteRegisterReader()

    @Test func theSamplesGiveSomeSitesTheirHours() throws {
        let schools = reader.read(contentsOf: Fixtures.sample("registers/skoler.csv"), source: "skoler")
        #expect(schools.skipped.isEmpty, "\(schools.skipped)")
        let hours = Dictionary(uniqueKeysWithValues: schools.entries.map { ($0.name, $0.openingHours?.text) })
        #expect(hours["Bolteløkka skole"] == "man-fre 08:00-16:00")
        #expect(hours["Bislett skole"] == "man-fre 08:00-15:30")
        #expect(hours["Ila skole"] == .some(nil), "an empty value is unknown")
        let kindergartens = reader.read(
            contentsOf: Fixtures.sample("registers/barnehager.geojson"), source: "barnehager")
        #expect(kindergartens.skipped.isEmpty, "\(kindergartens.skipped)")
        #expect(kindergartens.entries.first?.openingHours == (try WeeklyHours(parsing: "man-fre 07:00-17:00")))
        #expect(kindergartens.entries.filter { $0.openingHours != nil }.count == 2)
    }

    @Test(arguments: ["aapningstid", "Åpningstid", "opening_hours"])
    func readsTheColumnByAnyOfItsNames(column: String) throws {
        let csv = "kategori;navn;lat;lon;\(column)\nbarnehage;A;59.93;10.74;man-fre 07.00-17.00\n"
        let result = reader.read(data: Data(csv.utf8), fileName: "b.csv", source: "b")
        #expect(result.skipped.isEmpty, "\(result.skipped)")
        #expect(result.entries.first?.openingHours?.text == "man-fre 07:00-17:00")
    }

    @Test func aBadValueSkipsTheRowAtItsLineAndAnEmptyOneIsUnknown() {
        let csv = [
            "kategori;navn;lat;lon;aapningstid",
            "barnehage;A;59.93;10.74;man-fre 07:00-17:00",
            "barnehage;B;59.93;10.74;hverdager 07-17",
            "barnehage;C;59.93;10.74;",
            "barnehage;D;59.93;10.74;   ",
            "skole;E;59.93;10.74;man-fre 08:00-25:00",
        ].joined(separator: "\n")
        let result = reader.read(data: Data(csv.utf8), fileName: "b.csv", source: "b")
        #expect(result.isAccepted)
        #expect(result.entries.map(\.name) == ["A", "C", "D"])
        #expect(result.entries.map(\.openingHours?.text) == ["man-fre 07:00-17:00", nil, nil])
        #expect(
            result.skipped.map(\.description) == [
                "b.csv:3:1: advarsel: raden er hoppet over: åpningstiden «hverdager 07-17» kan ikke leses: "
                    + "«07» er ikke et klokkeslett; skriv TT:MM, for eksempel 07:00",
                "b.csv:6:1: advarsel: raden er hoppet over: åpningstiden «man-fre 08:00-25:00» kan ikke leses: "
                    + "«25:00» er ikke et klokkeslett; skriv TT:MM, for eksempel 07:00",
            ])
    }

    @Test func aBadValueInGeoJSONIsReportedAtItsFeature() {
        let json = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10.74, 59.93]},
               "properties": {"kategori": "barnehage", "navn": "A", "åpningstid": "hele døgnet"}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10.74, 59.93]},
               "properties": {"kategori": "barnehage", "navn": "B", "opening_hours": "Mo-Fr 07:00-17:00"}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10.74, 59.93]},
               "properties": {"kategori": "barnehage", "navn": "C", "aapningstid": ""}}
            ]}
            """
        let result = reader.read(data: Data(json.utf8), fileName: "b.geojson", source: "b")
        #expect(result.entries.map(\.name) == ["A", "C"])
        #expect(result.entries.map(\.openingHours?.text) == ["alle 00:00-00:00", nil])
        #expect(
            result.skipped.map(\.description) == [
                "b.geojson:4:1: advarsel: raden er hoppet over: åpningstiden «Mo-Fr 07:00-17:00» kan ikke leses: "
                    + "«mo» er ikke en dag; bruk man, tir, ons, tor, fre, loer, soen eller alle"
            ])
    }
}
