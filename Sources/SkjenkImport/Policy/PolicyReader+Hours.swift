import Foundation
import SkjenkCore
import Yams

/// `tidligste_skjenkestart`, `naboer` and `salg`: the hours the district accepts within the law
/// (alkoholloven §§ 4-4 and 3-7).
extension PolicyNodeReader {
    /// `tidligste_skjenkestart`: the earliest start of serving groups 1 and 2, from 06.00 (§ 4-4)
    /// and before group 3's 13.00.
    mutating func earliestServingStart(_ top: [String: Node], _ root: Node) -> TimeOfDay? {
        let earliest = required(top, "tidligste_skjenkestart", in: root).flatMap {
            time($0, "tidligste_skjenkestart")
        }
        if let earliest, let node = top["tidligste_skjenkestart"],
            earliest < ServingHours.earliestLegalStart || earliest >= ServingHours.group3Start
        {
            report(
                node,
                "tidligste_skjenkestart: alkoholloven § 4-4 tillater skjenking fra kl. 06.00 tidligst; fant "
                    + "«\(earliest)»")
        }
        return earliest
    }

    /// `naboer`: indoor serving after `sen_skjenking_inne_etter` in a residential zone weighs for
    /// the neighbours.
    mutating func lateIndoorServing(_ top: [String: Node], _ root: Node) -> TimeOfDay? {
        guard let node = required(top, "naboer", in: root),
            let fields = mapping(node, "naboer", keys: ["sen_skjenking_inne_etter"])
        else { return nil }
        return required(fields, "sen_skjenking_inne_etter", in: node, path: "naboer").flatMap {
            time($0, "naboer.sen_skjenking_inne_etter")
        }
    }

    /// `salg`: opening and closing of retail sale; never later than alkoholloven § 3-7 allows.
    mutating func saleHours(
        _ top: [String: Node], _ root: Node
    ) -> (
        opening: TimeOfDay, weekdays: TimeOfDay, eve: TimeOfDay
    )? {
        guard let node = required(top, "salg", in: root),
            let fields = mapping(node, "salg", keys: ["aapner", "hverdager", "dager_foer_helligdag"]),
            let opening = required(fields, "aapner", in: node, path: "salg").flatMap({ time($0, "salg.aapner") }),
            let weekdays = required(fields, "hverdager", in: node, path: "salg").flatMap({
                time($0, "salg.hverdager")
            }),
            let eve = required(fields, "dager_foer_helligdag", in: node, path: "salg").flatMap({
                time($0, "salg.dager_foer_helligdag")
            })
        else { return nil }
        if weekdays > RetailSaleCalendar.lawWeekdayClosing {
            report(
                fields["hverdager"]!,
                "salg.hverdager: alkoholloven § 3-7 tillater salg til kl. 20.00; fant «\(weekdays)»")
        }
        if eve > RetailSaleCalendar.lawEveClosing {
            report(
                fields["dager_foer_helligdag"]!,
                "salg.dager_foer_helligdag: alkoholloven § 3-7 tillater salg til kl. 18.00; fant «\(eve)»")
        }
        if opening >= weekdays {
            report(fields["aapner"]!, "salg.aapner: salget må åpne før det stenger (\(weekdays)); fant «\(opening)»")
        }
        return (opening, weekdays, eve)
    }
}
