import Foundation
import Mustache
import SkjenkTemplates

/// A folder of Mustache templates, read at run time: the bundled ones, or a district's own copy
/// (`--templates DIR`). Partials are named by their path below the folder (`tekst/vurdering`).
public struct TemplateSet: Sendable {
    /// Why templates cannot be used: which template, where, and what.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let template: String
        public let line: Int
        public let column: Int
        /// The template line with the faulty tag.
        public let text: String
        public let reason: String

        public var description: String {
            line == 0
                ? "\(template): \(reason)"
                : "\(template):\(line):\(column): \(reason): «\(text.trimmingCharacters(in: .whitespaces))»"
        }
    }

    let library: MustacheLibrary
    public let folder: URL

    /// Reads every `.mustache` file below `folder`.
    public init(folder: URL) throws(Problem) {
        self.folder = folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw Problem(
                template: folder.path, line: 0, column: 0, text: "",
                reason: "malmappen finnes ikke eller er ikke en mappe")
        }
        var templates: [String: MustacheTemplate] = [:]
        let root = folder.standardizedFileURL.path
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        for path in files.sorted() where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: root + "/" + path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw Problem(template: path, line: 0, column: 0, text: "", reason: "malen kan ikke leses som UTF-8")
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw Problem(
                    template: path, line: error.context.lineNumber, column: error.context.columnNumber,
                    text: error.context.line, reason: Self.reason(error.error))
            } catch {
                throw Problem(template: path, line: 0, column: 0, text: "", reason: "malen kan ikke leses")
            }
        }
        library = MustacheLibrary(templates: templates)
    }

    /// The bundled statement templates.
    public static func bundledStatement() throws(Problem) -> TemplateSet {
        guard let folder = BundledTemplates.statement else {
            throw Problem(template: "statement", line: 0, column: 0, text: "", reason: "de innebygde malene mangler")
        }
        return try TemplateSet(folder: folder)
    }

    /// The bundled page templates of the web application.
    public static func bundledWeb() throws(Problem) -> TemplateSet {
        guard let folder = BundledTemplates.web else {
            throw Problem(template: "web", line: 0, column: 0, text: "", reason: "de innebygde malene mangler")
        }
        return try TemplateSet(folder: folder)
    }

    public func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders `object` (a view model of stored properties) with the template `name` (`md/dokument`).
    public func render(_ object: some Encodable, template name: String) throws(Problem) -> String {
        guard let output = library.render(TemplateValues.box(object), withTemplate: name) else {
            throw Problem(
                template: "\(name).mustache", line: 0, column: 0, text: "",
                reason: "malen finnes ikke i \(folder.path)")
        }
        return output
    }

    static func reason(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "ugyldig mal" }
        switch error {
        case .sectionCloseNameIncorrect: return "avslutningen {{/…}} har et annet navn enn seksjonen den lukker"
        case .unfinishedName: return "en tagg er ikke avsluttet med }}"
        case .expectedSectionEnd: return "en seksjon {{#…}} eller {{^…}} lukkes aldri"
        case .invalidSetDelimiter: return "ugyldig skilletegn-tagg"
        default: return "ugyldig tagg"
        }
    }
}
