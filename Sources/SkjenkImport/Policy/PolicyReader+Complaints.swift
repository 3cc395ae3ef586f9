import Foundation
import SkjenkCore
import Yams

/// `klager` and `prikker`: how the district's complaints and Næringsetaten's penalty points weigh,
/// and how complaints are followed up.
extension PolicyNodeReader {
    /// What `klager` holds: the counting of complaints, follow-up days and duplicate detection.
    struct ComplaintSection {
        var months: Int
        var radius: Double
        var thresholds: Policy.Thresholds
        var recentMonths: Int
        var recentWeight: Double
        var firstResponseDays: Int
        var followUpDays: Int
        /// Optional, with defaults in `Policy`: files written before duplicate detection still read.
        var duplicateDistance: Double?
        var duplicateDays: Int?
        var venueLinkDistance: Double?
    }

    /// `klager`: every key required except the duplicate and link distances.
    mutating func complaints(_ top: [String: Node], _ root: Node) -> ComplaintSection? {
        guard let node = required(top, "klager", in: root),
            let fields = mapping(
                node, "klager",
                keys: [
                    "maaneder", "radius", "middels", "hoy", "siste_maaneder", "vekt_siste", "forste_svar_dager",
                    "oppfoelging_dager", "duplikat_avstand", "duplikat_dager", "kobling_avstand",
                ])
        else { return nil }
        let months = required(fields, "maaneder", in: node, path: "klager").flatMap {
            integer($0, "klager.maaneder", in: 1...120)
        }
        let radius = required(fields, "radius", in: node, path: "klager").flatMap {
            metres($0, "klager.radius")
        }
        let counts = thresholds(fields, node, "klager")
        let recentMonths = required(fields, "siste_maaneder", in: node, path: "klager").flatMap {
            integer($0, "klager.siste_maaneder", in: 0...120)
        }
        let recentWeight = required(fields, "vekt_siste", in: node, path: "klager").flatMap {
            number($0, "klager.vekt_siste", in: 0...10)
        }
        let firstResponseDays = required(fields, "forste_svar_dager", in: node, path: "klager").flatMap {
            integer($0, "klager.forste_svar_dager", in: 0...365)
        }
        let followUpDays = required(fields, "oppfoelging_dager", in: node, path: "klager").flatMap {
            integer($0, "klager.oppfoelging_dager", in: 0...365)
        }
        let duplicateDistance = fields["duplikat_avstand"].flatMap { metres($0, "klager.duplikat_avstand") }
        let duplicateDays = fields["duplikat_dager"].flatMap { integer($0, "klager.duplikat_dager", in: 0...365) }
        let venueLinkDistance = fields["kobling_avstand"].flatMap { metres($0, "klager.kobling_avstand") }
        guard let months, let radius, let counts, let recentMonths, let recentWeight, let firstResponseDays,
            let followUpDays
        else { return nil }
        return ComplaintSection(
            months: months, radius: radius, thresholds: counts, recentMonths: recentMonths,
            recentWeight: recentWeight, firstResponseDays: firstResponseDays, followUpDays: followUpDays,
            duplicateDistance: duplicateDistance, duplicateDays: duplicateDays, venueLinkDistance: venueLinkDistance)
    }

    /// `prikker`: the points within two years that weigh medium and high (alkoholforskriften kapittel 10).
    mutating func penaltyPoints(_ top: [String: Node], _ root: Node) -> Policy.Thresholds? {
        guard let node = required(top, "prikker", in: root),
            let fields = mapping(node, "prikker", keys: ["middels", "hoy"])
        else { return nil }
        return thresholds(fields, node, "prikker")
    }
}
