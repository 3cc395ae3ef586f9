import Foundation
import SkjenkTestSupport
import Testing

@Suite struct RegisterCommandTests {
    @Test func importsTheSampleRegistersAndListsThem() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        for file in ["skoler.csv", "barnehager.geojson", "ungdom-og-behandling.csv", "idrett.geojson"] {
            let result = try cli.run("sites", "import", "Samples/registers/\(file)")
            #expect(result.status == 0, "\(file): \(result.output)")
        }
        let venues = try cli.run(
            "venues", "import", "Samples/registers/skjenkebevillinger-kart.geojson", "--source", "kart")
        #expect(venues.stdout.contains("20 steder lagt inn fra kilden «kart»"))
        let sites = try cli.run("sites", "list", "--json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(sites.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 22)
        let hours = Dictionary(
            list.map { ($0["name"] as? String ?? "", $0["openingHours"] as? String) }, uniquingKeysWith: { a, _ in a })
        #expect(hours["Bolteløkka barnehage"] == "man-fre 07:00-17:00")
        #expect(hours["Bolteløkka skole"] == "man-fre 08:00-16:00")
        #expect(hours["Ila skole"] == .some(nil))
        let table = try cli.run("sites", "list")
        #expect(table.stdout.contains("Åpningstid"))
        #expect(table.stdout.contains("hverdager kl. 07.00–17.00"))
        let listed = try cli.run("venues", "list", "--json")
        // The permit holder can be a private person: never in the list.
        #expect(!listed.stdout.contains("Anne Hegdal"))
        #expect(listed.stdout.contains("Hegdehaugen Brasserie"))
    }

    @Test func aBrokenRegisterChangesNothing() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run("sites", "import", "Samples/registers/skoler.csv", "--source", "skoler")
        let before = try cli.run("sites", "list", "--json").stdout
        for file in ["ikke-json.geojson", "mangler-kolonne.csv", "uavsluttet-anfoerselstegn.csv", "latin1.csv"] {
            let result = try cli.run("sites", "import", "Samples/registers-broken/\(file)", "--source", "skoler")
            #expect(result.status == 1, "\(file)")
            #expect(result.stderr.contains("Samples/registers-broken/\(file):"))
            #expect(result.stderr.contains("avvist, ingenting er endret"))
        }
        #expect(try cli.run("sites", "list", "--json").stdout == before)
        let partly = try cli.run("sites", "import", "Samples/registers-broken/rader-med-feil.csv", "--source", "skoler")
        #expect(partly.status == 0)
        #expect(
            partly.stderr.contains("Samples/registers-broken/rader-med-feil.csv:3:1: advarsel: raden er hoppet over"))
        #expect(
            partly.stdout.contains(
                "2 steder lagt inn fra kilden «skoler» (6 fra forrige import erstattet); 4 rader hoppet over"))
    }

    @Test func importsTheRoadRegisterWholeOrNotAtAll() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let roads = try cli.run("roads", "import", "Samples/registers/veger.geojson")
        #expect(roads.status == 0, "\(roads.output)")
        #expect(roads.stdout.contains("9 veger lagt inn fra kilden «veger.geojson» (0 fra forrige import erstattet)"))
        let file = cli.folder.appendingPathComponent("punkter.geojson")
        try Data(
            """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "Torget"}, "geometry": {"type": "Point", "coordinates": [10.73, 59.92]}}
            ]}
            """.utf8
        ).write(to: file)
        let refused = try cli.run("roads", "import", file.path)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "punkter.geojson:2:1: vegen «Torget»: geometrien er Point; bruk LineString eller MultiLineString"))
        #expect(refused.stderr.contains("avvist, ingenting er endret"))
    }

    @Test func epsgOptionAppliesToUTMColumns() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        let file = cli.folder.appendingPathComponent("utm.csv")
        try Data("kategori;navn;oest;nord\nskole;A;597204.7;6644513.6\n".utf8).write(to: file)
        #expect(try cli.run("sites", "import", file.path).status == 1)
        #expect(try cli.run("sites", "import", file.path, "--epsg", "25832").status == 0)
        #expect(try cli.run("sites", "import", file.path, "--epsg", "4326").status == 2)
    }
}

@Suite struct PointsCommandTests {
    @Test func importedPointsReachTheAssessment() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings").map(\.path))
        let before = try cli.run("assess", "26/5110", "--policy", "Samples/policy.yaml", "--today", "2026-11-22")
        #expect(before.stdout.contains("Bydelen har ikke Næringsetatens oversikt over prikker"))
        let imported = try cli.run("points", "import", "Samples/registers/prikker.csv")
        #expect(imported.status == 0, "\(imported.stderr)")
        let after = try cli.run("assess", "26/5110", "--policy", "Samples/policy.yaml", "--today", "2026-11-22")
        #expect(after.stdout.contains("har fått seks prikker de siste to årene"))
        let owner = try cli.run("assess", "2026/05107", "--policy", "Samples/policy.yaml", "--today", "2026-11-22")
        #expect(owner.stdout.contains("Prikker som den tidligere bevillingshaveren fikk på stedet, teller ikke for ny eier"))
    }
}
