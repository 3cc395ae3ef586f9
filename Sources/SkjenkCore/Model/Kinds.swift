import Foundation

/// A kind whose values have a code in the hearing format (Norwegian, ASCII) and a label for people.
public protocol ExchangeCoded: RawRepresentable<String>, CaseIterable, Sendable, Hashable, Codable {
    /// The value's code in the hearing XML (`ny`, `skjenking`, `inne`).
    var code: String { get }
    /// The value as a Norwegian reader sees it.
    var label: String { get }
    /// The value with this exchange code, if any (a kind may also read older codes).
    init?(code: String)
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

/// The venue's zone in Oslo's regulation of opening hours (forskrift om serverings-, salgs- og
/// skjenkebevillinger, FOR-2006-05-03-490 § 1), when the agency states it. The zones decide when a
/// place must be closed indoors and outdoors; the hours themselves are policy values.
public enum Zone: String, ExchangeCoded {
    case innerCentre, centre, residential
    /// Outside the centre, not a residential area (`utenfor-boligomraade`). The raw value keeps the
    /// name stored cases were written with.
    case outsideCentre

    public var code: String {
        switch self {
        case .innerCentre: "indre-sentrum"
        case .centre: "sentrum"
        case .residential: "boligomraade"
        case .outsideCentre: "utenfor-boligomraade"
        }
    }

    /// The code version 1 files used for `outsideCentre`; still read.
    public static let legacyOutsideCentreCode = "utenfor-sentrum"

    /// The zone with this code, including the older `utenfor-sentrum`.
    public init?(code: String) {
        if code == Self.legacyOutsideCentreCode {
            self = .outsideCentre
            return
        }
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    public var label: String {
        switch self {
        case .innerCentre: "indre sentrum"
        case .centre: "sentrum"
        case .residential: "boligområde utenfor sentrum"
        case .outsideCentre: "område utenfor sentrum som ikke er boligområde"
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
