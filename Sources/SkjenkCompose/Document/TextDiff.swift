import Foundation

/// A line diff, to show an officer's edit against the generated text.
public enum TextDiff {
    public enum Kind: String, Sendable, Encodable {
        case same, added, removed
    }

    public struct Line: Sendable, Encodable, Equatable {
        public let kind: Kind
        public let text: String
        /// For templates: whether the line was added or removed.
        public let added: Bool
        public let removed: Bool

        public init(kind: Kind, text: String) {
            self.kind = kind
            self.text = text
            added = kind == .added
            removed = kind == .removed
        }
    }

    /// The lines of `new` against `old`, in order, from the standard library's
    /// `CollectionDifference` (Myers); at a change, the removed lines come before the added ones.
    /// Very long texts (over 20 000 lines together) compare as wholes.
    public static func lines(from old: String, to new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a.count + b.count <= 20_000 else {
            return a.map { Line(kind: .removed, text: $0) } + b.map { Line(kind: .added, text: $0) }
        }
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var result: [Line] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count && removed.contains(i) {
                result.append(Line(kind: .removed, text: a[i]))
                i += 1
            } else if j < b.count && inserted.contains(j) {
                result.append(Line(kind: .added, text: b[j]))
                j += 1
            } else {
                // Neither removed nor inserted: the same line in both.
                result.append(Line(kind: .same, text: b[j]))
                i += 1
                j += 1
            }
        }
        return result
    }
}
