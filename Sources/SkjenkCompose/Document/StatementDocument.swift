import Foundation

/// A statement as blocks: what the Markdown templates write (and an officer may edit), read back
/// so that HTML and Word are made from the same text. Reads the subset the templates use:
/// headings (`#` to `######`; a statement uses three levels, a meeting document nests one under an
/// item with the levels below), paragraphs (a line break inside one is kept), bullet items (`- `),
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

        // Split on bytes: splitting on Characters would run grapheme breaking over the whole text.
        for rawLine in markdown.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = Self.trimmed(Substring(rawLine))
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

    /// The line without surrounding spaces, tabs and carriage returns (on bytes: this runs for every line).
    static func trimmed(_ line: Substring) -> String {
        let bytes = line.utf8
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) })
        else { return "" }
        return String(line[first...last])
    }

    static func headingLevel(_ line: String) -> Int? {
        guard line.hasPrefix("#") else { return nil }
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard hashes <= 6, line.dropFirst(hashes).hasPrefix(" ") else { return nil }
        return hashes
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
        return text.split(separator: "|", omittingEmptySubsequences: false).map(trimmed)
    }

    /// Inline emphasis: `**bold**` and `*italic*`; a marker without a partner later in the line stays as text.
    static func runs(_ text: String) -> [Run] {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "*")) else {
            return text.isEmpty ? [] : [Run(text: text, bold: false, italic: false)]
        }
        // The markers, in one pass: `**` (2) or `*` (1), with their byte offsets.
        var markers: [(offset: Int, length: Int)] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "*") {
                let length = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*") ? 2 : 1
                markers.append((i, length))
                i += length
            } else {
                i += 1
            }
        }
        var runs: [Run] = []
        var bold = false
        var italic = false
        var start = 0
        func emit(upTo end: Int) {
            if end > start {
                runs.append(Run(text: String(decoding: bytes[start..<end], as: UTF8.self), bold: bold, italic: italic))
            }
        }
        for (index, marker) in markers.enumerated() {
            let isOpen = marker.length == 2 ? bold : italic
            // An opening marker counts only when the same marker follows later.
            guard isOpen || markers[(index + 1)...].contains(where: { $0.length == marker.length }) else { continue }
            emit(upTo: marker.offset)
            if marker.length == 2 { bold.toggle() } else { italic.toggle() }
            start = marker.offset + marker.length
        }
        emit(upTo: bytes.count)
        return runs
    }

    /// The text without emphasis, for titles and tests.
    public static func plain(_ runs: [Run]) -> String { runs.map(\.text).joined() }
}
