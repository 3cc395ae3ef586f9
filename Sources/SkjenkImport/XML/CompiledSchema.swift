import CLibXML2
import Foundation

/// An XML Schema compiled once by libxml2 and used for any number of validations.
///
/// libxml2's compiled schema is read-only after parsing; each validation gets its own context,
/// so one value can serve concurrent imports.
final class CompiledSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    /// The local names of every element the schema declares.
    let elementNames: Set<String>

    /// Why a schema could not be compiled.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    init(xsd: Data, name: String) throws {
        LibXML.ensureInitialised()
        let compiled: xmlSchemaPtr? = xsd.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                let parser = xmlSchemaNewMemParserCtxt(base, Int32(raw.count))
            else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            return xmlSchemaParse(parser)
        }
        guard let compiled else { throw Problem(description: "skjemaet \(name) kan ikke leses") }
        schema = compiled
        elementNames = Self.declaredElementNames(in: xsd)
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates `doc`, returning every issue found.
    func validate(_ doc: xmlDocPtr) -> [LibXMLIssue] {
        guard let context = xmlSchemaNewValidCtxt(schema) else { return [] }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = LibXMLIssueCollector()
        let unmanaged = Unmanaged.passUnretained(collector)
        xmlSchemaSetValidStructuredErrors(
            context,
            { owner, error in
                guard let owner, let error else { return }
                Unmanaged<LibXMLIssueCollector>.fromOpaque(owner).takeUnretainedValue().record(error)
            }, unmanaged.toOpaque())
        _ = xmlSchemaValidateDoc(context, doc)
        return collector.issues
    }

    /// The `name` of every `xs:element` declaration, read from the schema text.
    private static func declaredElementNames(in xsd: Data) -> Set<String> {
        let collector = LibXMLIssueCollector()
        let doc: xmlDocPtr? = xsd.withUnsafeBytes { LibXML.parse($0, url: "schema.xsd", collector: collector) }
        guard let doc else { return [] }
        defer { xmlFreeDoc(doc) }
        var names: Set<String> = []
        func walk(_ node: xmlNodePtr) {
            for child in node.elementChildren {
                if child.localName == "element", let name = child.attribute("name") { names.insert(name) }
                walk(child)
            }
        }
        if let root = xmlDocGetRootElement(doc) { walk(root) }
        return names
    }
}
