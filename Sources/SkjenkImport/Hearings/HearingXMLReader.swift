import CLibXML2
import Foundation
import SkjenkCore

/// Reads hearing-request XML (`../shared/spec/hearing-request.md`) strictly: well-formedness,
/// the bundled XSD, then the rules a schema cannot express. Every problem is reported.
///
/// No input can make it read a file or the network or expand entities: a document type
/// declaration is refused outright, and libxml2's external-entity loader refuses everything.
public final class HearingXMLReader: Sendable {
    /// The namespace of every element of the format.
    public static let namespace = "urn:skjenk:hoering:1"
    /// Largest file accepted by default, in bytes.
    public static let defaultMaximumFileSize = 256 * 1024 * 1024

    private let schema: CompiledSchema
    /// Largest file this reader accepts, in bytes.
    public let maximumFileSize: Int

    /// Why the reader cannot start.
    public struct SetupError: Error, CustomStringConvertible {
        public let description: String
    }

    /// A reader with the bundled schema (`hoering-1.xsd`).
    public convenience init(maximumFileSize: Int = defaultMaximumFileSize) throws {
        try self.init(xsd: Self.bundledSchema(), maximumFileSize: maximumFileSize)
    }

    /// A reader validating against `xsd`.
    public init(xsd: Data, maximumFileSize: Int = defaultMaximumFileSize) throws {
        self.maximumFileSize = maximumFileSize
        do {
            schema = try CompiledSchema(xsd: xsd, name: "hoering-1.xsd")
        } catch {
            throw SetupError(description: "XSD-skjemaet for høringsformatet kan ikke leses: \(error)")
        }
    }

    /// The XSD of the format, as shipped with the program.
    public static func bundledSchema() throws -> Data {
        guard let url = Bundle.module.url(forResource: "hoering-1", withExtension: "xsd") else {
            throw SetupError(description: "XSD-skjemaet hoering-1.xsd mangler i programpakken")
        }
        return try Data(contentsOf: url)
    }

    /// Reads the file at `url`; `displayName` is the name messages use (default: the path).
    public func read(contentsOf url: URL, displayName: String? = nil, strict: Bool = true) -> HearingFile {
        let name = displayName ?? url.path
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        if let size, size > maximumFileSize {
            return tooLarge(name, size: size)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return fileProblem(name, "filen finnes ikke")
        }
        guard !isDirectory.boolValue else { return fileProblem(name, "dette er en mappe, ikke en fil") }
        guard let data = try? Data(contentsOf: url) else { return fileProblem(name, "filen kan ikke leses") }
        return read(data: data, fileName: name, strict: strict)
    }

    /// Reads hearing XML held in memory.
    public func read(data: Data, fileName: String, strict: Bool = true) -> HearingFile {
        guard !data.isEmpty else {
            return HearingFile(
                fileName: fileName, hearings: [],
                diagnostics: [
                    Diagnostic(at: SourceLocation(file: fileName, line: 1, column: 1), message: "filen er tom")
                ])
        }
        guard data.count <= maximumFileSize else { return tooLarge(fileName, size: data.count) }
        let source = SourceText(data)
        let collector = LibXMLIssueCollector()
        let doc = data.withUnsafeBytes { LibXML.parse($0, url: fileName, collector: collector) }

        if let doctypeLine = collector.doctypeLine {
            let place = source.firstLocation(of: "<!DOCTYPE") ?? (doctypeLine, 1)
            return HearingFile(
                fileName: fileName, hearings: [],
                diagnostics: [
                    Diagnostic(
                        at: SourceLocation(file: fileName, line: place.line, column: place.column),
                        message:
                            "filen har en dokumenttypedeklarasjon (<!DOCTYPE …>); høringsformatet bruker ingen, og "
                            + "filen avvises uten at den leses videre (vern mot eksterne entiteter, nettverksoppslag og "
                            + "entitetsbomber)")
                ])
        }
        let parseErrors = collector.issues.filter { !$0.isWarning }
        guard let doc, parseErrors.isEmpty else {
            let issues = parseErrors.isEmpty ? collector.issues : parseErrors
            var diagnostics = issues.map { issue in
                Diagnostic(
                    at: SourceLocation(file: fileName, line: max(issue.line, 1), column: max(issue.column, 1)),
                    message: NorwegianMessages.parserMessage(issue))
            }
            if diagnostics.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        at: SourceLocation(file: fileName, line: 1, column: 1),
                        message: "filen er ikke gyldig XML"))
            }
            if let doc { xmlFreeDoc(doc) }
            return HearingFile(fileName: fileName, hearings: [], diagnostics: diagnostics)
        }
        defer {
            // Freeing a large tree takes a while; nothing waits for it.
            let tree = UnsafeTransfer(doc)
            DispatchQueue.global(qos: .utility).async { xmlFreeDoc(tree.value) }
        }

        var context = ReadContext(fileName: fileName, source: source)
        if !strict, let root = xmlDocGetRootElement(doc) {
            removeUnknownElements(under: root, context: &context)
        }
        // The schema check and the mapping only read the tree: run them side by side.
        let elements = hearingElements(doc)
        let (schemaIssues, mapped) = Concurrently.run(
            { [schema, doc = UnsafeTransfer(doc)] in schema.validate(doc.value) },
            { [elements = UnsafeTransfer(elements)] in elements.value.map { HearingMapper(element: $0).map() } })

        for issue in schemaIssues {
            context.addSchemaIssue(issue, knownElements: schema.elementNames)
        }
        let explained = context.hearingsWithSchemaErrors()
        var hearings: [ImportedHearing] = []
        var seen: [String: Int] = [:]
        for result in mapped {
            for problem in result.problems {
                if problem.isFallback && explained.contains(result.element) { continue }
                if problem.force || !context.flagged.contains(problem.node) {
                    context.add(at: problem.node, caseNumber: problem.caseNumber, problem.message)
                }
            }
            guard let hearing = result.hearing else { continue }
            let line = result.element.line
            if let firstLine = seen[hearing.caseNumber.key] {
                context.add(
                    at: result.element.firstChild("saksnummer") ?? result.element,
                    caseNumber: hearing.caseNumber.text,
                    "saksnummeret står også i høringen på linje \(firstLine); hver sak kan bare stå én gang per fil")
                continue
            }
            seen[hearing.caseNumber.key] = line
            hearings.append(ImportedHearing(hearing: hearing, line: line))
        }
        return HearingFile(fileName: fileName, hearings: hearings, diagnostics: context.diagnostics)
    }

    /// The `<hoering>` elements: the root itself or the root's children.
    private func hearingElements(_ doc: xmlDocPtr) -> [xmlNodePtr] {
        guard let root = xmlDocGetRootElement(doc), root.namespaceURI == Self.namespace else { return [] }
        switch root.localName {
        case "hoering": return [root]
        case "hoeringer":
            return root.elementChildren.filter { $0.localName == "hoering" && $0.namespaceURI == Self.namespace }
        default: return []
        }
    }

    /// Lenient mode: elements in the format's namespace that the format does not have become
    /// warnings and are taken out before validation, so they are never silently dropped.
    /// Elements of other namespaces (XInclude among them) stay errors in every mode.
    private func removeUnknownElements(under node: xmlNodePtr, context: inout ReadContext) {
        for child in node.elementChildren where child.namespaceURI == Self.namespace {
            if !schema.elementNames.contains(child.localName) {
                context.add(
                    .warning, at: child, name: child.localName,
                    "ukjent element <\(child.localName)> er hoppet over")
                xmlUnlinkNode(child)
                xmlFreeNode(child)
            } else {
                removeUnknownElements(under: child, context: &context)
            }
        }
    }

    private func tooLarge(_ name: String, size: Int) -> HearingFile {
        fileProblem(
            name,
            "filen er for stor (\(Self.megabytes(size))); største tillatte er "
                + "\(Self.megabytes(maximumFileSize)): del den opp i flere filer")
    }

    private static func megabytes(_ bytes: Int) -> String {
        "\(NorwegianFormat.decimal(Double(bytes) / 1_048_576)) MB"
    }

    private func fileProblem(_ name: String, _ message: String) -> HearingFile {
        HearingFile(
            fileName: name, hearings: [],
            diagnostics: [Diagnostic(at: SourceLocation(file: name, line: 0, column: 0), message: message)])
    }
}

/// The diagnostics of one file as they are found, and what they need to be placed.
struct ReadContext {
    let fileName: String
    let source: SourceText
    var diagnostics: [Diagnostic] = []
    /// Elements the schema already complained about: no second message for the same thing.
    var flagged: Set<xmlNodePtr> = []
    /// Elements the schema check reported.
    private var schemaFlagged: Set<xmlNodePtr> = []
    /// Schema issues already reported, by node and kind.
    private var reported: Set<SchemaKey> = []

    private struct SchemaKey: Hashable {
        let node: xmlNodePtr
        let key: String
    }

    init(fileName: String, source: SourceText) {
        self.fileName = fileName
        self.source = source
    }

    /// Adds a problem about `node` (and its attribute `attribute`, when given).
    mutating func add(
        _ severity: Diagnostic.Severity = .error, at node: xmlNodePtr, caseNumber: String? = nil,
        name: String? = nil, attribute: String? = nil, _ message: String
    ) {
        let line = node.line
        var column = source.columnOfStartTag(name ?? node.localName, onLine: line) ?? 1
        if let attribute, let at = source.column(of: "\(attribute)=", onLine: line, from: column) {
            column = at
        }
        diagnostics.append(
            Diagnostic(
                severity, at: SourceLocation(file: fileName, line: line, column: column),
                caseNumber: caseNumber ?? Self.caseNumber(around: node), message: message))
        flagged.insert(node)
    }

    mutating func addSchemaIssue(_ issue: LibXMLIssue, knownElements: Set<String>) {
        let translated = NorwegianMessages.schemaMessage(issue, knownElements: knownElements)
        guard let node = issue.node else {
            diagnostics.append(
                Diagnostic(
                    at: SourceLocation(file: fileName, line: max(issue.line, 1), column: 1),
                    message: translated.message))
            return
        }
        // libxml2 may report one bad value twice (facet, then type): keep the first.
        guard reported.insert(SchemaKey(node: node, key: translated.key)).inserted else { return }
        schemaFlagged.insert(node)
        add(at: node, name: translated.element, attribute: translated.attribute, translated.message)
    }

    /// The case number of the hearing `node` lies in, as written, when it has one.
    static func caseNumber(around node: xmlNodePtr) -> String? {
        guard let hearing = hearingElement(around: node) else { return nil }
        let text = hearing.elementChildren.first { $0.localName == "saksnummer" }?.trimmedText
        return text?.isEmpty == false ? text : nil
    }

    /// The `<hoering>` element `node` lies in, if any.
    static func hearingElement(around node: xmlNodePtr) -> xmlNodePtr? {
        var current: xmlNodePtr? = node
        while let n = current, n.pointee.type == XML_ELEMENT_NODE {
            if n.localName == "hoering" { return n }
            current = n.pointee.parent
        }
        return nil
    }

    /// The hearings the schema check found errors in (their own elements or below).
    func hearingsWithSchemaErrors() -> Set<xmlNodePtr> {
        Set(schemaFlagged.compactMap { Self.hearingElement(around: $0) })
    }
}
