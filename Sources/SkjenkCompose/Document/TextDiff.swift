import Foundation

/// A line diff (longest common subsequence), to show an officer's edit against the generated text.
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

    /// The lines of `new` against `old`, in order; long texts (over 4 000 lines) compare as wholes.
    public static func lines(from old: String, to new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a.count * b.count <= 16_000_000 else {
            return a.map { Line(kind: .removed, text: $0) } + b.map { Line(kind: .added, text: $0) }
        }
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                result.append(Line(kind: .same, text: a[i]))
                i += 1
                j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                result.append(Line(kind: .removed, text: a[i]))
                i += 1
            } else {
                result.append(Line(kind: .added, text: b[j]))
                j += 1
            }
        }
        result += a[i...].map { Line(kind: .removed, text: $0) } + b[j...].map { Line(kind: .added, text: $0) }
        return result
    }
}
