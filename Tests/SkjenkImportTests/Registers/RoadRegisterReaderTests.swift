import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkTestSupport
import Testing

@Suite struct RoadRegisterReaderTests {
    let reader = RoadRegisterReader()

    static func collection(_ features: String...) -> Data {
        Data(("{\"type\": \"FeatureCollection\", \"features\": [\n" + features.joined(separator: ",\n") + "\n]}").utf8)
    }

    static func feature(_ geometry: String, properties: String = "{\"name\": \"Thereses gate\"}") -> String {
        "{\"type\": \"Feature\", \"properties\": \(properties), \"geometry\": \(geometry)}"
    }

    static let line = #"{"type": "LineString", "coordinates": [[10.733, 59.925], [10.734, 59.930]]}"#

    @Test func readsTheSampleRoads() throws {
        let result = reader.read(contentsOf: Fixtures.sample("registers/veger.geojson"), displayName: "veger.geojson")
        #expect(result.isAccepted && result.skipped.isEmpty, "\(result.errors)")
        #expect(result.entries.count == 9)
        #expect(result.entries.compactMap(\.name).contains("Waldemar Thranes gate"))
        #expect(result.entries.filter { $0.name == nil }.count == 1)
        let kirkeveien = try #require(result.entries.first { $0.name == "Kirkeveien" })
        #expect(kirkeveien.lines.count == 2)
        #expect(kirkeveien.lines[0][0] == GeoPoint(latitude: 59.94, longitude: 10.725))
    }

    @Test(arguments: [
        (#"{"name": "Pilestredet"}"#, "Pilestredet"), (#"{"navn": "Pilestredet"}"#, "Pilestredet"),
        (#"{"adressenavn": "Pilestredet", "adressekode": 12}"#, "Pilestredet"),
        (#"{"GATENAVN": " Pilestredet "}"#, "Pilestredet"), (#"{"highway": "footway"}"#, nil),
        (#"{"name": ""}"#, nil),
    ])
    func readsTheNameFromTheCommonProperties(properties: String, name: String?) {
        let result = reader.read(
            data: Self.collection(Self.feature(Self.line, properties: properties)), fileName: "v.geojson")
        #expect(result.isAccepted)
        #expect(result.entries.map(\.name) == [name])
    }

    @Test func readsMultiLineStringsAndUTMWithACRS() throws {
        let data = Data(
            """
            {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:25833"}},
             "features": [{"type": "Feature", "properties": {"adressenavn": "Ullevålsveien"},
               "geometry": {"type": "MultiLineString", "coordinates": [[[261500, 6650800], [261550, 6650900]],
                 [[261550, 6650900], [261600, 6651000], [261650, 6651100]]]}}]}
            """.utf8)
        let result = reader.read(data: data, fileName: "v.geojson")
        let road = try #require(result.entries.first)
        #expect(road.lines.map(\.count) == [2, 3])
        #expect(abs(road.lines[0][0].latitude - 59.93) < 0.02 && abs(road.lines[0][0].longitude - 10.74) < 0.03)
    }

    @Test(arguments: [
        (
            feature(#"{"type": "Point", "coordinates": [10.73, 59.92]}"#),
            "v.geojson:2:1: vegen «Thereses gate»: geometrien er Point; bruk LineString eller MultiLineString"
        ),
        (
            feature(#"{"type": "Polygon", "coordinates": [[[10.73, 59.92], [10.74, 59.92], [10.73, 59.93]]]}"#),
            "v.geojson:2:1: vegen «Thereses gate»: geometrien er Polygon; bruk LineString eller MultiLineString"
        ),
        (
            "{\"type\": \"Feature\", \"properties\": {\"name\": \"Thereses gate\"}}",
            "v.geojson:2:1: vegen «Thereses gate»: mangler geometri"
        ),
        (
            feature(#"{"type": "LineString"}"#),
            "v.geojson:2:1: vegen «Thereses gate»: geometrien mangler koordinater"
        ),
        (
            feature(#"{"type": "LineString", "coordinates": []}"#),
            "v.geojson:2:1: vegen «Thereses gate»: en linje må ha minst to punkter"
        ),
        (
            feature(#"{"type": "LineString", "coordinates": [[10.73, 59.92]]}"#),
            "v.geojson:2:1: vegen «Thereses gate»: en linje må ha minst to punkter"
        ),
        (
            feature(#"{"type": "LineString", "coordinates": [[10.73, 59.92], ["10.74", 59.93]]}"#),
            "v.geojson:2:1: vegen «Thereses gate»: et punkt er ikke et tallpar [lengdegrad, breddegrad]"
        ),
        (
            feature(#"{"type": "LineString", "coordinates": [[10.73, 59.92], [190.5, 59.93]]}"#),
            "v.geojson:2:1: vegen «Thereses gate»: lengdegraden i punktet [190.5, 59.93] er utenfor -180 til 180"
        ),
        (
            feature(#"{"type": "LineString", "coordinates": [[10.73, 59.92], [10.74, 95]]}"#),
            "v.geojson:2:1: vegen «Thereses gate»: breddegraden i punktet [10.74, 95] er utenfor -90 til 90"
        ),
        (
            feature(#"{"type": "LineString", "coordinates": [[59.92, 10.73], [59.93, 10.74]]}"#),
            "v.geojson:2:1: vegen «Thereses gate»: punktet [59.92, 10.73] ligger utenfor Norge; lengde- og breddegrad "
                + "ser ut til å være byttet om (GeoJSON skriver lengdegrad først)"
        ),
        (
            feature(
                #"{"type": "MultiLineString", "coordinates": [[[10.73, 59.92], [10.74, 59.93]], [[2.35, 48.85], [2.36, 48.86]]]}"#,
                properties: #"{"highway": "footway"}"#),
            "v.geojson:2:1: veg nr. 2: linje 2: punktet [2.35, 48.85] ligger utenfor Norge"
        ),
    ])
    func refusesARoadItCannotDrawAndTheWholeFileWithIt(feature: String, expected: String) {
        // The bad road after a good one: the good one is not stored either.
        let data = Self.collection(Self.feature(Self.line).replacingOccurrences(of: "Thereses gate", with: "X"))
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "\n]}", with: ",\n" + feature + "\n]}")
        let result = reader.read(data: Data(text.utf8), fileName: "v.geojson")
        #expect(!result.isAccepted && result.entries.isEmpty)
        let errors = result.errors.map { $0.description }
        #expect(errors == [expected.replacingOccurrences(of: "v.geojson:2:", with: "v.geojson:3:")])
    }

    @Test(arguments: [
        ("", "v.geojson:1:1: filen er tom"), ("{", "v.geojson:1:1: filen er ikke gyldig JSON"),
        (#"{"type": "Feature"}"#, "v.geojson:1:1: filen er ikke en GeoJSON FeatureCollection"),
        (
            #"{"type": "FeatureCollection", "crs": {"properties": {"name": "EPSG:3857"}}, "features": []}"#,
            "v.geojson:1:1: koordinatsystemet «EPSG:3857» støttes ikke; bruk EPSG:4326, 25832 eller 25833"
        ),
    ])
    func refusesAFileThatIsNotARoadRegister(text: String, expected: String) {
        let result = reader.read(data: Data(text.utf8), fileName: "v.geojson")
        #expect(result.errors.map(\.description) == [expected])
    }

    @Test func refusesMoreThanTheLimits() {
        var small = RoadRegisterReader()
        small.limits.features = 2
        small.limits.pointsPerRoad = 3
        small.limits.points = 4
        let three = Self.collection(Self.feature(Self.line), Self.feature(Self.line), Self.feature(Self.line))
        #expect(
            small.read(data: three, fileName: "v.geojson").errors.map(\.description) == [
                "v.geojson:1:1: filen har 3 veger; høyst 2 kan leses (del opp registeret)"
            ])
        let long = Self.feature(
            #"{"type": "LineString", "coordinates": [[10.73, 59.92], [10.74, 59.93], [10.75, 59.93], [10.76, 59.93]]}"#)
        #expect(
            small.read(data: Self.collection(long), fileName: "v.geojson").errors.map(\.description) == [
                "v.geojson:2:1: vegen «Thereses gate»: har 4 punkter; høyst 3 per veg"
            ])
        let two = Self.collection(
            Self.feature(Self.line),
            Self.feature(Self.line).replacingOccurrences(of: "]]}", with: "], [10.735, 59.931]]}"))
        #expect(
            small.read(data: two, fileName: "v.geojson").errors.map(\.description) == [
                "v.geojson:3:1: filen har mer enn 4 punkter til sammen (del opp registeret)"
            ])
    }

    @Test func reportsEveryBadRoadUpToALimit() {
        let bad = Self.feature(#"{"type": "Point", "coordinates": [10.73, 59.92]}"#)
        let result = reader.read(
            data: Self.collection(Array(repeating: bad, count: 60).joined(separator: ",\n")), fileName: "v.geojson")
        #expect(result.errors.count == 51)
        #expect(result.errors.last?.description == "v.geojson: og 10 feil til")
        #expect(result.errors.first?.location.line == 2 && result.errors[49].location.line == 51)
    }
}
