import Foundation

/// A place that already holds a permit, from a venue register (Næringsetaten's permit map or the
/// district's own list): what the density factor counts.
public struct LicensedVenue: Sendable, Hashable, Codable {
    public var name: String
    public var organisationNumber: OrganisationNumber?
    public var address: String?
    public var permitType: PermitType?
    /// Permitted closing time indoors (`INNE_TID`), as the register writes it.
    public var indoorClosing: String?
    /// Permitted closing time outdoors (`UTE_TID`).
    public var outdoorClosing: String?
    /// The permit holder's name (`EIERNAVN`): may be a private person, so personal data.
    public var holderName: String?
    /// The register's own id for the permit (`DBID`).
    public var registerId: String?
    public var position: Position
    public var source: String

    public init(
        name: String, organisationNumber: OrganisationNumber? = nil, address: String? = nil,
        permitType: PermitType? = nil, indoorClosing: String? = nil, outdoorClosing: String? = nil,
        holderName: String? = nil, registerId: String? = nil, position: Position, source: String
    ) {
        self.name = name
        self.organisationNumber = organisationNumber
        self.address = address
        self.permitType = permitType
        self.indoorClosing = indoorClosing
        self.outdoorClosing = outdoorClosing
        self.holderName = holderName
        self.registerId = registerId
        self.position = position
        self.source = source
    }
}
