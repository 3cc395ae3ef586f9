import Foundation
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

@Suite struct RegisterStoreTests {
    private func site(_ name: String, _ category: SiteCategory, source: String) throws -> Site {
        Site(
            category: category, name: name, address: "Gate 1", position: try .wgs84(latitude: 59.93, longitude: 10.74),
            source: source)
    }

    @Test(arguments: StoreEngine.all) func anImportReplacesOnlyItsOwnSource(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let actor = Fixtures.actor
        _ = try await store.replaceSites(
            [
                try site("Skole A", .school, source: "skoler"),
                try site("Skole B", .school, source: "skoler"),
            ], source: "skoler", actor: actor)
        _ = try await store.replaceSites(
            [try site("Barnehage A", .kindergarten, source: "barnehager")],
            source: "barnehager", actor: actor)
        let summary = try await store.replaceSites(
            [try site("Skole C", .school, source: "skoler")], source: "skoler",
            actor: actor)
        #expect(summary == RegisterSummary(removed: 2, added: 1))
        #expect(try await store.sites().map(\.name) == ["Barnehage A", "Skole C"])
        let sources = try await store.registerSources()
        #expect(sources.map(\.source) == ["barnehager", "skoler"])
        #expect(sources.map(\.entries) == [1, 1])
        #expect(sources.allSatisfy { $0.importedBy == "testbruker" && $0.importedAt == FixedClock().now })
        let audit = try await store.auditTrail(for: nil, limit: 10)
        #expect(audit.first?.action == "register.replaced")
        #expect(audit.first?.detail == "2 fjernet, 1 lagt inn")
    }

    /// Issue 15: a whole-list register (points, addresses, zones) reports how many entries it
    /// replaced, not how many import records it cleared.
    @Test(arguments: StoreEngine.all) func aWholeListImportCountsTheEntriesItReplaced(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let actor = Fixtures.actor
        func points(_ n: Int) throws -> [PenaltyPoints] {
            try (0..<n).map {
                PenaltyPoints(
                    date: try LocalDate(iso: "2026-0\($0 % 9 + 1)-01"), organisationNumber: Fixtures.organisationNumber($0),
                    venueName: "Sted \($0)", points: 2, reason: "Brudd")
            }
        }
        _ = try await store.replacePenaltyPoints(try points(3), source: "prikker-mars.csv", actor: actor)
        let second = try await store.replacePenaltyPoints(try points(5), source: "prikker-mai.csv", actor: actor)
        #expect(second == RegisterSummary(removed: 3, added: 5))
        let zone = ZoneArea(
            zone: .centre,
            rings: [[
                GeoPoint(latitude: 59.92, longitude: 10.72), GeoPoint(latitude: 59.92, longitude: 10.74),
                GeoPoint(latitude: 59.93, longitude: 10.74),
            ]])
        _ = try await store.replaceZones([zone, zone], source: "soner-1.geojson", actor: actor)
        #expect(try await store.replaceZones([zone], source: "soner-2.geojson", actor: actor) == RegisterSummary(removed: 2, added: 1))
    }

    @Test(arguments: StoreEngine.all) func sitesKeepTheirOpeningHours(engine: StoreEngine) async throws {
        let store = try await engine.store()
        var kindergarten = try site("Barnehage A", .kindergarten, source: "barnehager")
        kindergarten.openingHours = try WeeklyHours(parsing: "man-fre 07.00-17.00; loer 10:00-14:00")
        var shelter = try site("Natthjem", .treatment, source: "barnehager")
        shelter.openingHours = try WeeklyHours(parsing: "hele døgnet")
        let unknown = try site("Skole B", .school, source: "barnehager")
        _ = try await store.replaceSites([kindergarten, shelter, unknown], source: "barnehager", actor: Fixtures.actor)
        let stored = try await store.sites()
        #expect(stored == [kindergarten, shelter, unknown])
        #expect(stored.map(\.openingHours?.text) == ["man-fre 07:00-17:00; loer 10:00-14:00", "alle 00:00-00:00", nil])
    }

    @Test(arguments: StoreEngine.all) func venuesKeepEveryField(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let venue = LicensedVenue(
            name: "Pub Bislett", organisationNumber: try OrganisationNumber("974760673"), address: "Pilestredet 63",
            permitType: .serving, indoorClosing: "02:00", outdoorClosing: "23:00", holderName: "Bislett Pubdrift AS",
            registerId: "40100", position: try Position(srid: .utm32, x: 597_000, y: 6_643_600), source: "kart")
        _ = try await store.replaceVenues([venue], source: "kart", actor: Fixtures.actor)
        #expect(try await store.licensedVenues() == [venue])
    }

    /// The road register is replaced whole, and a map reads only the roads that meet its frame.
    @Test(arguments: StoreEngine.all) func roadsAreReplacedWholeAndReadByTheirBox(engine: StoreEngine) async throws {
        let store = try await engine.store()
        func road(_ name: String?, _ points: [(Double, Double)]...) -> Road {
            Road(name: name, lines: points.map { $0.map { GeoPoint(latitude: $0.0, longitude: $0.1) } })
        }
        let thereses = road("Thereses gate", [(59.925, 10.733), (59.930, 10.7335)])
        // Crosses the frame without a point inside it: its box meets the frame.
        let kirkeveien = road("Kirkeveien", [(59.9270, 10.700), (59.9275, 10.760)], [(59.9275, 10.760), (59.93, 10.77)])
        let path = road(nil, [(59.9265, 10.7320), (59.9268, 10.7325)])
        let far = road("Trondheimsveien", [(59.920, 10.770), (59.925, 10.790)])
        let first = try await store.replaceRoads([thereses, kirkeveien, path, far], source: "veger-1.geojson", actor: Fixtures.actor)
        #expect(first == RegisterSummary(removed: 0, added: 4))
        let frame = GeoBounds(south: 59.926, west: 10.730, north: 59.928, east: 10.736)
        #expect(try await store.roads(intersecting: frame) == [thereses, kirkeveien, path])
        #expect(try await store.roads(intersecting: GeoBounds(south: 60.5, west: 10, north: 60.6, east: 10.1)).isEmpty)

        let second = try await store.replaceRoads([far], source: "veger-2.geojson", actor: Fixtures.actor)
        #expect(second == RegisterSummary(removed: 4, added: 1))
        #expect(try await store.roads(intersecting: frame).isEmpty)
        #expect(try await store.roads(intersecting: far.bounds) == [far])
        let sources = try await store.registerSources()
        #expect(sources.map(\.kind) == [.roads] && sources.map(\.source) == ["veger-2.geojson"])
        #expect(try await store.auditTrail(for: nil, limit: 1).first?.detail == "4 fjernet, 1 lagt inn")
    }
}
