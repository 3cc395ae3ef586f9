import Foundation

/// Writes a statement in each format from one text: the Markdown the templates write (or an
/// officer's edit of it) is read into a `StatementDocument`, and HTML and Word are made from that.
public struct StatementRenderer: Sendable {
    /// What the HTML frame template (`html/ramme`) can show.
    struct HTMLFrame: Encodable {
        let title: String
        let body: String
        let mapSVG: String
        let hasMap: Bool
    }

    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The statement's text, as Markdown, from `md/dokument`, or for a short statement `md/kort`
    /// (when the template folder has it).
    public func markdown(_ view: StatementView) throws(TemplateSet.Problem) -> String {
        let template = view.short && templates.has("md/kort") ? "md/kort" : "md/dokument"
        return Self.tidy(try templates.render(view, template: template))
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
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousBlank = true
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let blank = line.allSatisfy { $0 == 0x20 }
            if blank && previousBlank { continue }
            if !blank { out.append(contentsOf: line) }
            out.append(0x0A)
            previousBlank = blank
        }
        while out.count >= 2 && out[out.count - 1] == 0x0A && out[out.count - 2] == 0x0A { out.removeLast() }
        if out.last != 0x0A { out.append(0x0A) }
        return String(decoding: out, as: UTF8.self)
    }
}
