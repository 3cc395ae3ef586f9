import Foundation
import GRDB
import SkjenkCore

/// A row of `hearing`: the current version of a case, with the columns lists filter and sort on.
struct HearingRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "hearing"

    var id: Int64?
    var caseKey: String
    var caseNumber: String
    var status: String
    var currentVersion: Int
    var sent: String
    var deadline: String
    var district: String
    var applicationType: String
    var permitType: String
    var applicantName: String
    var organisationNumber: String
    var venueName: String
    var street: String
    var postalCode: String
    var postTown: String
    var latitude: Double?
    var longitude: Double?
    var payload: String
    var createdAt: String
    var updatedAt: String

    enum Columns {
        static let caseKey = Column(CodingKeys.caseKey)
        static let status = Column(CodingKeys.status)
        static let deadline = Column(CodingKeys.deadline)
    }

    /// A new row for `hearing` (version 1, open).
    init(_ hearing: Hearing, payload: String, timestamp: String) {
        let point = hearing.venue.position?.geographic
        id = nil
        caseKey = hearing.caseNumber.key
        caseNumber = hearing.caseNumber.text
        status = CaseStatus.open.rawValue
        currentVersion = 1
        sent = hearing.sent.iso
        deadline = hearing.deadline.iso
        district = hearing.district
        applicationType = hearing.applicationType.rawValue
        permitType = hearing.permitType.rawValue
        applicantName = hearing.applicant.name
        organisationNumber = hearing.applicant.organisationNumber.digits
        venueName = hearing.venue.name
        street = hearing.venue.address.street
        postalCode = hearing.venue.address.postalCode
        postTown = hearing.venue.address.postTown
        latitude = point?.latitude
        longitude = point?.longitude
        self.payload = payload
        createdAt = timestamp
        updatedAt = timestamp
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    func storedCase() throws -> StoredCase {
        guard let status = CaseStatus(rawValue: status) else {
            throw SQLiteStore.StoreError(description: "ukjent status «\(status)» for sak \(caseNumber)")
        }
        return StoredCase(hearing: try HearingPayload.decode(payload), status: status, version: currentVersion,
                          createdAt: try Timestamp.parse(createdAt), updatedAt: try Timestamp.parse(updatedAt))
    }
}

/// A row of `hearingVersion`: one imported version of a case, kept for its history.
struct HearingVersionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "hearingVersion"

    var hearingId: Int64
    var version: Int
    var caseNumber: String
    var importedAt: String
    var importedBy: String
    var source: String
    var payload: String

    enum Columns {
        static let hearingId = Column(CodingKeys.hearingId)
        static let version = Column(CodingKeys.version)
    }

    init(hearingId: Int64, version: Int, hearing: Hearing, payload: String, timestamp: String, actor: Actor,
         source: String) {
        self.hearingId = hearingId
        self.version = version
        caseNumber = hearing.caseNumber.text
        importedAt = timestamp
        importedBy = actor.name
        self.source = source
        self.payload = payload
    }

    func caseVersion() throws -> CaseVersion {
        CaseVersion(version: version, importedAt: try Timestamp.parse(importedAt), importedBy: importedBy,
                    source: source, hearing: try HearingPayload.decode(payload))
    }
}

/// A row of `auditEvent`.
struct AuditRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "auditEvent"

    var id: Int64?
    var at: String
    var actor: String
    var channel: String
    var action: String
    var entity: String
    var entityId: String?
    var detail: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let entity = Column(CodingKeys.entity)
        static let entityId = Column(CodingKeys.entityId)
    }

    init(at: String, actor: Actor, action: String, entity: String, entityId: String?, detail: String) {
        id = nil
        self.at = at
        self.actor = actor.name
        channel = actor.channel
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.detail = detail
    }

    func event() throws -> AuditEvent {
        AuditEvent(at: try Timestamp.parse(at), actor: actor, channel: channel, action: action, entity: entity,
                   entityId: entityId, detail: detail)
    }
}
