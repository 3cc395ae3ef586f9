import Foundation
import SkjenkApp
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// A register upload from any channel: stored whole, or refused with nothing changed.
@Suite struct RegisterDeskTests {
    static let csv = """
        kategori,navn,adresse,lat,lon
        skole,Bislett skole,Pilestredet 1,59.925,10.733
        barnehage,Bislett barnehage,Pilestredet 2,59.926,10.734
        kirke,Ukjent kategori,Pilestredet 3,59.927,10.735
        """

    @Test(arguments: StoreEngine.all) func anAcceptedFileReplacesItsSourceAndSaysWhatItSkipped(
        engine: StoreEngine
    ) async throws {
        let store = try await engine.store()
        let outcome = try await RegisterDesk.upload(
            .sites, data: Data(Self.csv.utf8), fileName: "skoler.csv", store: store, actor: Fixtures.actor)
        #expect(outcome.summary == RegisterSummary(removed: 0, added: 2))
        #expect(outcome.skipped.count == 1 && outcome.refusal == nil)
        #expect(
            outcome.receipt
                == "skoler.csv: 2 steder lagt inn fra kilden «skoler.csv» (0 fra forrige import erstattet); 1 rad hoppet over.")
        #expect(try await store.sites().map(\.name) == ["Bislett barnehage", "Bislett skole"])
    }

    @Test(arguments: StoreEngine.all) func aRejectedOrEmptyFileChangesNothing(engine: StoreEngine) async throws {
        let store = try await engine.store()
        _ = try await RegisterDesk.upload(
            .sites, data: Data(Self.csv.utf8), fileName: "skoler.csv", store: store, actor: Fixtures.actor)

        // Not CSV at all (no columns it knows), only unusable rows, and a file that cannot be read
        let broken = try await RegisterDesk.upload(
            .sites, data: Data("bare tekst\n".utf8), fileName: "skoler.csv", store: store, actor: Fixtures.actor)
        let empty = try await RegisterDesk.upload(
            .sites, data: Data("kategori,navn,adresse,lat,lon\nkirke,X,Y,59.9,10.7\n".utf8), fileName: "skoler.csv",
            store: store, actor: Fixtures.actor)
        let missing = try await RegisterDesk.upload(
            .sites, contentsOf: URL(fileURLWithPath: "/finnes/ikke.csv"), displayName: "ikke.csv", store: store,
            actor: Fixtures.actor)

        #expect(broken.summary == nil && !broken.errors.isEmpty)
        #expect(broken.refusal == "skoler.csv: avvist, ingenting er endret")
        #expect(empty.summary == nil && empty.refusal == "skoler.csv: ingen brukbare rader; ingenting er endret")
        #expect(missing.summary == nil && missing.errors.map(\.message) == ["filen finnes ikke eller kan ikke leses"])
        #expect(try await store.sites().count == 2)
        #expect(try await store.registerSources().map(\.entries) == [2])
    }

    /// A road file with one bad road is refused whole: the register keeps the roads it had.
    @Test(arguments: StoreEngine.all) func aRoadFileWithABadRoadChangesNothing(engine: StoreEngine) async throws {
        let store = try await engine.store()
        let sample = try Data(contentsOf: Fixtures.sample("registers/veger.geojson"))
        let stored = try await RegisterDesk.upload(
            .roads, data: sample, fileName: "veger.geojson", store: store, actor: Fixtures.actor)
        #expect(stored.receipt == "veger.geojson: 9 veger lagt inn fra kilden «veger.geojson» (0 fra forrige import erstattet); 0 rader hoppet over.")
        let everywhere = GeoBounds(south: 59.8, west: 10.6, north: 60.0, east: 10.9)
        let before = try await store.roads(intersecting: everywhere)
        #expect(before.count == 9)

        // The sample with its last road turned into a point
        let text = String(decoding: sample, as: UTF8.self)
        let broken = text.replacingOccurrences(
            of: #"{"type": "LineString", "coordinates": [[10.742, 59.927], [10.744, 59.928]]}"#,
            with: #"{"type": "Point", "coordinates": [10.742, 59.927]}"#)
        #expect(broken != text)
        let refused = try await RegisterDesk.upload(
            .roads, data: Data(broken.utf8), fileName: "veger.geojson", store: store, actor: Fixtures.actor)
        #expect(refused.summary == nil && refused.refusal == "veger.geojson: avvist, ingenting er endret")
        #expect(
            refused.errors.map(\.description) == [
                "veger.geojson:13:1: veg nr. 9: geometrien er Point; bruk LineString eller MultiLineString"
            ])
        #expect(try await store.roads(intersecting: everywhere) == before)
        #expect(try await store.registerSources().map(\.entries) == [9])
    }
}
