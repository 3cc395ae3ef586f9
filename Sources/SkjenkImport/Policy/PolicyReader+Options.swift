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
}
