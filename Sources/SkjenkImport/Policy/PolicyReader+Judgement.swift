import Foundation
import SkjenkCore
import Yams

/// `vurdering`: the district's cut-offs within the factors. Optional, key by key: a file without
/// them reads with the defaults of `Policy.Judgement`.
extension PolicyNodeReader {
    /// The keys of `vurdering`.
    static let judgementKeys = [
        "konsept_tegn_middels", "konsept_tegn_hoy", "overskridelse_skjenkestopp_minutter", "stengt_sted_trekk",
        "gjentatte_episoder",
    ]

    /// `vurdering`: each key a whole number in its range; `konsept_tegn_hoy` no smaller than
    /// `konsept_tegn_middels` (given or default).
    mutating func judgement(_ top: [String: Node]) -> Policy.Judgement? {
        var judgement = Policy.Judgement()
        guard let node = top["vurdering"] else { return judgement }
        guard let fields = mapping(node, "vurdering", keys: Self.judgementKeys) else { return nil }
        let before = problems.count
        func read(_ key: String, in range: ClosedRange<Int>, into path: WritableKeyPath<Policy.Judgement, Int>) {
            if let value = fields[key].flatMap({ integer($0, "vurdering.\(key)", in: range) }) {
                judgement[keyPath: path] = value
            }
        }
        // Six signs at most: bar, group 3 at a bar, late indoor serving, young target group,
        // large capacity, low age limit.
        read("konsept_tegn_middels", in: 1...6, into: \.conceptSignsMedium)
        read("konsept_tegn_hoy", in: 1...6, into: \.conceptSignsHigh)
        read("overskridelse_skjenkestopp_minutter", in: 0...240, into: \.servingStopExcessMinutes)
        read("stengt_sted_trekk", in: 0...3, into: \.closedSiteReduction)
        read("gjentatte_episoder", in: 1...100, into: \.repeatedEpisodes)
        if problems.count == before, judgement.conceptSignsHigh < judgement.conceptSignsMedium {
            report(
                fields["konsept_tegn_hoy"] ?? fields["konsept_tegn_middels"] ?? node,
                "vurdering: konsept_tegn_hoy (\(judgement.conceptSignsHigh)) kan ikke være mindre enn "
                    + "konsept_tegn_middels (\(judgement.conceptSignsMedium))")
        }
        return problems.count == before ? judgement : nil
    }
}
