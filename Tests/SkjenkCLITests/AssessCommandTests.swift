import Foundation
import SkjenkTestSupport
import Testing

@Suite struct AssessCommandTests {
    @Test func assessesAHearingFromTheSamples() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run(["import"] + Fixtures.sampleFiles(in: "hearings").map(\.path))
        for file in ["skoler.csv", "barnehager.geojson", "ungdom-og-behandling.csv", "idrett.geojson"] {
            try cli.run("sites", "import", "Samples/registers/\(file)")
        }
        try cli.run("venues", "import", "Samples/registers/skjenkebevillinger-kart.geojson")
        let result = try cli.run("assess", "2026/05231", "--policy", "Samples/policy.yaml", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["caseNumber"] as? String == "2026/05231")
        #expect(["lav", "middels", "høy"].contains(object["level"] as? String ?? ""))
        let factors = try #require(object["factors"] as? [[String: Any]])
        #expect(
            Set(factors.compactMap { $0["key"] as? String })
                == ["children", "vulnerable", "neighbours", "hours", "density", "concept", "complaints", "points"])
        #expect(factors.allSatisfy { $0["criterion"] is String && $0["score"] is Int && $0["explanation"] is String })
        // Each factor quotes the action-plan goal of its criterion from the policy.
        #expect(
            factors.first { $0["key"] as? String == "children" }?["goal"] as? String
                == "Forebyggende arbeid rettet mot barn og unge: færre unge debuterer tidlig med alkohol.")
        let sites = try #require(object["nearbySites"] as? [[String: Any]])
        let distances = sites.compactMap { $0["distanceMeters"] as? Double }
        #expect(!distances.isEmpty && distances == distances.sorted())
        let density = try #require(object["venueDensity"] as? [String: Any])
        #expect(density["radiusMeters"] as? Double == 250)
        let complaints = try #require(object["complaints"] as? [String: Any])
        #expect(complaints["total"] as? Int == 0 && complaints["byCategory"] is [String: Any])
        #expect((object["uncertainties"] as? [String])?.contains { $0.contains("Næringsetatens oversikt over prikker") } == true)

        let all = try cli.run("assess", "--all", "--policy", "Samples/policy.yaml", "--json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 14)

        let text = try cli.run("assess", "2026/05231", "--policy", "Samples/policy.yaml")
        #expect(text.stdout.contains("Sak 2026/05231: Nattklubben Underetasjen – risiko"))
        #expect(text.stdout.contains("Samlet vurdering:"))
        #expect(text.stdout.contains("Forslag til konklusjon: går imot"))
        #expect(text.stdout.contains("avslag på skjenking inne etter kl. 00.30"))
    }

    @Test func aBrokenOrMissingPolicyStopsTheAssessment() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run("import", "Samples/hearings/2026-uke45.xml")
        let missing = try cli.run("assess", "2026/05101", "--policy", "finnes-ikke.yaml")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("fant ikke policyfilen finnes-ikke.yaml"))
        let broken = cli.folder.appendingPathComponent("policy.yaml")
        try Data("versjon: 2\nstandardsone: forstad\n".utf8).write(to: broken)
        let result = try cli.run("assess", "2026/05101", "--policy", broken.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(broken.path):2:15: standardsone: ukjent sone «forstad»"))
        #expect(try cli.run("assess", "--policy", broken.path).status == 2)
    }
}

@Suite struct GeocodingCommandTests {
    @Test func aHearingWithoutPositionIsPlacedByItsAddress() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run("import", "Samples/hearings/2026-uke46.xml")
        let before = try cli.run("assess", "2026/05240", "--policy", "Samples/policy.yaml")
        #expect(before.stdout.contains("bydelen har ikke kartgrunnlag for adressen"))
        #expect(try cli.run("addresses", "import", "Samples/registers/adresser-utdrag.csv").status == 0)
        try cli.run("venues", "import", "Samples/registers/skjenkebevillinger-kart.geojson")
        let after = try cli.run("assess", "2026/05240", "--policy", "Samples/policy.yaml", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect(
            (object["uncertainties"] as? [String])?.contains {
                $0.contains("bydelen har plassert stedet etter adressen (Pilestredet 105, 0358)")
            } == true)
        #expect(object["venueDensity"] is [String: Any])
    }
}

@Suite struct ZonesCommandTests {
    @Test func zonesFromTheRegisterReachTheAssessment() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try cli.run("import", "Samples/hearings/2026-uke46.xml")
        #expect(try cli.run("zones", "import", "Samples/registers/soner.geojson").status == 0)
        let result = try cli.run("assess", "2026/05215", "--policy", "Samples/policy.yaml")
        #expect(
            result.stdout.contains(
                "etter kommunens soneinndeling ligger stedet i boligområde utenfor sentrum (Bolteløkka, Fagerborg, Ila og Adamstuen)"))
        // A shop's sale hours are the law's: no zone is looked up or said to be uncertain.
        let shop = try cli.run("assess", "2026/05220", "--policy", "Samples/policy.yaml")
        #expect(shop.status == 0)
        #expect(!shop.stdout.contains("sone"))
        #expect(try cli.run("zones", "import", "Samples/registers-broken/ikke-json.geojson").status == 1)
    }
}

/// `--policy FOLDER`: the city-wide service's policies, one file per district.
@Suite struct DistrictPolicyCommandTests {
    /// The week's sample hearings again as Sagene's (case numbers 2026/061…, 26/6110-1), beside St. Hanshaugen's.
    func importTwoDistricts(_ cli: CLIHarness) throws {
        let sample = try String(contentsOf: Fixtures.sample("hearings/2026-uke45.xml"), encoding: .utf8)
        let sagene = sample.replacingOccurrences(of: "<saksnummer>2026/051", with: "<saksnummer>2026/061")
            .replacingOccurrences(of: "<saksnummer>26/5110", with: "<saksnummer>26/6110")
            .replacingOccurrences(of: "<bydel>St. Hanshaugen</bydel>", with: "<bydel>Sagene</bydel>")
        let path = cli.folder.appendingPathComponent("sagene.xml")
        try sagene.write(to: path, atomically: true, encoding: .utf8)
        let imported = try cli.run("import", "Samples/hearings/2026-uke45.xml", path.path)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test func everyHearingIsAssessedWithItsDistrictsPolicy() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try importTwoDistricts(cli)
        let folder = try Fixtures.twoDistrictPolicyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let result = try cli.run("assess", "--all", "--json", "--policy", folder.path, "--today", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        var goals: [String: String] = [:]
        var refusesInside: [String: Bool] = [:]
        for object in list {
            let number = try #require(object["caseNumber"] as? String)
            let factors = try #require(object["factors"] as? [[String: Any]])
            goals[number] = factors.first { $0["key"] as? String == "children" }?["goal"] as? String
            refusesInside[number] = (object["refusals"] as? [[String: Any]])?.contains {
                ($0["part"] as? String)?.contains("skjenking inne") == true
            }
        }
        let sagene = goals.keys.filter { $0.contains("/061") || $0.contains("/6110") }
        let hanshaugen = goals.keys.filter { !sagene.contains($0) }
        #expect(list.count == 8 && hanshaugen.count == 4 && sagene.count == 4, "\(goals.keys.sorted())")
        #expect(sagene.allSatisfy { goals[$0] == Fixtures.sageneGoal })
        #expect(hanshaugen.allSatisfy { goals[$0] != nil && goals[$0] != Fixtures.sageneGoal })
        // Serving inside to 01.00 in a residential area: refused after 00.30 by St. Hanshaugen's
        // policy, within Sagene's (closing at 03.30)
        #expect(refusesInside["2026/05101"] == true)
        #expect(refusesInside["2026/06101"] == false)
    }

    @Test func aHearingOfADistrictWithoutAPolicyStopsTheAssessment() throws {
        let cli = try CLIHarness()
        defer { cli.remove() }
        try importTwoDistricts(cli)
        let folder = try Fixtures.policyFolder([
            "st-hanshaugen.yaml": try Fixtures.samplePolicyText(district: "St. Hanshaugen")
        ])
        defer { try? FileManager.default.removeItem(at: folder) }

        let all = try cli.run("assess", "--all", "--json", "--policy", folder.path)
        #expect(all.status == 1)
        #expect(all.stdout.isEmpty)
        #expect(
            all.stderr.contains(
                "skjenk: bydel Sagene har ingen policyfil i mappen \(folder.path) (mappen har policy for "
                    + "St. Hanshaugen)"))
        #expect(all.stderr.contains("ingen vurdering er gjort"))
        // St. Hanshaugen's own hearing is assessed with the folder's one file
        #expect(try cli.run("assess", "2026/05101", "--json", "--policy", folder.path).status == 0)

        // A broken file in the folder is reported with its path and line
        try Data("versjon: 2\nstandardsone: forstad\n".utf8).write(to: folder.appendingPathComponent("sagene.yaml"))
        let broken = try cli.run("assess", "2026/05101", "--policy", folder.path)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("\(folder.path)/sagene.yaml:2:15: standardsone: ukjent sone «forstad»"))
        #expect(broken.stderr.contains("policymappen \(folder.path) har feil; ingen vurdering er gjort"))
    }
}
