import Foundation

/// Prikker: penalty points Næringsetaten gave a permit holder (alkoholforskriften kapittel 10).
/// Points belong to the holder (organisation number): the two-year window runs on across a
/// renewal and starts again with a new owner.
public struct PenaltyPoints: Sendable, Hashable, Codable {
    public var date: LocalDate
    public var organisationNumber: OrganisationNumber
    public var venueName: String
    public var address: String?
    public var points: Int
    public var reason: String

    public init(
        date: LocalDate, organisationNumber: OrganisationNumber, venueName: String, address: String? = nil,
        points: Int, reason: String
    ) {
        self.date = date
        self.organisationNumber = organisationNumber
        self.venueName = venueName
        self.address = address
        self.points = points
        self.reason = reason
    }
}
