import Foundation

/// The stable key of an assessment factor. The raw values are what `skjenk assess --json`, stored
/// assessments and the assessment digest carry: never rename one.
public enum FactorKey: String, Sendable, Hashable, Codable, CaseIterable {
    /// Barn og unge nearby (beliggenhet; policy `avstander`).
    case children
    /// Sårbare grupper nearby: treatment, low-threshold and housing services (beliggenhet).
    case vulnerable
    /// Homes, courtyards and night-time serving in a residential zone (beliggenhet; `naboer`).
    case neighbours
    /// Serving hours against the zone and alkoholloven § 4-4 (stedets karakter).
    case hours
    /// Licensed venues within the radius (antall steder; `tetthet`).
    case density
    /// Concept and target group (stedets karakter, målgruppe; `konsept`).
    case concept
    /// The district's complaints (trafikk- og ordensmessige forhold; `klager`).
    case complaints
    /// Penalty points (tidligere drift; alkoholforskriften kapittel 10).
    case points
    /// Retail sale hours (alkoholloven § 3-7).
    case saleHours

    /// The factors about requested hours: the parts the district may advise against, so the
    /// level without them is weighed separately.
    public var isHours: Bool { self == .hours || self == .saleHours }

    /// The factor's name on the case page, under its criterion.
    public var label: String {
        switch self {
        case .children: "barn og unge i nærheten"
        case .vulnerable: "sårbare grupper i nærheten"
        case .neighbours: "naboer og boliger"
        case .hours: "skjenketider"
        case .density: "steder med bevilling i nærheten"
        case .concept: "konsept og målgruppe"
        case .complaints: "klager på stedet"
        case .points: "prikker"
        case .saleHours: "salgstider"
        }
    }
}
