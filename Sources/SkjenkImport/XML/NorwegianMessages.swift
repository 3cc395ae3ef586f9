import CLibXML2
import Foundation

/// Turns libxml2's English parser and schema messages into Norwegian ones a case officer can act on.
enum NorwegianMessages {
    /// What a schema issue is about, for placing it in the file.
    struct SchemaIssue {
        var message: String
        var element: String?
        var attribute: String?
        /// True when the element is not part of the format at all.
        var unknownElement: Bool
        /// Issues with the same node and key say the same thing: report one.
        var key: String { isValueProblem ? "value:\(attribute ?? "")" : message }
        var isValueProblem = false
    }

    // MARK: Well-formedness and encoding

    static func parserMessage(_ issue: LibXMLIssue) -> String {
        let m = issue.message
        switch Int(issue.code) {
        case Int(XML_ERR_DOCUMENT_EMPTY.rawValue):
            return "filen inneholder ikke XML"
        case Int(XML_ERR_DOCUMENT_END.rawValue), Int(XML_ERR_EXTRA_CONTENT.rawValue):
            return "det står noe etter rotelementet; en fil har bare ett rotelement"
        case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue):
            if m.contains("UTF-8") || m.contains("encoding") {
                let bytes =
                    (m.firstMatch(of: #/Bytes: ((?:0x[0-9A-F]{2} ?)+)/#)?.1).map {
                        " (bytene \($0.trimmingCharacters(in: .whitespaces)))"
                    } ?? ""
                return
                    "teksten er ikke gyldig UTF-8\(bytes); filen er trolig lagret som ISO-8859-1 eller Windows-1252: "
                    + "oppgi encoding=\"ISO-8859-1\" i XML-deklarasjonen eller lagre filen som UTF-8"
            }
            return "ugyldig tegn i teksten"
        case Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue):
            return "tegnsettet i XML-deklarasjonen støttes ikke; bruk UTF-8 eller ISO-8859-1"
        case Int(XML_ERR_TAG_NAME_MISMATCH.rawValue):
            if let match = m.firstMatch(of: #/mismatch: (\S+) line (\d+) and (\S+)/#) {
                return "slutt-taggen </\(match.3)> passer ikke til start-taggen <\(match.1)> på linje \(match.2)"
            }
            return "slutt-taggen passer ikke til start-taggen"
        case Int(XML_ERR_TAG_NOT_FINISHED.rawValue):
            if let match = m.firstMatch(of: #/in tag (\S+) line (\d+)/#) {
                return "filen slutter før elementet <\(match.1)> fra linje \(match.2) er avsluttet"
            }
            return "filen slutter før alle elementer er avsluttet"
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            let name = m.firstMatch(of: #/Entity '([^']+)'/#).map { String($0.1) } ?? "?"
            return
                "entiteten &\(name); er ikke definert; formatet tillater bare &amp; &lt; &gt; &quot; &apos; og tegnreferanser"
        case Int(XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue):
            return "navneromsprefikset er ikke deklarert (\(m))"
        case Int(XML_ERR_GT_REQUIRED.rawValue):
            return "taggen mangler avsluttende «>»"
        case Int(XML_ERR_LT_IN_ATTRIBUTE.rawValue):
            return "«<» er ikke tillatt i en attributtverdi; skriv &lt;"
        case Int(XML_ERR_ATTRIBUTE_WITHOUT_VALUE.rawValue), Int(XML_ERR_ATTRIBUTE_NOT_STARTED.rawValue):
            return "attributtet mangler verdi i anførselstegn"
        case Int(XML_ERR_ATTRIBUTE_REDEFINED.rawValue):
            return "samme attributt står to ganger i taggen"
        case Int(XML_ERR_NAME_REQUIRED.rawValue), Int(XML_ERR_LTSLASH_REQUIRED.rawValue):
            return "ugyldig tagg: ventet et elementnavn"
        case Int(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue):
            return "«&» må skrives &amp; i tekst"
        case Int(XML_ERR_RESERVED_XML_NAME.rawValue), Int(XML_ERR_XMLDECL_NOT_STARTED.rawValue),
            Int(XML_ERR_XMLDECL_NOT_FINISHED.rawValue):
            return "XML-deklarasjonen (<?xml …?>) er ugyldig eller står ikke først i filen"
        case Int(XML_ERR_USER_STOP.rawValue), Int(XML_IO_NETWORK_ATTEMPT.rawValue):
            return "filen forsøker å hente en ekstern ressurs; det er ikke tillatt"
        case _ where m.contains("Excessive depth"):
            return "elementene er nøstet for dypt (over 256 nivåer); høringsformatet har bare noen få nivåer"
        case _ where m.localizedCaseInsensitiveContains("huge"):
            return "filen har en tekst eller et navn som er for langt (over 10 MB); høringsformatet har ingen slike"
        default:
            return "filen er ikke gyldig XML (libxml2: \(m))"
        }
    }

    // MARK: Schema validation

    static func schemaMessage(_ issue: LibXMLIssue, knownElements: Set<String>) -> SchemaIssue {
        let m = issue.message
        guard
            let head = m.firstMatch(of: #/^Element '(?<el>[^']+)'(?:, attribute '(?<attr>[^']+)')?: (?<rest>[\s\S]*)$/#)
        else {
            return SchemaIssue(message: "brudd på skjemaet: \(m)", element: nil, attribute: nil, unknownElement: false)
        }
        let (element, elementNamespace) = split(String(head.output.el))
        let attribute = head.output.attr.map(String.init)
        let rest = String(head.output.rest)
        let tag = "<\(element)>"
        let isForeign = elementNamespace != nil && elementNamespace != HearingXMLReader.namespace
        let unknown = isForeign || !knownElements.contains(element)

        func result(_ message: String, unknown: Bool = false, value: Bool = false) -> SchemaIssue {
            SchemaIssue(
                message: message, element: element, attribute: attribute, unknownElement: unknown,
                isValueProblem: value)
        }
        let subject = attribute.map { "attributtet \($0) i \(tag)" } ?? tag

        if rest.hasPrefix("This element is not expected") {
            let expected = expectedList(rest)
            if unknown {
                let namespaceNote = isForeign ? " (navnerom \(elementNamespace ?? ""))" : ""
                return result(
                    "ukjent element \(tag)\(namespaceNote); formatet har ikke dette elementet"
                        + (expected.map { "; ventet \($0)" } ?? ""), unknown: true)
            }
            guard let expected else { return result("elementet \(tag) står på feil plass eller for mange ganger") }
            return result("ventet \(expected), men fant \(tag): \(expected) mangler eller står på feil plass")
        }
        if rest.hasPrefix("Missing child element") {
            return result("påkrevd element mangler i \(tag): ventet \(expectedList(rest) ?? "flere elementer")")
        }
        if rest.contains("No matching global declaration available for the validation root") {
            let found = elementNamespace.map { "<\(element)> i navnerommet «\($0)»" } ?? "<\(element)> uten navnerom"
            return result(
                "rotelementet må være <hoeringer> eller <hoering> i navnerommet «\(HearingXMLReader.namespace)», "
                    + "fant \(found)")
        }
        if let match = rest.firstMatch(of: #/The attribute '([^']+)' is required but missing/#) {
            return SchemaIssue(
                message: "påkrevd attributt \(match.1) mangler i \(tag)", element: element,
                attribute: nil, unknownElement: false)
        }
        if rest.contains("is not allowed") && attribute != nil && rest.contains("The attribute") {
            return result("attributtet \(attribute ?? "") er ikke tillatt i \(tag)")
        }
        if let match = rest.firstMatch(
            of: #/\[facet 'enumeration'\] The value '([^']*)' is not an element of the set \{([^}]*)\}/#)
        {
            let allowed = match.2.replacingOccurrences(of: "'", with: "")
            return result(
                "verdien «\(match.1)» er ikke tillatt for \(subject); tillatte verdier: \(allowed)", value: true)
        }
        if let match = rest.firstMatch(of: #/\[facet 'pattern'\] The value '([^']*)' is not accepted/#) {
            return result(
                "verdien «\(match.1)» har feil form for \(subject); \(formHint(attribute ?? element))", value: true)
        }
        if let match = rest.firstMatch(
            of: #/\[facet 'minInclusive'\] The value '([^']*)' is less than the minimum value allowed \('([^']*)'\)/#)
        {
            return result(
                "verdien \(match.1) er for lav for \(subject); minste tillatte verdi er \(match.2)", value: true)
        }
        if let match = rest.firstMatch(
            of: #/\[facet 'maxInclusive'\] The value '([^']*)' is greater than the maximum value allowed \('([^']*)'\)/#
        ) {
            return result(
                "verdien \(match.1) er for høy for \(subject); største tillatte verdi er \(match.2)", value: true)
        }
        if let match = rest.firstMatch(
            of: #/\[facet '(?:minExclusive)'\] The value '([^']*)' must be greater than '([^']*)'/#)
        {
            return result("verdien \(match.1) må være større enn \(match.2) for \(subject)", value: true)
        }
        if rest.contains("[facet 'minLength']") {
            return result("\(subject) kan ikke være tomt")
        }
        if rest.contains("[facet 'maxLength']") {
            return result("teksten i \(subject) er for lang")
        }
        if let match = rest.firstMatch(
            of: #/'([^']*)' is not a valid value of the (?:local )?(?:atomic|list|union) type '?([^'.]*)'?/#)
        {
            return result(
                "verdien «\(match.1)» er ugyldig for \(subject); \(formHint(attribute ?? element))", value: true)
        }
        if rest.contains("Character content other than whitespace is not allowed") {
            return result("\(tag) kan ikke inneholde tekst direkte, bare elementer")
        }
        if rest.contains("Element content is not allowed") {
            return result("\(tag) kan bare inneholde tekst, ikke elementer")
        }
        return result("brudd på skjemaet i \(tag): \(rest)")
    }

    /// "Expected is ( {ns}frist )." → "<frist>"; "Expected is one of ( a, b )." → "et av <a>, <b>".
    private static func expectedList(_ rest: String) -> String? {
        guard let match = rest.firstMatch(of: #/Expected is (one of )?\( ([^)]*) \)/#) else { return nil }
        let names = match.2.split(separator: ",").map { "<\(split($0.trimmingCharacters(in: .whitespaces)).name)>" }
        return match.1 == nil ? names.joined(separator: ", ") : "et av \(names.joined(separator: ", "))"
    }

    /// "{urn:x}name" → ("name", "urn:x"); "name" → ("name", nil).
    static func split(_ qualified: String) -> (name: String, namespace: String?) {
        guard qualified.hasPrefix("{"), let close = qualified.firstIndex(of: "}") else { return (qualified, nil) }
        let namespace = String(qualified[qualified.index(after: qualified.startIndex)..<close])
        return (String(qualified[qualified.index(after: close)...]), namespace)
    }

    /// What a value of this element or attribute must look like.
    static func formHint(_ name: String) -> String {
        switch name {
        case "saksnummer": "ventet ÅÅÅÅ/N eller ÅÅ/N, eventuelt med dokumentnummer -D (som 2026/04711 eller 26/4711-2)"
        case "sendt", "frist": "ventet en gyldig dato som ÅÅÅÅ-MM-DD"
        case "organisasjonsnummer": "ventet ni siffer"
        case "postnummer": "ventet fire siffer"
        case "fra", "til": "ventet klokkeslett TT:MM (00:00–23:59)"
        case "alkoholgrupper", "grupper": "ventet gruppene 1, 2 og/eller 3 skilt med mellomrom"
        case "dager": "ventet dager blant man tir ons tor fre loer soen, skilt med mellomrom"
        case "aldersgrense": "ventet et helt tall fra 18 til 99"
        case "inne", "ute": "ventet et helt tall, 0 eller større"
        case "kvm": "ventet et positivt tall"
        case "lat", "lon", "oest", "nord": "ventet et desimaltall med punktum"
        case "foedselsaar": "ventet et årstall"
        case "tidligereBevilling", "boligerMotArealet": "ventet true eller false"
        case "epost": "ventet en e-postadresse"
        default: "se formatbeskrivelsen"
        }
    }
}
