import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

/// A row of `complaint`: the complaint log's record, without the complainant.
struct ComplaintRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "complaint"

    var id: Int64?
    var receivedAt: String
    var incidentDate: String
    var incidentTime: String?
    var incidentEnd: String?
    var incidentText: String?
    var categories: String
    var venueName: String?
    var organisationNumber: String?
    var street: String?
    var streetKey: String?
    var postalCode: String?
    var latitude: Double?
    var longitude: Double?
    var description: String?
    var source: String
    var officer: String
    var status: String
    var closingReason: String?
    var unfounded: Bool
    var episodeId: Int64?
    var nextDue: String?
    var purgedAt: String?
    var externalSource: String?
    var externalReference: String?
    var district: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let status = Column(CodingKeys.status)
        static let nextDue = Column(CodingKeys.nextDue)
        static let officer = Column(CodingKeys.officer)
        static let episodeId = Column(CodingKeys.episodeId)
        static let receivedAt = Column(CodingKeys.receivedAt)
        static let organisationNumber = Column(CodingKeys.organisationNumber)
        static let streetKey = Column(CodingKeys.streetKey)
        static let venueName = Column(CodingKeys.venueName)
        static let categories = Column(CodingKeys.categories)
        static let externalSource = Column(CodingKeys.externalSource)
        static let externalReference = Column(CodingKeys.externalReference)
        static let district = Column(CodingKeys.district)
    }

    init(_ entry: ComplaintLogEntry, externalSource: String?) {
        id = entry.id
        receivedAt = Timestamp.format(entry.receivedAt)
        incidentDate = entry.incident.start.iso
        incidentTime = entry.incident.time?.description
        incidentEnd = entry.incident.end?.iso
        incidentText = entry.incident.text
        categories = Self.encode(entry.categories)
        self.externalSource = entry.externalReference == nil ? nil : externalSource
        externalReference = entry.externalReference
        description = entry.description
        source = entry.source.rawValue
        officer = entry.officer
        status = entry.status.rawValue
        closingReason = entry.closingReason?.rawValue
        unfounded = entry.closingReason == .unfounded
        episodeId = entry.episodeId
        nextDue = entry.nextDue?.iso
        purgedAt = entry.purgedAt.map(Timestamp.format)
        district = entry.district
        setVenue(entry.venue)
    }

    mutating func setVenue(_ venue: ComplaintVenue) {
        venueName = venue.name
        organisationNumber = venue.organisationNumber?.digits
        street = venue.street
        streetKey = venue.street.map(StreetKey.make)
        postalCode = venue.postalCode
        latitude = venue.position?.latitude
        longitude = venue.position?.longitude
    }

    static func encode(_ categories: Set<ComplaintCategory>) -> String {
        categories.map(\.rawValue).sorted().joined(separator: " ")
    }

    static func decodeCategories(_ text: String) throws -> Set<ComplaintCategory> {
        try Set(
            text.split(separator: " ").map { code in
                guard let category = ComplaintCategory(rawValue: String(code)) else {
                    throw StoreError.damaged("ukjent klagekategori «\(code)» i databasen")
                }
                return category
            })
    }

    /// The Core value, with `steps` and (when read) the complainant.
    func entry(steps: [FollowUpStep], complainant: Complainant?, hasComplainant: Bool) throws -> ComplaintLogEntry {
        func decode<T: RawRepresentable<String>>(_ type: T.Type, _ text: String, _ what: String) throws -> T {
            guard let value = T(rawValue: text) else {
                throw StoreError.damaged("ugyldig \(what) «\(text)» i databasen (klage \(id ?? 0))")
            }
            return value
        }
        return ComplaintLogEntry(
            id: id, receivedAt: try Timestamp.parse(receivedAt),
            incident: IncidentTime(
                start: try LocalDate(iso: incidentDate), time: try incidentTime.map { try TimeOfDay($0) },
                end: try incidentEnd.map { try LocalDate(iso: $0) }, text: incidentText),
            venue: ComplaintVenue(
                name: venueName, organisationNumber: try organisationNumber.map { try OrganisationNumber($0) },
                street: street, postalCode: postalCode,
                position: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } }),
            categories: try Self.decodeCategories(categories), description: description,
            source: try decode(ComplaintSource.self, source, "kilde"), officer: officer,
            status: try decode(ComplaintStatus.self, status, "status"),
            closingReason: try closingReason.map { try decode(ClosingReason.self, $0, "avslutningsgrunn") },
            episodeId: episodeId, nextDue: try nextDue.map { try LocalDate(iso: $0) }, steps: steps,
            complainant: complainant, hasComplainant: hasComplainant,
            purgedAt: try purgedAt.map { try Timestamp.parse($0) }, externalReference: externalReference,
            district: district)
    }
}

/// A row of `complainant`: personal data.
struct ComplainantRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "complainant"

    var complaintId: Int64
    var name: String?
    var phone: String?
    var email: String?
    var address: String?

    init(_ complainant: Complainant, complaintId: Int64) {
        self.complaintId = complaintId
        name = complainant.name
        phone = complainant.phone
        email = complainant.email
        address = complainant.address
    }

    var complainant: Complainant { Complainant(name: name, phone: phone, email: email, address: address) }
}

/// A row of `complaintStep`.
struct ComplaintStepRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "complaintStep"

    var id: Int64?
    var complaintId: Int64
    var action: String
    var note: String?
    var actor: String
    var at: String
    var nextDue: String?
    var closingReason: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let complaintId = Column(CodingKeys.complaintId)
    }

    init(_ step: FollowUpStep, complaintId: Int64) {
        id = step.id
        self.complaintId = complaintId
        action = step.action.rawValue
        note = step.note
        actor = step.by
        at = Timestamp.format(step.at)
        nextDue = step.nextDue?.iso
        closingReason = step.closingReason?.rawValue
    }

    func step() throws -> FollowUpStep {
        guard let action = FollowUpAction(rawValue: action) else {
            throw StoreError.damaged("ukjent oppfølgingssteg «\(action)» i databasen")
        }
        return FollowUpStep(
            id: id, action: action, note: note, by: actor, at: try Timestamp.parse(at),
            nextDue: try nextDue.map { try LocalDate(iso: $0) },
            closingReason: try closingReason.map {
                guard let reason = ClosingReason(rawValue: $0) else {
                    throw StoreError.damaged("ukjent avslutningsgrunn «\($0)» i databasen")
                }
                return reason
            })
    }
}
