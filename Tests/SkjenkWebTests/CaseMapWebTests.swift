import Foundation
import Hummingbird
import HummingbirdTesting
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import SkjenkWeb
import Testing

/// The case page's map: roads from the road register under the markers, and the numbered sites
/// listed under the map.
@Suite struct CaseMapWebTests {
    @Test func theMapHasTheUploadedRoadsAndItsKeyUnderIt() async throws {
        let harness = try await WebHarness()
        @Sendable func at(north: Double = 0, east: Double = 0) throws -> Position {
            let point = Fixtures.offset(Fixtures.statementVenue, north: north, east: east)
            return try .wgs84(latitude: point.latitude, longitude: point.longitude)
        }
        try await harness.application().test(.router) { client in
            let kari = Browser(client)
            try await kari.signIn("kari")
            // Without sites or roads: a map with no key and no roads.
            let bare = try await kari.get("/saker/2026/10003")
            #expect(bare.text.contains("<h2>Kart</h2>"))
            #expect(!bare.text.contains("kartnokkel") && !bare.text.contains("class=\"veger\""))

            _ = try await harness.store.replaceSites(
                [
                    Site(category: .kindergarten, name: "Åsen barnehage", position: try at(east: 150), source: "t"),
                    Site(category: .school, name: "Ila skole", position: try at(north: 80), source: "t"),
                ], source: "t", actor: Fixtures.actor)
            let admin = Browser(client)
            try await admin.signIn("admin1")
            let registers = try await admin.get("/registre")
            #expect(registers.text.contains("<label for=\"fil-veger\">Veger til kartet (GeoJSON)</label>"))
            let upload = try await admin.upload(
                "/registre/veger", fileName: "veger.geojson",
                data: Data(contentsOf: Fixtures.sample("registers/veger.geojson")))
            #expect(upload.text.contains("veger.geojson: 9 veger lagt inn"), "\(upload.text.prefix(800))")
            #expect(upload.text.contains("<td data-label=\"Register\">veger</td>"))

            let page = try await kari.get("/saker/2026/10003")
            #expect(page.text.contains("<g class=\"veger\""))
            #expect(page.text.contains(">Thereses gate</text>") || page.text.contains(">Ullevålsveien</text>"))
            #expect(
                page.text.contains(
                    "<ol class=\"kartnokkel\"><li value=\"1\">Ila skole (skole), 80 m</li>"
                        + "<li value=\"2\">Åsen barnehage (barnehage), 150 m</li></ol>"))
        }
    }
}
