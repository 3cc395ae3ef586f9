import Foundation

/// Writes a statement in each format from one text: the Markdown the templates write (or an
/// officer's edit of it) is read into a `StatementDocument`, and HTML and Word are made from that.
public struct StatementRenderer: Sendable {
    /// What the HTML frame template (`html/ramme`) can show.
    struct HTMLFrame {
        let title: String
        let body: String
        let mapSVG: String
        let hasMap: Bool
    }

    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The statement's text, as Markdown, from `md/dokument`.
    public func markdown(_ view: StatementView) throws(TemplateSet.Problem) -> String {
        Self.tidy(try templates.render(view, template: "md/dokument"))
    }

    /// A self-contained HTML document of `markdown`, with the map inline when given.
    public func html(markdown: String, mapSVG: String?) throws(TemplateSet.Problem) -> String {
        let document = StatementDocument(markdown: markdown)
        let frame = HTMLFrame(
            title: Self.title(document), body: HTMLRenderer.body(document), mapSVG: mapSVG ?? "",
            hasMap: !(mapSVG ?? "").isEmpty)
        return try templates.render(frame, template: "html/ramme")
    }

    /// The first heading: the statement's title.
    public static func title(_ document: StatementDocument) -> String {
        for block in document.blocks {
            if case .heading(_, let text) = block { return StatementDocument.plain(text) }
        }
        return "Høringsuttalelse"
    }

    /// Collapses the blank lines that sections left out leave behind, and ends with one newline.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }.isEmpty
            if trimmed && (lines.last.map { $0.allSatisfy { $0 == " " } } ?? true) { continue }
            lines.append(trimmed ? "" : line)
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
