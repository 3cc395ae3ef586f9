import Foundation
import SkjenkCore
import Testing

/// Factor keys are an enum in code and the same strings as before everywhere they leave it:
/// `skjenk assess --json`, stored assessments and the assessment digest.
@Suite struct FactorKeyTests {
    @Test func theRawValuesAreTheKeysTheOutputsCarry() {
        #expect(
            FactorKey.allCases.map(\.rawValue) == [
                "children", "vulnerable", "neighbours", "hours", "density", "concept", "complaints", "points",
                "saleHours",
            ])
    }

    @Test func aFactorEncodesItsKeyAsTheString() throws {
        let factor = Factor(key: .saleHours, criterion: .character, score: 2, explanation: "", evidence: [])
        let object = try #require(
            JSONSerialization.jsonObject(with: JSONEncoder().encode(factor)) as? [String: Any])
        #expect(object["key"] as? String == "saleHours")
        let decoded = try JSONDecoder().decode(Factor.self, from: JSONEncoder().encode(factor))
        #expect(decoded.key == .saleHours)
    }

    @Test func onlyTheHoursFactorsAreHours() {
        #expect(FactorKey.allCases.filter(\.isHours) == [.hours, .saleHours])
    }
}
