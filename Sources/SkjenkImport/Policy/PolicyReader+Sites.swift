import Foundation
import SkjenkCore
import Yams

/// `avstander` and `aapningstider_steder`: how near sensitive sites weigh, and when they are open.
extension PolicyNodeReader {
    /// `avstander`: the distance bands for every site category, `hoy` no larger than `middels`.
    mutating func distanceBands(_ top: [String: Node], _ root: Node) -> [SiteCategory: Policy.DistanceBands] {
        var distances: [SiteCategory: Policy.DistanceBands] = [:]
        guard let node = required(top, "avstander", in: root),
            let table = mapping(node, "avstander", keys: SiteCategory.allCases.map(\.code))
        else { return distances }
        for category in SiteCategory.allCases {
            guard let bands = required(table, category.code, in: node, path: "avstander"),
                let fields = mapping(bands, "avstander.\(category.code)", keys: ["hoy", "middels"]),
                let high = fields["hoy"].flatMap({ metres($0, "avstander.\(category.code).hoy") }),
                let medium = fields["middels"].flatMap({ metres($0, "avstander.\(category.code).middels") })
            else { continue }
            if medium < high {
                report(
                    bands,
                    "avstander.\(category.code): middels (\(Int(medium)) m) kan ikke være mindre enn hoy (\(Int(high)) m)"
                )
            }
            distances[category] = Policy.DistanceBands(high: high, medium: medium)
        }
        return distances
    }

    /// `aapningstider_steder`: a site kind's ordinary hours, e.g. `skole: "man-fre 08:00-16:00"`.
    mutating func siteOpeningHours(_ node: Node) -> [SiteCategory: WeeklyHours] {
        var result: [SiteCategory: WeeklyHours] = [:]
        guard let table = mapping(node, "aapningstider_steder", keys: SiteCategory.allCases.map(\.code)) else {
            return result
        }
        for category in SiteCategory.allCases {
            guard let entry = table[category.code], let text = scalar(entry, "aapningstider_steder.\(category.code)")
            else { continue }
            do {
                result[category] = try WeeklyHours(parsing: text)
            } catch {
                report(entry, "aapningstider_steder.\(category.code): \(error.message)")
            }
        }
        return result
    }
}
