import CLibXML2
import Foundation

/// One error or warning libxml2 reported, copied out of libxml2's memory.
struct LibXMLIssue {
    var domain: Int32
    var code: Int32
    var message: String
    var isWarning: Bool
    var line: Int
    var column: Int
    var str1: String?
    /// The tree node the issue is about (schema validation), valid while the document lives.
    var node: xmlNodePtr?
}

/// Collects the issues of one parse or validation run. Reached from C callbacks through an
/// unretained pointer that never outlives the call that owns the collector.
final class LibXMLIssueCollector {
    var issues: [LibXMLIssue] = []
    /// Where a document type declaration was met, when one was.
    var doctypeLine: Int?
    /// Bound on what one hostile file may make us collect.
    let limit = 1_000

    func record(_ error: UnsafePointer<xmlError>) {
        guard issues.count < limit else { return }
        let e = error.pointee
        let message =
            e.message.map { String(cString: $0) }?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        issues.append(
            LibXMLIssue(
                domain: e.domain, code: e.code, message: message,
                isWarning: e.level == XML_ERR_WARNING,
                line: Int(e.line), column: Int(e.int2),
                str1: e.str1.map { String(cString: $0) },
                node: e.node?.assumingMemoryBound(to: xmlNode.self)))
    }
}

/// Process-wide libxml2 set-up, done once before any parse: no external entity may ever be
/// loaded, whatever a document asks for.
enum LibXML {
    private static let setUp: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, context in
            // Refuse every external resource (DTDs, entities, XInclude targets): a hearing file
            // must not be able to read other files or the network.
            if let context {
                xmlStopParser(context)
            }
            return nil
        }
    }()

    /// Parser options: namespace-aware; no entity substitution, no DTD loading or validation,
    /// no network; big line numbers so line numbers stay right past 65 535; blank text between
    /// elements dropped and short text kept inside its node, so big files build and free fast.
    static let parseOptions = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
            | XML_PARSE_NOXINCNODE.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_COMPACT.rawValue)

    static func ensureInitialised() { _ = setUp }

    /// Parses `bytes` into a tree. A document type declaration stops the parse at once: the
    /// format has no use for one, and refusing it shuts out entity expansion and external
    /// subsets before they are read.
    static func parse(_ bytes: UnsafeRawBufferPointer, url: String, collector: LibXMLIssueCollector) -> xmlDocPtr? {
        ensureInitialised()
        guard let ctxt = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(ctxt) }
        let unmanaged = Unmanaged.passUnretained(collector)
        ctxt.pointee._private = unmanaged.toOpaque()
        if let sax = ctxt.pointee.sax {
            sax.pointee.internalSubset = { context, _, _, _ in
                guard let context else { return }
                let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
                if let owner = parser.pointee._private {
                    let collector = Unmanaged<LibXMLIssueCollector>.fromOpaque(owner).takeUnretainedValue()
                    collector.doctypeLine = Int(xmlSAX2GetLineNumber(context))
                }
                xmlStopParser(parser)
            }
            sax.pointee.externalSubset = nil
            sax.pointee.entityDecl = nil
            sax.pointee.serror = { context, error in
                guard let context, let error else { return }
                let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
                guard let owner = parser.pointee._private else { return }
                Unmanaged<LibXMLIssueCollector>.fromOpaque(owner).takeUnretainedValue().record(error)
            }
        }
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
        let doc = xmlCtxtReadMemory(ctxt, base, Int32(bytes.count), url, nil, parseOptions)
        if collector.doctypeLine != nil, let doc {
            xmlFreeDoc(doc)
            return nil
        }
        return doc
    }
}

// MARK: - Tree access

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// The element's local name.
    var localName: String { pointee.name.map { String(cString: $0) } ?? "" }

    /// The element's namespace URI, if any.
    var namespaceURI: String? { pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// True when the element is in the hearing format's namespace (compared without copying).
    var inFormatNamespace: Bool {
        guard let href = pointee.ns?.pointee.href else { return false }
        return xmlStrEqual(href, HearingXMLReader.namespace) == 1
    }

    /// True when the element has local name `name` in the format's namespace.
    func isFormatElement(_ name: String) -> Bool {
        xmlStrEqual(pointee.name, name) == 1 && inFormatNamespace
    }

    /// Line of the start tag.
    var line: Int { Int(xmlGetLineNo(self)) }

    /// The element children, in document order.
    var elementChildren: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(node) }
            child = node.pointee.next
        }
        return result
    }

    /// The first child element named `name` in the format's namespace, without allocating.
    func firstChild(_ name: String) -> xmlNodePtr? {
        var child = pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, node.isFormatElement(name) { return node }
            child = node.pointee.next
        }
        return nil
    }

    /// The text content, trimmed of surrounding white space. Reads a lone text child in place;
    /// only mixed content is copied out by libxml2.
    var trimmedText: String {
        if let text = pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
            let content = text.pointee.content
        {
            return Self.trimmed(content)
        }
        guard let content = xmlNodeGetContent(self) else { return "" }
        defer { skjenk_xml_free(content) }
        return Self.trimmed(content)
    }

    /// The value of an unqualified attribute, if present.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(self, name) else { return nil }
        defer { skjenk_xml_free(value) }
        return String(cString: value)
    }

    /// True when the element has an attribute of that name.
    func hasAttribute(_ name: String) -> Bool { xmlHasNsProp(self, name, nil) != nil }

    /// A NUL-terminated UTF-8 string without leading and trailing XML white space.
    private static func trimmed(_ bytes: UnsafePointer<xmlChar>) -> String {
        let length = strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))
        var start = 0
        var end = length
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
    }
}
