import Foundation

/// The kinds of sensitive site the assessment weighs (alkoholloven § 1-7a, beliggenhet).
public enum SiteCategory: String, ExchangeCoded {
    /// Skole: grunnskole and videregående.
    case school
    /// Barnehage.
    case kindergarten
    /// Fritidsklubb or another service for young people.
    case youth
    /// Rusinstitusjon, treatment, low-threshold or housing services for vulnerable groups: «tilbud for
    /// sårbare grupper», never «rus- og behandlingstilbud», which is wrong (and stigmatising) for a
    /// housing service.
    case treatment
    /// Idrettsanlegg.
    case sports
    /// Annet.
    case other

    public var code: String {
        switch self {
        case .school: "skole"
        case .kindergarten: "barnehage"
        case .youth: "ungdomstilbud"
        case .treatment: "behandlingstilbud"
        case .sports: "idrettsanlegg"
        case .other: "annet"
        }
    }

    public var label: String {
        switch self {
        case .school: "skole"
        case .kindergarten: "barnehage"
        case .youth: "fritidsklubb/ungdomstilbud"
        case .treatment: "tilbud for sårbare grupper"
        case .sports: "idrettsanlegg"
        case .other: "annet"
        }
    }

    /// Reads a category as registers write it: the code, the other common names
    /// (`fritidsklubb`, `rusinstitusjon`, `grunnskole` …) or the English case name.
    public init?(registerText text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let match = Self(code: key) ?? Self(rawValue: key) {
            self = match
            return
        }
        switch key {
        case "grunnskole", "videregående", "videregående skole", "videregaaende", "vgs", "ungdomsskole", "barneskole":
            self = .school
        case "fritidsklubb", "ungdomsklubb", "fritidstilbud": self = .youth
        case "rusinstitusjon", "lavterskeltilbud", "behandling", "botilbud": self = .treatment
        case "idrett", "idrettsplass", "idrettsbane", "sport": self = .sports
        default: return nil
        }
    }
}

/// A sensitive site from a register: a school, a kindergarten, a youth club, a treatment place.
public struct Site: Sendable, Hashable, Codable {
    public var category: SiteCategory
    public var name: String
    public var address: String?
    /// The position as the register gave it.
    public var position: Position
    /// The register (source) it came from.
    public var source: String
    /// Åpningstid, when the register gives it; nil when unknown.
    public var openingHours: WeeklyHours?

    public init(
        category: SiteCategory, name: String, address: String? = nil, position: Position, source: String,
        openingHours: WeeklyHours? = nil
    ) {
        self.category = category
        self.name = name
        self.address = address
        self.position = position
        self.source = source
        self.openingHours = openingHours
    }
}
