import Foundation
import SkjenkCore
import SkjenkImport
import SkjenkTestSupport
import Testing

@Suite struct PolicyReaderTests {
    @Test func readsTheSamplePolicy() throws {
        let policy = try PolicyReader().read(contentsOf: Fixtures.sample("policy.yaml")).get()
        #expect(policy.defaultZone == .residential)
        #expect(policy.distances[.school] == Policy.DistanceBands(high: 100, medium: 300))
        #expect(policy.distances[.sports] == Policy.DistanceBands(high: 50, medium: 150))
        #expect(
            policy.zoneNorms[.residential]
                == Policy.ZoneNorm(indoor: try TimeOfDay("01:00"), outdoor: try TimeOfDay("22:00")))
        #expect(policy.courtyardClosing == (try TimeOfDay("20:00")))
        #expect(policy.densityRadius == 250 && policy.density == Policy.Thresholds(medium: 8, high: 15))
        #expect(policy.complaintMonths == 24 && policy.recentWeight == 1.5)
        #expect(policy.penaltyPoints == Policy.Thresholds(medium: 4, high: 8))
        #expect(policy.weights[.location] == 3 && policy.weights.count == 5)
        #expect(policy.goals[.location]?.contains("barn og unge") == true)
        #expect(policy.largestSiteRadius == 300)
        #expect(policy.levels == Policy.Thresholds(medium: 4, high: 12))
    }

    @Test func reportsEveryProblemWithItsPosition() throws {
        var text = try String(contentsOf: Fixtures.sample("policy.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "skole:             { hoy: 100, middels: 300 }",
            with: "skole:             { hoy: 100, middels: tre hundre }")
        text = text.replacingOccurrences(of: "  radius: 250\n", with: "  radius: 250\n  radijs: 300\n")
        text = text.replacingOccurrences(
            of: "boligomraade:    { inne: \"01:00\", ute: \"22:00\" }",
            with: "boligomraade:    { inne: \"25:00\", ute: \"22:00\" }")
        text = text.replacingOccurrences(of: "standardsone: boligomraade", with: "standardsone: forstad")
        let result = PolicyReader().read(data: Data(text.utf8), fileName: "policy.yaml")
        guard case .failure(let errors) = result else {
            Issue.record("the broken policy was accepted")
            return
        }
        #expect(
            errors.diagnostics.map(\.description) == [
                "policy.yaml:9:15: standardsone: ukjent sone «forstad»; bruk indre-sentrum, sentrum, boligomraade, utenfor-sentrum",
                "policy.yaml:14:43: avstander.skole.middels: ventet et tall fra 0 til 100000, fant «tre hundre»",
                "policy.yaml:26:28: soner.boligomraade.inne: ventet et klokkeslett som \"01:00\", fant «25:00»",
                "policy.yaml:40:3: tetthet: ukjent nøkkel «radijs»; tillatte nøkler: radius, middels, hoy",
            ])
    }

    @Test func refusesBrokenYAMLAndMissingKeys() {
        guard case .failure(let broken) = PolicyReader().read(data: Data("avstander: [1, 2\n".utf8), fileName: "p.yaml")
        else {
            Issue.record("accepted")
            return
        }
        #expect(broken.diagnostics.first?.description.hasPrefix("p.yaml:2:1: ugyldig YAML") == true, "\(broken)")
        guard
            case .failure(let missing) = PolicyReader().read(
                data: Data("versjon: 1\nstandardsone: sentrum\n".utf8),
                fileName: "p.yaml")
        else {
            Issue.record("accepted")
            return
        }
        #expect(missing.diagnostics.contains { $0.message == "avstander mangler" })
        #expect(missing.diagnostics.contains { $0.message == "maal mangler" })
    }
}
