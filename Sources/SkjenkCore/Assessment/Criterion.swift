import Foundation

/// The criteria of alkoholloven § 1-7a the assessment's factors belong to.
public enum Criterion: String, Sendable, Hashable, Codable, CaseIterable {
    /// Beliggenhet: children, young people and vulnerable groups nearby; homes.
    case location
    /// Antall salgs- og skjenkesteder: density of licensed venues.
    case numberOfVenues
    /// Stedets karakter og målgruppe: concept, target group, hours, groups, capacity.
    case character
    /// Trafikk- og ordensmessige forhold: complaints and public order.
    case publicOrder
    /// Tidligere bevilling: how the holder ran the place before (penalty points).
    case earlierOperation

    /// The key used in the policy file.
    public var code: String {
        switch self {
        case .location: "beliggenhet"
        case .numberOfVenues: "antall_steder"
        case .character: "stedets_karakter"
        case .publicOrder: "ordensforhold"
        case .earlierOperation: "tidligere_drift"
        }
    }

    /// The criterion as the law and statements name it.
    public var label: String {
        switch self {
        case .location: "beliggenhet"
        case .numberOfVenues: "antall salgs- og skjenkesteder"
        case .character: "stedets karakter og målgruppe"
        case .publicOrder: "trafikk- og ordensmessige forhold"
        case .earlierOperation: "tidligere bevilling"
        }
    }

    public init?(code: String) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }
}
