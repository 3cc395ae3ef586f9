import Foundation
import SkjenkCore
import Yams

/// `kort_uttalelse` and `open311`: optional choices, read once the rest of the policy holds.
extension PolicyNodeReader {
    /// `kort_uttalelse`: the application kinds that get the short standard statement.
    mutating func shortStatementKinds(_ top: [String: Node]) -> Set<ApplicationType>? {
        top["kort_uttalelse"].map { applicationKinds($0, "kort_uttalelse") }
    }

    /// `open311.les_uten_noekkel`: whether Open311 reads answer without an api_key (true or false).
    mutating func open311ReadWithoutKey(_ top: [String: Node]) -> Bool? {
        guard let node = top["open311"], let fields = mapping(node, "open311", keys: ["les_uten_noekkel"]),
            let flag = fields["les_uten_noekkel"], let text = scalar(flag, "open311.les_uten_noekkel")
        else { return nil }
        switch text {
        case "true", "ja": return true
        case "false", "nei": return false
        default:
            report(flag, "open311.les_uten_noekkel skal være true eller false (fant «\(text)»)")
            return nil
        }
    }

    /// `delegasjon`: what the council has delegated to the director — `organ` (who decides the rest,
    /// default «bydelsutvalget»), `soknadstyper`, `ingen_merknader` (true/false), `sommer` with `fra`
    /// and `til` as "MM-DD", and `vedtak` (the delegation decision, cited in the reason).
    mutating func delegation(_ top: [String: Node]) -> Delegation? {
        guard let node = top["delegasjon"],
            let fields = mapping(
                node, "delegasjon", keys: ["organ", "soknadstyper", "ingen_merknader", "sommer", "vedtak"])
        else { return nil }
        var body = "bydelsutvalget"
        if let value = fields["organ"], let text = scalar(value, "delegasjon.organ") {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if (2...100).contains(trimmed.count) {
                body = trimmed
            } else {
                report(value, "delegasjon.organ: ventet navnet på organet, som «bydelsutvalget»")
            }
        }
        let kinds = fields["soknadstyper"].map { applicationKinds($0, "delegasjon.soknadstyper") } ?? []
        var withoutRemarks = false
        if let value = fields["ingen_merknader"], let text = scalar(value, "delegasjon.ingen_merknader") {
            switch text {
            case "true", "ja": withoutRemarks = true
            case "false", "nei": withoutRemarks = false
            default: report(value, "delegasjon.ingen_merknader skal være true eller false (fant «\(text)»)")
            }
        }
        var summer: (from: DayOfYear, to: DayOfYear)?
        if let value = fields["sommer"], let period = mapping(value, "delegasjon.sommer", keys: ["fra", "til"]) {
            func day(_ key: String) -> DayOfYear? {
                guard let node = period[key] else {
                    report(value, "delegasjon.sommer.\(key) mangler")
                    return nil
                }
                guard let text = scalar(node, "delegasjon.sommer.\(key)") else { return nil }
                guard let day = DayOfYear(text) else {
                    report(node, "delegasjon.sommer.\(key): ventet måned og dag som \"06-20\" (fant «\(text)»)")
                    return nil
                }
                return day
            }
            if let from = day("fra"), let to = day("til") { summer = (from, to) }
        }
        let decision = fields["vedtak"].flatMap { scalar($0, "delegasjon.vedtak") }
        return Delegation(
            body: body, applicationTypes: kinds, withoutRemarks: withoutRemarks, summer: summer, decision: decision)
    }
}
