import Foundation

/// Høring: the licensing agency's request for the district's statement on one application.
public struct Hearing: Sendable, Hashable, Codable {
    /// Saksnummer: identifies the case across re-sent versions.
    public var caseNumber: CaseNumber
    /// Sendt: the date the agency sent the request.
    public var sent: LocalDate
    /// Frist: the date the district's answer is due.
    public var deadline: LocalDate
    /// Saksbehandler: the agency's case officer.
    public var agencyOfficer: AgencyOfficer?
    /// Bydel: the district asked.
    public var district: String
    public var applicationType: ApplicationType
    /// Endring: what is to change, for `applicationType == .change`.
    public var change: String?
    public var permitType: PermitType
    /// Søker.
    public var applicant: Applicant
    /// Sted.
    public var venue: Venue
    /// Sone in the opening-hours regulation, when stated.
    public var zone: Zone?
    /// Styrer: personal data, for staff only; never used by the assessment.
    public var manager: Person?
    /// Stedfortreder: personal data, as `manager`.
    public var deputy: Person?
    /// Alkoholgrupper applied for.
    public var alcoholGroups: Set<AlcoholGroup>
    /// Skjenketider.
    public var servingPeriods: [ServingPeriod]
    /// Tidligere bevilling: the place has held a permit before.
    public var earlierPermit: Bool?
    /// Vedlegg.
    public var attachments: [Attachment]
    /// Merknad: free text from the agency.
    public var remark: String?

    public init(
        caseNumber: CaseNumber, sent: LocalDate, deadline: LocalDate, agencyOfficer: AgencyOfficer? = nil,
        district: String, applicationType: ApplicationType, change: String? = nil,
        permitType: PermitType, applicant: Applicant, venue: Venue, zone: Zone? = nil,
        manager: Person? = nil, deputy: Person? = nil, alcoholGroups: Set<AlcoholGroup>,
        servingPeriods: [ServingPeriod] = [], earlierPermit: Bool? = nil,
        attachments: [Attachment] = [], remark: String? = nil
    ) {
        self.caseNumber = caseNumber
        self.sent = sent
        self.deadline = deadline
        self.agencyOfficer = agencyOfficer
        self.district = district
        self.applicationType = applicationType
        self.change = change
        self.permitType = permitType
        self.applicant = applicant
        self.venue = venue
        self.zone = zone
        self.manager = manager
        self.deputy = deputy
        self.alcoholGroups = alcoholGroups
        self.servingPeriods = servingPeriods
        self.earlierPermit = earlierPermit
        self.attachments = attachments
        self.remark = remark
    }
}

/// The agency's case officer.
public struct AgencyOfficer: Sendable, Hashable, Codable {
    public var name: String
    public var email: String?

    public init(name: String, email: String? = nil) {
        self.name = name
        self.email = email
    }
}

/// Søker: the applicant company.
public struct Applicant: Sendable, Hashable, Codable {
    public var name: String
    public var organisationNumber: OrganisationNumber

    public init(name: String, organisationNumber: OrganisationNumber) {
        self.name = name
        self.organisationNumber = organisationNumber
    }
}

/// A named person (styrer, stedfortreder): personal data.
public struct Person: Sendable, Hashable, Codable {
    public var name: String
    /// Fødselsår.
    public var birthYear: Int?

    public init(name: String, birthYear: Int? = nil) {
        self.name = name
        self.birthYear = birthYear
    }
}

/// Postal address of a venue. The postal code is text: leading zeros matter (Oslo 0xxx).
public struct Address: Sendable, Hashable, Codable {
    /// Gate: street and number.
    public var street: String
    public var postalCode: String
    /// Poststed.
    public var postTown: String

    public init(street: String, postalCode: String, postTown: String) {
        self.street = street
        self.postalCode = postalCode
        self.postTown = postTown
    }

    /// "Thereses gate 10, 0358 Oslo".
    public var singleLine: String { "\(street), \(postalCode) \(postTown)" }
}

/// Sted: the venue applied for.
public struct Venue: Sendable, Hashable, Codable {
    public var name: String
    public var address: Address
    public var position: Position?
    /// Konsept, in the applicant's words.
    public var concept: String?
    /// Målgruppe, in the applicant's words.
    public var targetGroup: String?
    /// Aldersgrense, 18–99.
    public var ageLimit: Int?
    public var capacity: Capacity?
    /// Uteservering.
    public var outdoorArea: OutdoorArea?

    public init(
        name: String, address: Address, position: Position? = nil, concept: String? = nil,
        targetGroup: String? = nil, ageLimit: Int? = nil, capacity: Capacity? = nil,
        outdoorArea: OutdoorArea? = nil
    ) {
        self.name = name
        self.address = address
        self.position = position
        self.concept = concept
        self.targetGroup = targetGroup
        self.ageLimit = ageLimit
        self.capacity = capacity
        self.outdoorArea = outdoorArea
    }
}

/// Kapasitet: guests indoors and outdoors.
public struct Capacity: Sendable, Hashable, Codable {
    public var indoor: Int?
    public var outdoor: Int?

    public init(indoor: Int? = nil, outdoor: Int? = nil) {
        self.indoor = indoor
        self.outdoor = outdoor
    }
}

/// Uteservering: the outdoor area.
public struct OutdoorArea: Sendable, Hashable, Codable {
    public var placement: OutdoorPlacement
    /// Area in square metres.
    public var squareMetres: Double?
    /// Boliger mot arealet: homes face the area (the courtyard rule in Oslo).
    public var facesHomes: Bool?

    public init(placement: OutdoorPlacement, squareMetres: Double? = nil, facesHomes: Bool? = nil) {
        self.placement = placement
        self.squareMetres = squareMetres
        self.facesHomes = facesHomes
    }
}

/// Vedlegg: an attachment the agency lists.
public struct Attachment: Sendable, Hashable, Codable {
    public var title: String
    public var fileName: String

    public init(title: String, fileName: String) {
        self.title = title
        self.fileName = fileName
    }
}
