import Foundation
import SkjenkCore
import SkjenkStore

/// A case as `--json` prints it: English camelCase keys, dates `YYYY-MM-DD`, positions in WGS84.
struct CaseJSON: Encodable {
    struct ApplicantJSON: Encodable {
        let name: String
        let organisationNumber: String
    }

    struct PositionJSON: Encodable {
        let lat: Double
        let lon: Double
        /// The reference system the agency gave the position in.
        let srid: Int
    }

    struct VenueJSON: Encodable {
        let name: String
        let address: Address
        let position: PositionJSON?
        let concept: String?
        let targetGroup: String?
        let ageLimit: Int?
        let capacity: Capacity?
        let outdoorArea: OutdoorAreaJSON?
    }

    struct OutdoorAreaJSON: Encodable {
        let placement: String
        let squareMetres: Double?
        let facesHomes: Bool?
    }

    struct PeriodJSON: Encodable {
        let area: String
        let groups: [Int]
        let days: [String]
        let from: String
        let to: String
        let crossesMidnight: Bool
    }

    let caseNumber: String
    let caseKey: String
    let status: String
    let version: Int
    let sent: String
    let deadline: String
    let daysLeft: Int
    let overdue: Bool
    let district: String
    let applicationType: String
    let change: String?
    let permitType: String
    let zone: String?
    let applicant: ApplicantJSON
    let venue: VenueJSON
    let alcoholGroups: [Int]
    let servingPeriods: [PeriodJSON]
    let earlierPermit: Bool?
    let attachments: [Attachment]?
    let remark: String?
    let agencyOfficer: AgencyOfficer?
    let manager: Person?
    let deputy: Person?
    let createdAt: Date
    let updatedAt: Date
    var versions: [VersionJSON]?

    /// `detail` adds what only `cases show` prints: attachments, remark, people.
    init(_ stored: StoredCase, today: LocalDate, detail: Bool) {
        let h = stored.hearing
        let deadline = DeadlineStatus(deadline: h.deadline, today: today)
        caseNumber = h.caseNumber.text
        caseKey = h.caseNumber.key
        status = stored.status.rawValue
        version = stored.version
        sent = h.sent.iso
        self.deadline = h.deadline.iso
        daysLeft = deadline.daysLeft
        overdue = stored.status == .open && deadline.isOverdue
        district = h.district
        applicationType = h.applicationType.rawValue
        change = h.change
        permitType = h.permitType.rawValue
        zone = h.zone?.rawValue
        applicant = ApplicantJSON(name: h.applicant.name, organisationNumber: h.applicant.organisationNumber.digits)
        let point = h.venue.position.map { position in
            let p = position.geographic
            return PositionJSON(
                lat: (p.latitude * 1e7).rounded() / 1e7, lon: (p.longitude * 1e7).rounded() / 1e7,
                srid: position.srid.rawValue)
        }
        venue = VenueJSON(
            name: h.venue.name, address: h.venue.address, position: point, concept: h.venue.concept,
            targetGroup: h.venue.targetGroup, ageLimit: h.venue.ageLimit, capacity: h.venue.capacity,
            outdoorArea: h.venue.outdoorArea.map {
                OutdoorAreaJSON(
                    placement: $0.placement.rawValue, squareMetres: $0.squareMetres,
                    facesHomes: $0.facesHomes)
            })
        alcoholGroups = h.alcoholGroups.sorted().map(\.rawValue)
        servingPeriods = h.servingPeriods.map {
            PeriodJSON(
                area: $0.area.rawValue, groups: $0.groups.sorted().map(\.rawValue),
                days: $0.days.sorted().map { String(describing: $0) }, from: $0.from.description,
                to: $0.to.description, crossesMidnight: $0.crossesMidnight)
        }
        earlierPermit = h.earlierPermit
        attachments = detail ? h.attachments : nil
        remark = detail ? h.remark : nil
        agencyOfficer = detail ? h.agencyOfficer : nil
        manager = detail ? h.manager : nil
        deputy = detail ? h.deputy : nil
        createdAt = stored.createdAt
        updatedAt = stored.updatedAt
    }
}

/// One stored version, in `cases show --json`.
struct VersionJSON: Encodable {
    let version: Int
    let caseNumber: String
    let importedAt: Date
    let importedBy: String
    let source: String
    let deadline: String

    init(_ version: CaseVersion) {
        self.version = version.version
        caseNumber = version.hearing.caseNumber.text
        importedAt = version.importedAt
        importedBy = version.importedBy
        source = version.source
        deadline = version.hearing.deadline.iso
    }
}

/// Pretty, stable JSON on standard output.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}
