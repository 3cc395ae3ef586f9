import Foundation
import SkjenkCore

/// A statement's text as the sections an officer edits one by one (issue 19, item 3): the text
/// split at its headings (levels 1–3), which stay fixed; each section's body as plain-text parts,
/// the tables the composer wrote (the sites, the complaints, the references) kept as they are, and
/// the first numbered list (the conditions) as separate items the officer can reorder, add and
/// remove. `markdown` puts it back together in the composer's layout (one blank line between
/// blocks), so a text the composer wrote comes back unchanged.
public struct StatementSections: Sendable, Hashable {
    public struct Section: Sendable, Hashable {
        /// 1–3; 0 for text before the first heading.
        public let level: Int
        public let heading: String
        public var parts: [Part]

        public init(level: Int, heading: String, parts: [Part]) {
            self.level = level
            self.heading = heading
            self.parts = parts
        }

        /// The section's body as the letter has it.
        public var body: String {
            parts.compactMap(\.markdown).joined(separator: "\n\n")
        }

        /// Whether the body holds the conditions' list (and so takes new conditions).
        public var listIndex: Int? {
            parts.firstIndex { if case .list = $0 { true } else { false } }
        }
    }

    public enum Part: Sendable, Hashable {
        /// Paragraphs, bullets, emphasis: edited as plain text.
        case text(String)
        /// A table as the composer wrote it: kept, not edited here.
        case table(String)
        /// A numbered list's items, without their numbers.
        case list([String])

        /// The part in the letter; nil when it is empty.
        var markdown: String? {
            switch self {
            case .text(let text), .table(let text):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : trimmed
            case .list(let items):
                let kept = items.map(Self.oneLine).filter { !$0.isEmpty }
                return kept.isEmpty
                    ? nil : kept.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
            }
        }

        /// An item on one line: a list item is one paragraph.
        static func oneLine(_ text: String) -> String {
            text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    public var sections: [Section]

    public init(sections: [Section]) {
        self.sections = sections
    }

    /// The headings under which a statement gives its recommendation: that section takes new
    /// conditions even when the draft has none.
    public static let recommendationHeadings: Set<String> = ["Bydelens tilråding", "Uttalelse"]

    /// The sections of `markdown` (LF or CRLF line ends).
    public init(markdown: String) {
        let lines = markdown.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        var sections: [Section] = []
        var level = 0
        var heading = ""
        var body: [String] = []
        var inFence = false
        func close() {
            let parts = Self.parts(body, takesList: Self.recommendationHeadings.contains(heading))
            if level > 0 || !parts.isEmpty { sections.append(Section(level: level, heading: heading, parts: parts)) }
        }
        for line in lines {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, let (depth, title) = Self.heading(line) {
                close()
                level = depth
                heading = title
                body = []
            } else {
                body.append(line)
            }
        }
        close()
        self.sections = sections
    }

    /// The letter again: each heading, then its parts, one blank line between blocks.
    public var markdown: String {
        var blocks: [String] = []
        for section in sections {
            if section.level > 0 { blocks.append(String(repeating: "#", count: section.level) + " " + section.heading) }
            let body = section.body
            if !body.isEmpty { blocks.append(body) }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// `# Title`, `## Section`, `### Subsection`: the level and the text.
    static func heading(_ line: String) -> (Int, String)? {
        for depth in 1...3 {
            let marker = String(repeating: "#", count: depth) + " "
            if line.hasPrefix(marker) {
                return (depth, line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    /// A body's blocks (separated by blank lines) as parts: tables kept, the first numbered list
    /// as items, the rest as text, with neighbouring text blocks together.
    static func parts(_ lines: [String], takesList: Bool) -> [Part] {
        var blocks: [[String]] = []
        var current: [String] = []
        for line in lines {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        var parts: [Part] = []
        var hasList = false
        for block in blocks {
            if block.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("|") }) {
                parts.append(.table(block.joined(separator: "\n")))
            } else if !hasList, let items = listItems(block) {
                hasList = true
                parts.append(.list(items))
            } else if case .text(let text)? = parts.last {
                parts[parts.count - 1] = .text(text + "\n\n" + block.joined(separator: "\n"))
            } else {
                parts.append(.text(block.joined(separator: "\n")))
            }
        }
        if takesList && !hasList { parts.append(.list([])) }
        return parts
    }

    /// A block that is a numbered list (`1. …`, continuation lines indented): its items.
    static func listItems(_ block: [String]) -> [String]? {
        var items: [String] = []
        for line in block {
            if let item = numberedItem(line) {
                items.append(item)
            } else if line.first?.isWhitespace == true, !items.isEmpty {
                items[items.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                return nil
            }
        }
        return items.isEmpty ? nil : items
    }

    static func numberedItem(_ line: String) -> String? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") else { return nil }
        return rest.dropFirst(2).trimmingCharacters(in: .whitespaces)
    }
}

extension StatementSections {
    /// Each section of `self` against the section with the same heading (the n-th of that name) in
    /// `original`: the changed ones, in the letter's order; a section `original` lacks counts as new.
    public func changes(from original: StatementSections) -> [Int: [TextDiff.Line]] {
        var seen: [String: Int] = [:]
        var originals: [String: [Section]] = [:]
        for section in original.sections { originals[Self.key(section), default: []].append(section) }
        var result: [Int: [TextDiff.Line]] = [:]
        for (index, section) in sections.enumerated() {
            let key = Self.key(section)
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            let before = originals[key].flatMap { occurrence < $0.count ? $0[occurrence].body : nil } ?? ""
            guard before != section.body else { continue }
            result[index] = TextDiff.lines(from: before, to: section.body)
        }
        return result
    }

    static func key(_ section: Section) -> String { "\(section.level) \(section.heading)" }
}

extension StatementSections {
    /// The form's name for section `section`'s part `part` (`s3-1`), and for item `item` of a
    /// list part (`s3-1-2`, with `-nr` for its place and `-fjern` to remove it; `-ny` a new one).
    public static func field(_ section: Int, _ part: Int, item: Int? = nil, _ suffix: String = "") -> String {
        "s\(section)-\(part)" + (item.map { "-\($0)" } ?? "") + suffix
    }

    /// A refused edit: the field and a sentence for it.
    public struct EditProblem: Error, Sendable, Hashable {
        public let field: String
        public let message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// The sections with the officer's fields applied (`value` gives a field's text, nil when the
    /// form lacks it: that part stays as it was). Tables and headings stay; a list's items are put
    /// in the order of their places (ties keep the old order), removed ones left out, a new one
    /// last. Line ends are LF whatever the browser sent. `introduction` goes before a list that
    /// had no items and gets some ("Bydelen foreslår subsidiært disse vilkårene:"), so a condition
    /// added to a statement without any reads as the composer's would.
    public func applying(_ value: (String) -> String?, introduction: String? = nil) throws(EditProblem)
        -> StatementSections
    {
        var copy = self
        var introduced: [(section: Int, part: Int)] = []
        for (s, section) in sections.enumerated() {
            for (p, part) in section.parts.enumerated() {
                switch part {
                case .table: continue
                case .text:
                    if let text = value(Self.field(s, p)) { copy.sections[s].parts[p] = .text(Self.lf(text)) }
                case .list(let items):
                    var kept: [(place: Int, index: Int, text: String)] = []
                    for (k, item) in items.enumerated() {
                        if value(Self.field(s, p, item: k, "-fjern")) != nil { continue }
                        let text = value(Self.field(s, p, item: k)).map(Self.lf) ?? item
                        var place = k + 1
                        let placeField = Self.field(s, p, item: k, "-nr")
                        if let typed = value(placeField)?.trimmingCharacters(in: .whitespaces), !typed.isEmpty {
                            guard let number = Int(typed), (1...999).contains(number) else {
                                throw EditProblem(
                                    field: placeField,
                                    message: "Plassen for vilkår \(k + 1) må være et helt tall fra 1 til 999.")
                            }
                            place = number
                        }
                        kept.append((place, k, text))
                    }
                    var ordered = kept.sorted { ($0.place, $0.index) < ($1.place, $1.index) }.map(\.text)
                    if let new = value(Self.field(s, p, "-ny")).map(Self.lf),
                        !new.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    {
                        ordered.append(new)
                    }
                    let result = ordered.map(Part.oneLine).filter { !$0.isEmpty }
                    copy.sections[s].parts[p] = .list(result)
                    if items.isEmpty && !result.isEmpty { introduced.append((s, p)) }
                }
            }
        }
        if let introduction {
            // From the last, so the earlier places stay right.
            for place in introduced.reversed() {
                copy.sections[place.section].parts.insert(.text(introduction), at: place.part)
            }
        }
        return copy
    }

    /// The sentence the letter puts before its conditions (`dokument.mustache`): subsidiary when
    /// the district goes against the application.
    public static func conditionsIntroduction(_ outcome: StatementOutcome) -> String {
        outcome == .against ? "Bydelen foreslår subsidiært disse vilkårene:" : "Bydelen foreslår disse vilkårene:"
    }

    static func lf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
