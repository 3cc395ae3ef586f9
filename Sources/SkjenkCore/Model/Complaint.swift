import Foundation

/// The categories of complaints about venues (DOMAIN.md, "Complaints about venues").
public enum ComplaintCategory: String, ExchangeCoded {
    case noise, disorder, litter, minors, overserving, hours, drugs, discrimination, smoking, traffic, other

    public var code: String {
        switch self {
        case .noise: "stoey"
        case .disorder: "uro"
        case .litter: "forsoepling"
        case .minors: "mindreaarige"
        case .overserving: "overskjenking"
        case .hours: "aapningstid"
        case .drugs: "narkotika"
        case .discrimination: "diskriminering"
        case .smoking: "roeyking"
        case .traffic: "trafikk"
        case .other: "annet"
        }
    }

    public var label: String {
        switch self {
        case .noise: "støy"
        case .disorder: "uro/vold"
        case .litter: "forsøpling"
        case .minors: "mindreårige"
        case .overserving: "overskjenking"
        case .hours: "åpningstid"
        case .drugs: "narkotika"
        case .discrimination: "diskriminering"
        case .smoking: "røyking/gårdsrom"
        case .traffic: "trafikk/parkering"
        case .other: "annet"
        }
    }
}

/// A complaint about a venue, as far as the assessment needs it. Who complained is never part of
/// this type: the complaint log keeps that apart, for staff only.
public struct Complaint: Sendable, Hashable, Codable {
    /// The log's id, once stored.
    public var id: Int64?
    /// When the incident happened (the first day, for a period).
    public var incidentDate: LocalDate
    public var categories: Set<ComplaintCategory>
    /// The venue as the complaint names it, and what links it to a permit holder or a place.
    public var venueName: String?
    public var organisationNumber: OrganisationNumber?
    /// Street and number (`Pilestredet 63`), matched against the hearing's address.
    public var street: String?
    public var position: GeoPoint?
    /// Closed as unfounded: never counted.
    public var unfounded: Bool
    /// Complaints about the same episode share one episode id (the first complaint's id).
    public var episodeId: Int64?

    public init(
        id: Int64? = nil, incidentDate: LocalDate, categories: Set<ComplaintCategory>, venueName: String? = nil,
        organisationNumber: OrganisationNumber? = nil, street: String? = nil, position: GeoPoint? = nil,
        unfounded: Bool = false, episodeId: Int64? = nil
    ) {
        self.id = id
        self.incidentDate = incidentDate
        self.categories = categories
        self.venueName = venueName
        self.organisationNumber = organisationNumber
        self.street = street
        self.position = position
        self.unfounded = unfounded
        self.episodeId = episodeId
    }
}
