import Foundation
import SkjenkCore
import Yams

/// `vekter`, `nivaa` and `maal`: how the criteria add up to a level, and the action-plan goal
/// each serves.
extension PolicyNodeReader {
    /// `vekter`: a weight from 0 to 100 for every criterion of § 1-7a.
    mutating func weights(_ top: [String: Node], _ root: Node) -> [Criterion: Double] {
        var weights: [Criterion: Double] = [:]
        guard let node = required(top, "vekter", in: root),
            let fields = mapping(node, "vekter", keys: Criterion.allCases.map(\.code))
        else { return weights }
        for criterion in Criterion.allCases {
            if let value = required(fields, criterion.code, in: node, path: "vekter")
                .flatMap({ number($0, "vekter.\(criterion.code)", in: 0...100) })
            {
                weights[criterion] = value
            }
        }
        return weights
    }

    /// `nivaa`: the overall scores from which the level is medium and high.
    mutating func levels(_ top: [String: Node], _ root: Node) -> Policy.Thresholds? {
        guard let node = required(top, "nivaa", in: root),
            let fields = mapping(node, "nivaa", keys: ["middels", "hoy"])
        else { return nil }
        return thresholds(fields, node, "nivaa")
    }

    /// `maal`: the action plan's goal for every criterion, as text.
    mutating func goals(_ top: [String: Node], _ root: Node) -> [Criterion: String] {
        var goals: [Criterion: String] = [:]
        guard let node = required(top, "maal", in: root),
            let fields = mapping(node, "maal", keys: Criterion.allCases.map(\.code))
        else { return goals }
        for criterion in Criterion.allCases {
            if let value = required(fields, criterion.code, in: node, path: "maal").flatMap({
                text($0, "maal.\(criterion.code)")
            }) {
                goals[criterion] = value
            }
        }
        return goals
    }
}
