import Foundation
import SkjenkCore

/// A `StatementDocument` as HTML elements (the body of the `html/ramme` template). Every text is
/// escaped here, so the frame can insert the body as is.
public enum HTMLRenderer {
    public static func body(_ document: StatementDocument) -> String {
        var out = ""
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                out += "<h\(level)>\(inline(text))</h\(level)>\n"
            case .paragraph(let lines):
                out += "<p>" + lines.map(inline).joined(separator: "<br>\n") + "</p>\n"
            case .bullets(let items):
                out += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
            case .numbered(let items):
                out += "<ol>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ol>\n"
            case .table(let rows, let header):
                out += "<table>\n"
                for (index, row) in rows.enumerated() {
                    // A two-column table without a header row is a list of facts: label, value.
                    let tag = header && index == 0 ? "th" : "td"
                    out += "<tr>" + row.map { "<\(tag)>\(inline($0))</\(tag)>" }.joined() + "</tr>\n"
                }
                out += "</table>\n"
            }
        }
        return out
    }

    static func inline(_ runs: [StatementDocument.Run]) -> String {
        runs.map { run in
            var text = escape(run.text)
            if run.italic { text = "<em>\(text)</em>" }
            if run.bold { text = "<strong>\(text)</strong>" }
            return text
        }.joined()
    }

    public static func escape(_ text: String) -> String { MarkupText.escape(text) }
}
