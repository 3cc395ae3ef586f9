import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkTestSupport
import Testing

/// The statement's map: labels that never overlap, the key to its numbers, roads under the markers
/// and text that reads in print.
@Suite struct StatementMapTests {
    static let center = Fixtures.statementVenue

    static func place(_ name: String, _ category: SiteCategory?, north: Double, east: Double) -> StatementMap.Place {
        let point = Fixtures.offset(center, north: north, east: east)
        return StatementMap.Place(
            name: name, category: category, point: point, distance: LocalDistance.metres(center, point))
    }

    /// Ten venues within 40 m of each other, around the venue applied for, and three sites among them.
    static func crowdedMap() -> StatementMap {
        let venues = [
            ("Pub Bislett", 20.0, 10.0), ("Café Ærlig", 25.0, 18.0), ("Nattbaren", 15.0, 30.0),
            ("Vinbaren i Ila", 30.0, 25.0), ("Bar Boble II", 10.0, 22.0), ("Restaurant Fagerborg", 35.0, 5.0),
            ("Kafé Adamstuen", -20.0, 12.0), ("Sportsbaren", -25.0, -15.0), ("Hegdehaugen Brasserie", 5.0, -30.0),
            ("Takterrassen", -10.0, -25.0),
        ].map { place($0.0, nil, north: $0.1, east: $0.2) }
        let sites = [
            place("Ila skole", .school, north: 40, east: 20),
            place("Åsen barnehage", .kindergarten, north: -30, east: 0),
            place("Fagerborg fritidsklubb", .youth, north: 0, east: 45),
        ].sorted(by: StatementMap.nearestFirst)
        return StatementMap(
            venueName: "Bar Boble", center: center, sites: sites, venues: venues, radii: [50, 100, 300])
    }

    /// A text label as drawn: its position, anchor and text.
    struct DrawnText {
        let x: Double
        let y: Double
        let text: String
        let attributes: String
    }

    static func texts(_ svg: String, class name: String) throws -> [DrawnText] {
        let pattern = try Regex(#"<text x="([-0-9.]+)" y="([-0-9.]+)"([^>]*)>([^<]*)</text>"#)
        return svg.matches(of: pattern).compactMap { match -> DrawnText? in
            let attributes = String(match.output[3].substring ?? "")
            guard attributes.contains("class=\"\(name)\"") else { return nil }
            return DrawnText(
                x: Double(match.output[1].substring ?? "") ?? .nan, y: Double(match.output[2].substring ?? "") ?? .nan,
                text: String(match.output[4].substring ?? ""), attributes: attributes)
        }
    }

    static func viewBox(_ svg: String) throws -> (width: Double, height: Double) {
        let match = try #require(svg.firstMatch(of: try Regex(#"viewBox="0 0 ([0-9.]+) ([0-9.]+)""#)))
        return (Double(match.output[1].substring ?? "") ?? 0, Double(match.output[2].substring ?? "") ?? 0)
    }

    @Test func venueLabelsNeverOverlapEachOtherOrTheMarkersAndStayInTheFrame() throws {
        // Given ten venues close together
        let map = Self.crowdedMap()
        // When the map is drawn
        let svg = map.svg()
        // Then every label's box, estimated from font size × characters, is clear of every other and inside
        let font = map.fontSize
        let labels = try Self.texts(svg, class: "etikett")
        #expect(labels.count >= 6, "most names find a place: \(labels.map(\.text))")
        #expect(labels.contains { $0.text == "Bar Boble" })
        let boxes = labels.map {
            MapBox(
                x: $0.x, y: $0.y - font * 0.95, width: Double($0.text.count) * font * 0.6, height: font * 1.25)
        }
        let (width, _) = try Self.viewBox(svg)
        for (index, box) in boxes.enumerated() {
            #expect(box.isInside(MapBox(x: 0, y: 0, width: width, height: map.size)), "\(labels[index].text)")
            for other in boxes[(index + 1)...] {
                #expect(!box.intersects(other), "\(labels[index].text) overlaps another label")
            }
        }
        // Nor does a label cover a marker: the licensed venues' squares and the numbered sites.
        let markers =
            map.venues.map { Self.pixel($0.point, map) }.map { MapBox(x: $0.x - 4, y: $0.y - 4, width: 8, height: 8) }
            + map.sites.map { Self.pixel($0.point, map) }.map {
                MapBox(x: $0.x - 11, y: $0.y - 11, width: 22, height: 22)
            }
        for (label, box) in zip(labels, boxes) {
            #expect(!markers.contains(where: box.intersects), "\(label.text) covers a marker")
        }
    }

    @Test func placementIsDeterministic() {
        #expect(Self.crowdedMap().svg() == Self.crowdedMap().svg())
    }

    /// Where `point` is drawn (the map's projection, worked out again here).
    static func pixel(_ point: GeoPoint, _ map: StatementMap) -> (x: Double, y: Double) {
        let half = map.size / 2
        let scale = (half - 24) / ((map.radii.last ?? 300) * 1.12)
        let east =
            LocalDistance.metres(map.center, GeoPoint(latitude: map.center.latitude, longitude: point.longitude))
            * (point.longitude < map.center.longitude ? -1 : 1)
        let north =
            LocalDistance.metres(map.center, GeoPoint(latitude: point.latitude, longitude: map.center.longitude))
            * (point.latitude < map.center.latitude ? -1 : 1)
        return (half + east * scale, half - north * scale)
    }

    @Test func theKeyListsEveryNumberedSiteInNumberOrder() throws {
        let map = Self.crowdedMap()
        #expect(map.key.map(\.number) == [1, 2, 3])
        #expect(map.key.map(\.name) == ["Åsen barnehage", "Ila skole", "Fagerborg fritidsklubb"])
        #expect(map.key.map(\.kind) == ["barnehage", "skole", "fritidsklubb/ungdomstilbud"])
        #expect(map.key.map(\.distance) == ["30 m", "45 m", "45 m"])
        // The numbers drawn on the map are the key's, in the same order.
        let numbers = try Regex(##"font-weight="bold" fill="#ffffff">([0-9]+)</text>"##)
        #expect(map.svg().matches(of: numbers).map { String($0.output[1].substring ?? "") } == ["1", "2", "3"])
    }

    @Test func theKeyNumbersTheSitesAsTheStatementsTableDoes() throws {
        // Given a kindergarten and a treatment service in one building: the table orders equal distances
        // by the register's name (Bislett before Østre), though the service is shown only by its kind
        // («behandlingstilbud», which would sort first)
        let policy = try Fixtures.policy()
        let hearing = Fixtures.statementHearing(.new, .serving)
        func at(north: Double = 0, east: Double = 0) throws -> Position {
            let point = Fixtures.offset(Self.center, north: north, east: east)
            return try .wgs84(latitude: point.latitude, longitude: point.longitude)
        }
        let sites = [
            Site(category: .school, name: "Ila skole", position: try at(north: 80), source: "test"),
            Site(category: .kindergarten, name: "Bislett barnehage", position: try at(east: 150), source: "test"),
            Site(category: .treatment, name: "Østre hjem", position: try at(east: 150), source: "test"),
        ]
        let context = AssessmentContext(
            policy: policy, sites: sites, venues: [], penaltyPoints: [], complaints: [], zones: nil,
            today: try LocalDate(iso: "2026-11-22"))
        // When the map and the statement are made
        let map = try #require(StatementMap.gather(hearing: hearing, context: context))
        let assessment = Assessor.assess(hearing, context: context)
        let view = StatementComposer.view(
            hearing: hearing, assessment: assessment, policy: policy,
            options: StatementOptions(outcome: .noRemarks, date: try LocalDate(iso: "2026-11-22")), mapSVG: map.svg())
        // Then the key is the table, number for number
        #expect(view.sites.map(\.name) == ["Ila skole", "Bislett barnehage", "(navn utelatt)"])
        #expect(map.key.map(\.number) == view.sites.map(\.number))
        #expect(map.key.map(\.name) == view.sites.map(\.name))
        #expect(map.key.map(\.kind) == view.sites.map(\.category))
        #expect(map.key.map(\.distance) == view.sites.map(\.distance))
    }

    @Test func textReadsAtPrintSize() throws {
        let map = Self.crowdedMap()
        var roads = map
        roads.roads = [
            Road(name: "Thereses gate", lines: [[Self.at(north: -400, east: 5), Self.at(north: 400, east: 5)]])
        ]
        // The .docx prints the map 15 cm wide: a font of f map pixels prints at f × printed width / map width.
        #expect(abs(StatementMap.printedWidth - 15 / 2.54 * 96) < 0.01)
        for svg in [map.svg(), roads.svg()] {
            let (width, _) = try Self.viewBox(svg)
            let sizes = svg.matches(of: try Regex(#"font-size="([0-9.]+)""#)).compactMap {
                Double($0.output[1].substring ?? "")
            }
            #expect(!sizes.isEmpty)
            for size in sizes { #expect(size * StatementMap.printedWidth / width >= 11, "font-size \(size)") }
        }
    }

    static func at(north: Double, east: Double) -> GeoPoint { Fixtures.offset(center, north: north, east: east) }

    @Test func roadsAreClippedToTheFrameAndDrawnBeforeEverythingElse() throws {
        var map = Self.crowdedMap()
        map.roads = [
            // Right across the map, far beyond the frame at both ends.
            Road(
                name: "Ullevålsveien", lines: [[Self.at(north: -2_000, east: -60), Self.at(north: 2_000, east: -60)]]),
            // In and out of the frame twice.
            Road(
                name: "Kirkeveien",
                lines: [
                    [
                        Self.at(north: 200, east: -900), Self.at(north: 200, east: 0), Self.at(north: 900, east: 100),
                        Self.at(north: 250, east: 200), Self.at(north: 250, east: 900),
                    ]
                ]),
            // Wholly outside.
            Road(name: "Langt unna", lines: [[Self.at(north: 3_000, east: 0), Self.at(north: 3_100, east: 0)]]),
        ]
        let svg = map.svg()
        let group = try #require(svg.range(of: "<g class=\"veger\""))
        // Under the rings, the markers and the venue applied for.
        let firstCircle = try #require(svg.range(of: "<circle"))
        let firstMarker = try #require(svg.range(of: "<rect x=\"", range: group.upperBound..<svg.endIndex))
        #expect(group.lowerBound < firstCircle.lowerBound && group.lowerBound < firstMarker.lowerBound)
        let end = try #require(svg.range(of: "</g>", range: group.upperBound..<svg.endIndex))
        let paths = svg[group.upperBound..<end.lowerBound].matches(of: try Regex(#"<path d="([^"]+)"/>"#))
            .map { String($0.output[1].substring ?? "") }
        #expect(paths.count == 3, "one run across, two runs of the road that leaves and comes back: \(paths)")
        let numbers = paths.flatMap { $0.split(separator: " ").compactMap { Double($0) } }
        #expect(numbers.allSatisfy { (0...map.size).contains($0) })
        // Clipped at the frame's edges, not at the last point inside.
        #expect(numbers.contains(0) && numbers.contains(map.size))
        #expect(!svg.contains("Langt unna"))
        // The longer roads are named along their lines; the legend shows what the grey lines are.
        #expect(try Self.texts(svg, class: "vegnavn").map(\.text).contains("Ullevålsveien"))
        #expect(svg.contains(">veg</text>"))
    }

    @Test func withoutRoadsTheMapHasNoRoadLayer() {
        let svg = Self.crowdedMap().svg()
        #expect(!svg.contains("class=\"veger\"") && !svg.contains(">veg</text>"))
    }

    @Test func theFrameHoldsEverythingTheMapShows() {
        let map = Self.crowdedMap()
        let frame = map.frame
        // The frame reaches past the largest ring (300 m) to the map's edge, and no further than it needs.
        let east = LocalDistance.metres(map.center, GeoPoint(latitude: map.center.latitude, longitude: frame.east))
        let north = LocalDistance.metres(map.center, GeoPoint(latitude: frame.north, longitude: map.center.longitude))
        let expected = 300 * 1.12 * 320 / 296
        #expect(abs(east - expected) < 1 && abs(north - expected) < 1)
    }
}
