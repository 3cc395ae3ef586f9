import Foundation
import SkjenkCore

/// Writes hearings in the hearing-request format (UTF-8), the inverse of `HearingXMLReader`:
/// for converters, test data and the benchmark's generated files.
public enum HearingXMLWriter {
    /// A `<hoeringer>` document holding `hearings`.
    public static func document(_ hearings: [Hearing]) -> Data {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hoeringer xmlns=\"\(HearingXMLReader.namespace)\">\n"
        out.reserveCapacity(hearings.count * 1_500)
        for hearing in hearings { append(hearing, to: &out) }
        out += "</hoeringer>\n"
        return Data(out.utf8)
    }

    /// Appends one `<hoering>` element.
    public static func append(_ h: Hearing, to out: inout String) {
        func element(_ name: String, _ value: String?, indent: String = "    ") {
            guard let value else { return }
            out += "\(indent)<\(name)>\(escape(value))</\(name)>\n"
        }
        out += "  <hoering>\n"
        element("saksnummer", h.caseNumber.text)
        element("sendt", h.sent.iso)
        element("frist", h.deadline.iso)
        if let officer = h.agencyOfficer {
            out += "    <saksbehandler><navn>\(escape(officer.name))</navn>"
            if let email = officer.email { out += "<epost>\(escape(email))</epost>" }
            out += "</saksbehandler>\n"
        }
        element("bydel", h.district)
        element("soeknadstype", h.applicationType.code)
        element("endring", h.change)
        element("bevillingstype", h.permitType.code)
        out +=
            "    <soeker><navn>\(escape(h.applicant.name))</navn>"
            + "<organisasjonsnummer>\(h.applicant.organisationNumber.digits)</organisasjonsnummer></soeker>\n"
        let v = h.venue
        out += "    <sted>\n"
        element("navn", v.name, indent: "      ")
        out +=
            "      <adresse><gate>\(escape(v.address.street))</gate><postnummer>\(v.address.postalCode)</postnummer>"
            + "<poststed>\(escape(v.address.postTown))</poststed></adresse>\n"
        if let p = v.position {
            out +=
                p.srid == .wgs84
                ? "      <posisjon srid=\"4326\" lat=\"\(p.y)\" lon=\"\(p.x)\"/>\n"
                : "      <posisjon srid=\"\(p.srid.rawValue)\" oest=\"\(p.x)\" nord=\"\(p.y)\"/>\n"
        }
        element("konsept", v.concept, indent: "      ")
        element("maalgruppe", v.targetGroup, indent: "      ")
        element("aldersgrense", v.ageLimit.map(String.init), indent: "      ")
        if let c = v.capacity {
            out +=
                "      <kapasitet" + (c.indoor.map { " inne=\"\($0)\"" } ?? "")
                + (c.outdoor.map { " ute=\"\($0)\"" } ?? "")
                + "/>\n"
        }
        if let o = v.outdoorArea {
            out +=
                "      <uteservering plassering=\"\(o.placement.code)\""
                + (o.squareMetres.map { " kvm=\"\($0)\"" } ?? "")
                + (o.facesHomes.map { " boligerMotArealet=\"\($0)\"" } ?? "") + "/>\n"
        }
        out += "    </sted>\n"
        element("sone", h.zone?.code)
        for (name, person) in [("styrer", h.manager), ("stedfortreder", h.deputy)] {
            guard let person else { continue }
            out +=
                "    <\(name)><navn>\(escape(person.name))</navn>"
                + (person.birthYear.map { "<foedselsaar>\($0)</foedselsaar>" } ?? "") + "</\(name)>\n"
        }
        element("alkoholgrupper", groups(h.alcoholGroups))
        if !h.servingPeriods.isEmpty {
            out += "    <skjenketider>\n"
            for p in h.servingPeriods {
                out +=
                    "      <periode omraade=\"\(p.area.code)\" grupper=\"\(groups(p.groups))\" fra=\"\(p.from)\" til=\"\(p.to)\""
                if !p.everyDay { out += " dager=\"\(p.days.sorted().map(\.code).joined(separator: " "))\"" }
                out += "/>\n"
            }
            out += "    </skjenketider>\n"
        }
        element("tidligereBevilling", h.earlierPermit.map { $0 ? "true" : "false" })
        for a in h.attachments {
            out += "    <vedlegg tittel=\"\(escape(a.title))\" filnavn=\"\(escape(a.fileName))\"/>\n"
        }
        element("merknad", h.remark)
        out += "  </hoering>\n"
    }

    private static func groups(_ groups: Set<AlcoholGroup>) -> String {
        groups.sorted().map { String($0.rawValue) }.joined(separator: " ")
    }

    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}
