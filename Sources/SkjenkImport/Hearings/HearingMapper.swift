import CLibXML2
import Foundation
import SkjenkCore

/// A problem the mapper found, to be placed once the schema check's findings are known.
struct MapperProblem {
    let node: xmlNodePtr
    let caseNumber: String?
    let message: String
    /// Reported even when the schema check flagged the same element (rules it cannot see).
    let force: Bool
    /// The fallback "cannot be read" message: dropped when the schema explains the hearing.
    var isFallback = false
}

/// What mapping one `<hoering>` gave.
struct MappedHearing {
    let element: xmlNodePtr
    let hearing: Hearing?
    let problems: [MapperProblem]
}

/// Maps one `<hoering>` element to a `Hearing`, collecting what cannot be mapped and the rules
/// of the format that a schema cannot express. It only reads the tree, so it can run while the
/// schema check walks the same document; the hearing is nil when anything is missing or wrong.
struct HearingMapper {
    let element: xmlNodePtr
    private var problems: [MapperProblem] = []
    private var caseText: String?
    private var failed = false
    /// Where each rule-checked field stands, to place rule violations.
    private var fieldNodes: [HearingField: xmlNodePtr] = [:]

    init(element: xmlNodePtr) {
        self.element = element
    }

    consuming func map() -> MappedHearing {
        let hearing = mapHearing()
        return MappedHearing(element: element, hearing: hearing, problems: problems)
    }

    private mutating func mapHearing() -> Hearing? {
        var caseNumber: CaseNumber?
        var sent: LocalDate?
        var deadline: LocalDate?
        var officer: AgencyOfficer?
        var district: String?
        var applicationType: ApplicationType?
        var change: String?
        var permitType: PermitType?
        var applicant: Applicant?
        var venue: Venue?
        var zone: Zone?
        var manager: Person?
        var deputy: Person?
        var groups: Set<AlcoholGroup>?
        var periods: [ServingPeriod?] = []
        var earlierPermit: Bool?
        var attachments: [Attachment] = []
        var remark: String?

        var next = element.pointee.children
        while let child = next {
            next = child.pointee.next
            guard child.pointee.type == XML_ELEMENT_NODE, child.inFormatNamespace else { continue }
            switch child.localName {
            case "saksnummer":
                caseText = child.trimmedText
                caseNumber = value(child) { text throws in try CaseNumber(text) }
            case "sendt": sent = date(child)
            case "frist":
                deadline = date(child)
                fieldNodes[.deadline] = child
            case "saksbehandler":
                if let name = requiredText(child, "navn") {
                    officer = AgencyOfficer(name: name, email: optionalText(child, "epost"))
                }
            case "bydel": district = text(child)
            case "soeknadstype":
                applicationType = coded(child)
                fieldNodes[.applicationType] = child
            case "endring":
                change = text(child)
                fieldNodes[.change] = child
            case "bevillingstype": permitType = coded(child)
            case "soeker": applicant = mapApplicant(child)
            case "sted": venue = mapVenue(child)
            case "sone": zone = coded(child)
            case "styrer": manager = mapPerson(child)
            case "stedfortreder": deputy = mapPerson(child)
            case "alkoholgrupper":
                groups = alcoholGroups(child, text: child.trimmedText)
                fieldNodes[.alcoholGroups] = child
            case "skjenketider":
                for period in child.elementChildren where period.isFormatElement("periode") {
                    fieldNodes[.servingPeriod(periods.count)] = period
                    periods.append(mapPeriod(period))
                }
            case "tidligereBevilling": earlierPermit = boolean(child, text: child.trimmedText)
            case "vedlegg":
                if let title = child.attribute("tittel"), let file = child.attribute("filnavn") {
                    attachments.append(Attachment(title: title.trimmed, fileName: file.trimmed))
                } else {
                    failed = true
                }
            case "merknad": remark = text(child)
            default: continue  // Unknown: the schema check (or lenient mode) has said so.
            }
        }

        let facts = HearingFacts(
            sent: sent, deadline: deadline, applicationType: applicationType, change: change,
            permitType: permitType, alcoholGroups: groups, servingPeriods: periods,
            position: venue?.position)
        for violation in HearingRules.check(facts) {
            let node = fieldNodes[violation.field] ?? element
            report(node, violation.message, force: true)
        }

        guard !failed, let caseNumber, let sent, let deadline, let district, let applicationType,
            let permitType, let applicant, let venue, let groups,
            periods.allSatisfy({ $0 != nil })
        else {
            if problems.isEmpty {
                // Never drop a hearing without saying why (unless the schema check says it).
                problems.append(
                    MapperProblem(
                        node: element, caseNumber: caseText,
                        message: "høringen mangler påkrevde opplysninger og kan ikke leses",
                        force: false, isFallback: true))
            }
            return nil
        }
        guard problems.isEmpty else { return nil }
        return Hearing(
            caseNumber: caseNumber, sent: sent, deadline: deadline, agencyOfficer: officer,
            district: district, applicationType: applicationType, change: change, permitType: permitType,
            applicant: applicant, venue: venue, zone: zone, manager: manager, deputy: deputy,
            alcoholGroups: groups, servingPeriods: periods.compactMap { $0 },
            earlierPermit: earlierPermit, attachments: attachments, remark: remark)
    }

    // MARK: Parts

    private mutating func mapApplicant(_ node: xmlNodePtr) -> Applicant? {
        let name = requiredText(node, "navn")
        guard let numberNode = child(node, "organisasjonsnummer") else { return fail() }
        let text = numberNode.trimmedText
        let number: OrganisationNumber?
        do throws(OrganisationNumber.Problem) {
            number = try OrganisationNumber(text)
        } catch .notNineDigits {
            number = report(numberNode, "organisasjonsnummeret «\(text)» må ha ni siffer")
        } catch {
            number = report(
                numberNode,
                "organisasjonsnummeret «\(text)» er ugyldig: kontrollsifferet stemmer ikke "
                    + "(MOD11); sjekk nummeret i Enhetsregisteret")
        }
        guard let name, let number else { return fail() }
        return Applicant(name: name, organisationNumber: number)
    }

    private mutating func mapVenue(_ node: xmlNodePtr) -> Venue? {
        let name = requiredText(node, "navn")
        var address: Address?
        if let addressNode = child(node, "adresse") {
            let street = requiredText(addressNode, "gate")
            let postalCode = requiredText(addressNode, "postnummer")
            let town = requiredText(addressNode, "poststed")
            if let street, let postalCode, let town {
                if postalCode.count == 4, postalCode.allSatisfy(\.isASCII), postalCode.allSatisfy(\.isNumber) {
                    address = Address(street: street, postalCode: postalCode, postTown: town)
                } else if let codeNode = child(addressNode, "postnummer") {
                    report(codeNode, "postnummeret «\(postalCode)» må ha fire siffer")
                }
            }
        }
        let position = child(node, "posisjon").flatMap { mapPosition($0) }
        var ageLimit: Int?
        if let ageNode = child(node, "aldersgrense") {
            ageLimit = integer(ageNode, text: ageNode.trimmedText, range: 18...99, what: "aldersgrensen")
        }
        var capacity: Capacity?
        if let capacityNode = child(node, "kapasitet") {
            capacity = Capacity(
                indoor: capacityNode.attribute("inne").flatMap {
                    integer(capacityNode, text: $0, range: 0...1_000_000, what: "kapasiteten inne")
                },
                outdoor: capacityNode.attribute("ute").flatMap {
                    integer(capacityNode, text: $0, range: 0...1_000_000, what: "kapasiteten ute")
                })
        }
        var outdoor: OutdoorArea?
        if let outdoorNode = child(node, "uteservering") {
            let placement: OutdoorPlacement? = outdoorNode.attribute("plassering").flatMap { code in
                OutdoorPlacement(code: code.trimmed)
                    ?? report(outdoorNode, "ukjent plassering «\(code)» for uteservering")
            }
            let area = outdoorNode.attribute("kvm").flatMap { text -> Double? in
                guard let value = Double(text.trimmed), value.isFinite, value > 0 else {
                    return report(outdoorNode, "arealet «\(text)» må være et positivt tall (kvm)")
                }
                return value
            }
            let facesHomes = outdoorNode.attribute("boligerMotArealet").flatMap { boolean(outdoorNode, text: $0) }
            if let placement { outdoor = OutdoorArea(placement: placement, squareMetres: area, facesHomes: facesHomes) }
        }
        guard let name, let address else { return fail() }
        return Venue(
            name: name, address: address, position: position,
            concept: optionalText(node, "konsept"), targetGroup: optionalText(node, "maalgruppe"),
            ageLimit: ageLimit, capacity: capacity, outdoorArea: outdoor)
    }

    private mutating func mapPosition(_ node: xmlNodePtr) -> Position? {
        fieldNodes[.position] = node
        guard let sridText = node.attribute("srid"), let code = Int(sridText.trimmed), let srid = SRID(rawValue: code)
        else {
            return report(node, "posisjonen må ha srid 4326 (WGS84), 25832 eller 25833 (EUREF89 UTM 32/33)")
        }
        let (xName, yName, other) =
            srid == .wgs84 ? ("lon", "lat", ["oest", "nord"]) : ("oest", "nord", ["lat", "lon"])
        guard let xText = node.attribute(xName), let yText = node.attribute(yName) else {
            return report(node, "posisjon med srid \(code) må ha attributtene \(yName) og \(xName)")
        }
        if other.contains(where: node.hasAttribute) {
            return report(
                node, "posisjon med srid \(code) skal ha \(yName) og \(xName), ikke \(other.joined(separator: "/"))")
        }
        guard let x = Double(xText.trimmed), let y = Double(yText.trimmed) else {
            return report(node, "koordinatene «\(yText)», «\(xText)» er ikke tall")
        }
        do {
            return try Position(srid: srid, x: x, y: y)
        } catch .latitudeOutOfRange {
            return report(node, "breddegraden \(yText) er utenfor −90…90", force: true)
        } catch .longitudeOutOfRange {
            return report(node, "lengdegraden \(xText) er utenfor −180…180", force: true)
        } catch {
            return report(
                node, "koordinatene (øst \(xText), nord \(yText)) er ikke gyldige UTM-koordinater", force: true)
        }
    }

    private mutating func mapPerson(_ node: xmlNodePtr) -> Person? {
        guard let name = requiredText(node, "navn") else { return nil }
        let year = child(node, "foedselsaar").flatMap {
            integer($0, text: $0.trimmedText, range: 1900...2100, what: "fødselsåret")
        }
        return Person(name: name, birthYear: year)
    }

    private mutating func mapPeriod(_ node: xmlNodePtr) -> ServingPeriod? {
        let area: ServingArea? = node.attribute("omraade").flatMap { code in
            ServingArea(code: code.trimmed) ?? report(node, "området «\(code)» må være inne eller ute")
        }
        let groups = node.attribute("grupper").flatMap { alcoholGroups(node, text: $0) }
        var days = Set(Weekday.allCases)
        if let dayText = node.attribute("dager") {
            var parsed: Set<Weekday> = []
            for token in dayText.split(separator: " ") {
                guard let day = Weekday(code: String(token)) else {
                    return report(node, "ukjent dag «\(token)»; bruk man tir ons tor fre loer soen")
                }
                parsed.insert(day)
            }
            days = parsed
        }
        let from = node.attribute("fra").flatMap { time(node, $0) }
        let to = node.attribute("til").flatMap { time(node, $0) }
        guard let area, let groups, let from, let to else { return fail() }
        do {
            return try ServingPeriod(area: area, groups: groups, days: days, from: from, to: to)
        } catch .noGroups {
            return report(node, "perioden må gjelde minst én alkoholgruppe")
        } catch {
            return report(node, "perioden må gjelde minst én dag")
        }
    }

    // MARK: Values

    private mutating func date(_ node: xmlNodePtr) -> LocalDate? {
        let text = node.trimmedText
        return (try? LocalDate(iso: text)) ?? report(node, "«\(text)» er ikke en gyldig dato (ÅÅÅÅ-MM-DD)")
    }

    private mutating func time(_ node: xmlNodePtr, _ text: String) -> TimeOfDay? {
        (try? TimeOfDay(text.trimmed)) ?? report(node, "«\(text)» er ikke et gyldig klokkeslett (TT:MM)")
    }

    private mutating func coded<Kind: ExchangeCoded>(_ node: xmlNodePtr) -> Kind? {
        let text = node.trimmedText
        return Kind(code: text)
            ?? report(
                node,
                "verdien «\(text)» er ikke tillatt i <\(node.localName)>; tillatte "
                    + "verdier: \(Kind.codes.joined(separator: ", "))")
    }

    private mutating func alcoholGroups(_ node: xmlNodePtr, text: String) -> Set<AlcoholGroup>? {
        var groups: Set<AlcoholGroup> = []
        for token in text.split(separator: " ") {
            guard let number = Int(token), let group = AlcoholGroup(rawValue: number), groups.insert(group).inserted
            else {
                return report(node, "«\(text)» er ikke en liste over alkoholgruppene 1, 2 og 3")
            }
        }
        return groups.isEmpty ? report(node, "minst én alkoholgruppe må oppgis") : groups
    }

    private mutating func boolean(_ node: xmlNodePtr, text: String) -> Bool? {
        switch text.trimmed {
        case "true", "1": true
        case "false", "0": false
        default: report(node, "«\(text)» må være true eller false")
        }
    }

    private mutating func integer(_ node: xmlNodePtr, text: String, range: ClosedRange<Int>, what: String) -> Int? {
        guard let value = Int(text.trimmed) else { return report(node, "\(what) «\(text)» er ikke et helt tall") }
        guard range.contains(value) else {
            return report(
                node, "\(what) \(value) er utenfor det tillatte området \(range.lowerBound)–\(range.upperBound)")
        }
        return value
    }

    private mutating func value<T>(_ node: xmlNodePtr, _ parse: (String) throws -> T) -> T? {
        let text = node.trimmedText
        return (try? parse(text)) ?? report(node, "«\(text)» er ikke et gyldig \(node.localName)")
    }

    private mutating func text(_ node: xmlNodePtr) -> String? {
        let text = node.trimmedText
        return text.isEmpty ? report(node, "<\(node.localName)> kan ikke være tomt") : text
    }

    private mutating func requiredText(_ parent: xmlNodePtr, _ name: String) -> String? {
        guard let node = child(parent, name) else { return fail() }
        return text(node)
    }

    private func optionalText(_ parent: xmlNodePtr, _ name: String) -> String? {
        guard let node = child(parent, name) else { return nil }
        let text = node.trimmedText
        return text.isEmpty ? nil : text
    }

    private func child(_ parent: xmlNodePtr, _ name: String) -> xmlNodePtr? {
        parent.firstChild(name)
    }

    /// Records a problem at `node`; unless `force`d it is dropped later when the schema check
    /// reported that element. Always marks the hearing as failed.
    @discardableResult
    private mutating func report<T>(_ node: xmlNodePtr, _ message: String, force: Bool = false) -> T? {
        failed = true
        problems.append(
            MapperProblem(
                node: node, caseNumber: caseText?.isEmpty == false ? caseText : nil,
                message: message, force: force))
        return nil
    }

    private mutating func report(_ node: xmlNodePtr, _ message: String, force: Bool = false) {
        let _: Int? = report(node, message, force: force)
    }

    private mutating func fail<T>() -> T? {
        failed = true
        return nil
    }
}

extension String {
    /// Without leading and trailing XML white space (space, tab, CR, LF); cheap when there is none.
    var trimmed: String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }),
            let last = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return self }
        return String(self[first...last])
    }
}
