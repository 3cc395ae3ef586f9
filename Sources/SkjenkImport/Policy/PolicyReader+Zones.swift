import Foundation
import SkjenkCore
import Yams

/// `skjenkestopp_minutter` and `soner`: closing times and serving stops per zone of Oslo's
/// regulation (FOR-2006-05-03-490 § 1).
extension PolicyNodeReader {
    /// `skjenkestopp_minutter`: minutes from serving stop to closing where a zone gives no stop of
    /// its own (30 when not given).
    mutating func servingStopMinutes(_ top: [String: Node]) -> Int? {
        top["skjenkestopp_minutter"].map { integer($0, "skjenkestopp_minutter", in: 0...180) } ?? 30
    }

    /// `soner`: each zone's closing times indoors, outdoors and in a courtyard facing homes, and
    /// its serving stops (given, or `servingStopMinutes` before closing). A serving stop after
    /// closing, or after 03.00 (alkoholloven § 4-4), is refused.
    mutating func zoneTable(
        _ top: [String: Node], _ root: Node, servingStopMinutes: Int
    ) -> [Zone: Policy
        .ZoneHours]
    {
        var result: [Zone: Policy.ZoneHours] = [:]
        guard let node = required(top, "soner", in: root), case .mapping(let entries) = node else {
            if let node = top["soner"] { report(node, "soner: ventet en tabell av nøkler og verdier") }
            return result
        }
        let keys = ["stengt_inne", "stengt_ute", "bakgaard_med_boliger", "skjenkestopp_inne", "skjenkestopp_ute"]
        for (key, entry) in entries {
            let name = key.string ?? ""
            guard let zone = Zone(code: name) else {
                report(key, "soner: ukjent sone «\(name)»; bruk \(Zone.codes.joined(separator: ", "))")
                continue
            }
            let path = "soner.\(name)"
            guard let fields = mapping(entry, path, keys: keys),
                let indoor = required(fields, "stengt_inne", in: entry, path: path).flatMap({
                    time($0, "\(path).stengt_inne")
                }),
                let outdoor = required(fields, "stengt_ute", in: entry, path: path).flatMap({
                    time($0, "\(path).stengt_ute")
                })
            else { continue }
            let courtyard = fields["bakgaard_med_boliger"].flatMap { time($0, "\(path).bakgaard_med_boliger") }
            func stop(_ key: String, closing: TimeOfDay) -> TimeOfDay {
                let derived = ServingHours.before(closing, minutes: servingStopMinutes)
                guard let node = fields[key], let given = time(node, "\(path).\(key)") else { return derived }
                if ServingHours.lateness(given) > ServingHours.lateness(closing) {
                    report(
                        node,
                        "\(path).\(key): skjenkestoppen (\(given)) kan ikke være etter stengetiden (\(closing))")
                }
                return given
            }
            let hours = Policy.ZoneHours(
                indoorClosing: indoor, outdoorClosing: outdoor,
                indoorServingStop: stop("skjenkestopp_inne", closing: indoor),
                outdoorServingStop: stop("skjenkestopp_ute", closing: outdoor), courtyardClosing: courtyard,
                courtyardServingStop: courtyard.map { ServingHours.before($0, minutes: servingStopMinutes) })
            for (area, value) in [("inne", hours.indoorServingStop), ("ute", hours.outdoorServingStop)]
            where ServingHours.lateness(value) > ServingHours.lateness(ServingHours.latestLegalEnd) {
                report(
                    entry,
                    "\(path): skjenkestoppen \(area) (\(value)) er etter kl. 03.00, som alkoholloven § 4-4 ikke "
                        + "tillater; sett stengetiden til 03:30 eller tidligere")
            }
            result[zone] = hours
        }
        for zone in Zone.allCases where result[zone] == nil && problems.isEmpty {
            report(node, "soner.\(zone.code) mangler")
        }
        return result
    }
}
