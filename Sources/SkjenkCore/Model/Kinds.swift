import Foundation

/// A kind whose values have a code in the hearing format (Norwegian, ASCII) and a label for people.
public protocol ExchangeCoded: RawRepresentable<String>, CaseIterable, Sendable, Hashable, Codable {
    /// The value's code in the hearing XML (`ny`, `skjenking`, `inne`).
    var code: String { get }
    /// The value as a Norwegian reader sees it.
    var label: String { get }
}

extension ExchangeCoded {
    /// The value with this exchange code, if any.
    public init?(code: String) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    /// All codes, for messages that list what is allowed.
    public static var codes: [String] { allCases.map(\.code) }
}

/// Søknadstype: what the applicant asks for.
public enum ApplicationType: String, ExchangeCoded {
    case new, change, changeOfOwner, renewal, singleOccasion

    public var code: String {
        switch self {
        case .new: "ny"
        case .change: "endring"
        case .changeOfOwner: "eierskifte"
        case .renewal: "fornyelse"
        case .singleOccasion: "enkeltanledning"
        }
    }

    public var label: String {
        switch self {
        case .new: "ny bevilling"
        case .change: "endring av bevilling"
        case .changeOfOwner: "eierskifte"
        case .renewal: "fornyelse"
        case .singleOccasion: "enkeltanledning"
        }
    }
}

/// Bevillingstype: serving (alkoholloven kapittel 4) or retail sale (kapittel 3).
public enum PermitType: String, ExchangeCoded {
    case serving, retailSale

    public var code: String { self == .serving ? "skjenking" : "salg" }
    public var label: String { self == .serving ? "skjenkebevilling" : "salgsbevilling" }
}

/// The venue's zone in Oslo's opening-hours regulation, when the agency states it.
public enum Zone: String, ExchangeCoded {
    case innerCentre, centre, residential, outsideCentre

    public var code: String {
        switch self {
        case .innerCentre: "indre-sentrum"
        case .centre: "sentrum"
        case .residential: "boligomraade"
        case .outsideCentre: "utenfor-sentrum"
        }
    }

    public var label: String {
        switch self {
        case .innerCentre: "indre sentrum"
        case .centre: "sentrum"
        case .residential: "boligområde"
        case .outsideCentre: "utenfor sentrum"
        }
    }
}

/// Alkoholgruppe (alkoholloven § 1-3): 1 over 2,5 to 4,7 %, 2 over 4,7 under 22 %, 3 22–60 %.
public enum AlcoholGroup: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case group1 = 1
    case group2 = 2
    case group3 = 3

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Område: indoors or the outdoor area.
public enum ServingArea: String, ExchangeCoded {
    case indoor, outdoor

    public var code: String { self == .indoor ? "inne" : "ute" }
    public var label: String { self == .indoor ? "inne" : "ute" }
}

/// Ukedag, Monday first as in Norway.
public enum Weekday: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    public var code: String {
        ["man", "tir", "ons", "tor", "fre", "loer", "soen"][rawValue - 1]
    }

    public var label: String {
        ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"][rawValue - 1]
    }

    public init?(code: String) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where the outdoor area lies.
public enum OutdoorPlacement: String, ExchangeCoded {
    case pavement, backyard, roofTerrace, atrium, park, other

    public var code: String {
        switch self {
        case .pavement: "fortau"
        case .backyard: "bakgaard"
        case .roofTerrace: "takterrasse"
        case .atrium: "atrium"
        case .park: "park"
        case .other: "annet"
        }
    }

    public var label: String {
        switch self {
        case .pavement: "fortau"
        case .backyard: "bakgård"
        case .roofTerrace: "takterrasse"
        case .atrium: "atrium"
        case .park: "park"
        case .other: "annet"
        }
    }
}
