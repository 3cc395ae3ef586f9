import Foundation

/// A word in a policy word list: a whole word (`bar`), a stem (`cocktail*`: every word that begins
/// so) or an ending (`*pub`: every word that ends so, for compounds). Matching is by whole words of
/// the text, ignoring case, so "vinklubb" is not "klubb" and "vinsmaking" is not "vin" unless the
/// list says `vin*`.
public struct WordPattern: Sendable, Hashable, CustomStringConvertible {
    /// How the pattern meets a word.
    public enum Kind: Sendable, Hashable {
        case word, stem, ending
    }

    public let kind: Kind
    /// The letters, lower-cased, without the `*`.
    public let letters: String

    /// Why a text is not a pattern.
    public struct Problem: Error, Sendable, Equatable {}

    /// Reads `bar`, `cocktail*` or `*klubb`: letters (any alphabet, digits and `-`), with at most one
    /// `*` at the start or the end.
    public init(_ text: String) throws(Problem) {
        var body = text.trimmingCharacters(in: .whitespaces).lowercased()
        var kind = Kind.word
        if body.hasSuffix("*") {
            kind = .stem
            body.removeLast()
        } else if body.hasPrefix("*") {
            kind = .ending
            body.removeFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { throw Problem() }
        self.kind = kind
        letters = body
    }

    public var description: String {
        switch kind {
        case .word: letters
        case .stem: letters + "*"
        case .ending: "*" + letters
        }
    }

    /// Whether `word` (lower-cased) is matched.
    public func matches(word: String) -> Bool {
        switch kind {
        case .word: word == letters
        case .stem: word.hasPrefix(letters)
        case .ending: word.hasSuffix(letters) && word.count > letters.count
        }
    }

    /// The words of `text`, lower-cased: runs of letters and digits.
    public static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The first word of `words` that any of `patterns` matches, if any.
    public static func firstMatch(in words: [String], of patterns: [WordPattern]) -> String? {
        words.first { word in patterns.contains { $0.matches(word: word) } }
    }
}
