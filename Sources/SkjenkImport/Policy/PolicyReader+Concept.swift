import Foundation
import SkjenkCore
import Yams

/// `konsept`: the age limit and capacity that weigh, and the word lists that read a concept.
extension PolicyNodeReader {
    /// What `konsept` holds.
    struct ConceptSection {
        var youngAgeLimit: Int
        var largeCapacity: Int
        var words: Policy.ConceptWords
    }

    /// `konsept`: `ung_aldersgrense_under`, `stor_kapasitet` and the lists under `ord`, all required.
    mutating func concept(_ top: [String: Node], _ root: Node) -> ConceptSection? {
        guard let node = required(top, "konsept", in: root),
            let fields = mapping(node, "konsept", keys: ["ung_aldersgrense_under", "stor_kapasitet", "ord"])
        else { return nil }
        let youngAgeLimit = required(fields, "ung_aldersgrense_under", in: node, path: "konsept").flatMap {
            integer($0, "konsept.ung_aldersgrense_under", in: 18...99)
        }
        let largeCapacity = required(fields, "stor_kapasitet", in: node, path: "konsept").flatMap {
            integer($0, "konsept.stor_kapasitet", in: 1...100_000)
        }
        var conceptWords: Policy.ConceptWords?
        if let words = required(fields, "ord", in: node, path: "konsept"),
            let lists = mapping(words, "konsept.ord", keys: ["utested", "spisested", "ung"])
        {
            let read = { (key: String, reader: inout PolicyNodeReader) -> [WordPattern]? in
                reader.required(lists, key, in: words, path: "konsept.ord").flatMap {
                    reader.wordList($0, "konsept.ord.\(key)")
                }
            }
            if let bar = read("utested", &self), let restaurant = read("spisested", &self),
                let young = read("ung", &self)
            {
                conceptWords = Policy.ConceptWords(bar: bar, restaurant: restaurant, young: young)
            }
        }
        guard let youngAgeLimit, let largeCapacity, let conceptWords else { return nil }
        return ConceptSection(youngAgeLimit: youngAgeLimit, largeCapacity: largeCapacity, words: conceptWords)
    }
}
