import Foundation

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
