import Foundation
import SkjenkCore
import Yams

/// `tetthet`: the radius licensed venues are counted within, and how the count is judged.
extension PolicyNodeReader {
    /// `tetthet`: the radius (metres) and the rule, both required.
    mutating func density(_ top: [String: Node], _ root: Node) -> (radius: Double, rule: Policy.DensityRule)? {
        guard let node = required(top, "tetthet", in: root),
            let fields = mapping(
                node, "tetthet", keys: ["radius", "maate", "middels", "hoy", "middels_persentil", "hoy_persentil"])
        else { return nil }
        let radius = required(fields, "radius", in: node, path: "tetthet").flatMap {
            metres($0, "tetthet.radius")
        }
        let rule = densityRule(fields, node)
        guard let radius, let rule else { return nil }
        return (radius, rule)
    }

    /// `tetthet`: `maate: relativ` with percentiles of the district's own venues, or `absolutt`
    /// with counts.
    mutating func densityRule(_ fields: [String: Node], _ node: Node) -> Policy.DensityRule? {
        let mode = fields["maate"].flatMap { scalar($0, "tetthet.maate") } ?? "absolutt"
        switch mode {
        case "absolutt":
            return thresholds(fields, node, "tetthet").map { .absolute($0) }
        case "relativ":
            guard
                let medium = required(fields, "middels_persentil", in: node, path: "tetthet").flatMap({
                    number($0, "tetthet.middels_persentil", in: 1...100)
                }),
                let high = required(fields, "hoy_persentil", in: node, path: "tetthet").flatMap({
                    number($0, "tetthet.hoy_persentil", in: 1...100)
                })
            else { return nil }
            if high < medium {
                report(node, "tetthet: hoy_persentil (\(Int(high))) kan ikke være mindre enn middels_persentil")
            }
            return .relative(mediumPercentile: medium, highPercentile: high)
        default:
            report(fields["maate"]!, "tetthet.maate: ventet «relativ» eller «absolutt», fant «\(mode)»")
            return nil
        }
    }
}
