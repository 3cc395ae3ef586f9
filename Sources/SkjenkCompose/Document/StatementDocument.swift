import Foundation

/// A statement as blocks: what the Markdown templates write (and an officer may edit), read back
/// so that HTML and Word are made from the same text. Reads the subset the templates use:
/// headings (`#`, `##`, `###`), paragraphs (a line break inside one is kept), bullet items (`- `),
/// numbered items (`1. `), tables (`| a | b |`), and `**bold**` / `*italic*` inline.
public struct StatementDocument: Sendable, Hashable {
    /// A run of text with its emphasis.
    public struct Run: Sendable, Hashable {
        public let text: String
        public let bold: Bool
        public let italic: Bool

        public init(text: String, bold: Bool, italic: Bool) {
            self.text = text
            self.bold = bold
            self.italic = italic
        }
    }

    /// A line of runs (paragraphs keep their line breaks).
    public typealias Line = [Run]

    public enum Block: Sendable, Hashable {
        case heading(level: Int, text: [Run])
        case paragraph([Line])
        case bullets([[Run]])
        case numbered([[Run]])
        /// Rows of cells; the first row is the header when `header` is true.
        case table(rows: [[[Run]]], header: Bool)
    }

    public let blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// Reads Markdown text.
    public init(markdown: String) {
        var blocks: [Block] = []
        var paragraph: [Line] = []
        var bullets: [[Run]] = []
        var numbered: [[Run]] = []
        var table: [[[Run]]] = []
        var tableHasHeader = false

        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)) }
            if !bullets.isEmpty { blocks.append(.bullets(bullets)) }
            if !numbered.isEmpty { blocks.append(.numbered(numbered)) }
            // Markdown needs a header row; an empty one (`| | |`) is no header in HTML or Word.
            if tableHasHeader, let first = table.first, first.allSatisfy(\.isEmpty) {
                table.removeFirst()
                tableHasHeader = false
            }
            if !table.isEmpty { blocks.append(.table(rows: table, header: tableHasHeader)) }
            paragraph = []
            bullets = []
            numbered = []
            table = []
            tableHasHeader = false
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
                continue
            }
            if let level = Self.headingLevel(line) {
                flush()
                blocks.append(.heading(level: level, text: Self.runs(String(line.dropFirst(level + 1)))))
            } else if line.hasPrefix("|") {
                if !table.isEmpty || paragraph.isEmpty && bullets.isEmpty && numbered.isEmpty {
                    // `|---|---|` marks the row above as the header.
                    if line.contains("-"), line.allSatisfy({ "|-: ".contains($0) }) {
                        tableHasHeader = table.count == 1
                        continue
                    }
                    if table.isEmpty { flush() }
                    table.append(Self.cells(line).map(Self.runs))
                    continue
                }
                paragraph.append(Self.runs(line))
            } else if line.hasPrefix("- ") {
                if bullets.isEmpty { flush() }
                bullets.append(Self.runs(String(line.dropFirst(2))))
            } else if let rest = Self.numberedItem(line) {
                if numbered.isEmpty { flush() }
                numbered.append(Self.runs(rest))
            } else {
                if !bullets.isEmpty || !numbered.isEmpty || !table.isEmpty { flush() }
                paragraph.append(Self.runs(line))
            }
        }
        flush()
        self.blocks = blocks
    }

    static func headingLevel(_ line: String) -> Int? {
        for level in 1...3 where line.hasPrefix(String(repeating: "#", count: level) + " ") { return level }
        return nil
    }

    static func numberedItem(_ line: String) -> String? {
        let digits = line.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return String(line.dropFirst(digits.count + 2))
    }

    static func cells(_ line: String) -> [String] {
        var text = Substring(line)
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") { text = text.dropLast() }
        return text.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Inline emphasis: `**bold**` and `*italic*`; an unmatched marker stays as text.
    static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        var current = ""
        var bold = false
        var italic = false
        var index = text.startIndex
        func emit() {
            if !current.isEmpty { runs.append(Run(text: current, bold: bold, italic: italic)) }
            current = ""
        }
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("**"), bold || rest.dropFirst(2).contains("**") {
                emit()
                bold.toggle()
                index = text.index(index, offsetBy: 2)
            } else if rest.hasPrefix("*"), italic || rest.dropFirst().contains("*") {
                emit()
                italic.toggle()
                index = text.index(after: index)
            } else {
                current.append(text[index])
                index = text.index(after: index)
            }
        }
        emit()
        return runs
    }

    /// The text without emphasis, for titles and tests.
    public static func plain(_ runs: [Run]) -> String { runs.map(\.text).joined() }
}
