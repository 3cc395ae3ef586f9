import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

/// A row of `complaint` selected with `ComplaintRow.columns`: the complaint log's record, without
/// the complainant. Maps to `ComplaintLogEntry` here, at the module's edge; a value the store cannot
/// read is `StoreError.damaged`.
struct ComplaintRow {
    /// The columns `init(_:)` reads (days as `YYYY-MM-DD` text).
    static let columns = """
        id, received_at, incident_date::text AS incident_date, incident_time, incident_end, incident_text,
        categories, venue_name, organisation_number, street, postal_code, latitude, longitude, description,
        source, officer, status, closing_reason, episode_id, next_due::text AS next_due, purged_at,
        external_reference, district
        """

    var id: Int64
    var receivedAt: Date
    var incidentDate: String
    var incidentTime: String?
    var incidentEnd: String?
    var incidentText: String?
    var categories: [String]
    var venueName: String?
    var organisationNumber: String?
    var street: String?
    var postalCode: String?
    var latitude: Double?
    var longitude: Double?
    var description: String?
    var source: String
    var officer: String
    var status: String
    var closingReason: String?
    var episodeId: Int64?
    var nextDue: String?
    var purgedAt: Date?
    var externalReference: String?
    var district: String?

    init(_ row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        id = try Self.cell(cells, "id")
        receivedAt = try Self.cell(cells, "received_at")
        incidentDate = try Self.cell(cells, "incident_date")
        incidentTime = try Self.cell(cells, "incident_time")
        incidentEnd = try Self.cell(cells, "incident_end")
        incidentText = try Self.cell(cells, "incident_text")
        categories = try Self.cell(cells, "categories")
        venueName = try Self.cell(cells, "venue_name")
        organisationNumber = try Self.cell(cells, "organisation_number")
        street = try Self.cell(cells, "street")
        postalCode = try Self.cell(cells, "postal_code")
        latitude = try Self.cell(cells, "latitude")
        longitude = try Self.cell(cells, "longitude")
        description = try Self.cell(cells, "description")
        source = try Self.cell(cells, "source")
        officer = try Self.cell(cells, "officer")
        status = try Self.cell(cells, "status")
        closingReason = try Self.cell(cells, "closing_reason")
        episodeId = try Self.cell(cells, "episode_id")
        nextDue = try Self.cell(cells, "next_due")
        purgedAt = try Self.cell(cells, "purged_at")
        externalReference = try Self.cell(cells, "external_reference")
        district = try Self.cell(cells, "district")
    }

    /// The value of column `name`, or `StoreError.damaged` naming the column (never the value).
    static func cell<T: PostgresDecodable>(_ cells: PostgresRandomAccessRow, _ name: String) throws -> T {
        do {
            return try cells[name].decode(T.self)
        } catch {
            throw StoreError.damaged("ugyldig verdi i kolonnen \(name) i klageloggen i databasen")
        }
    }

    /// Categories as stored (`text[]` of raw values).
    static func categories(_ codes: [String]) throws -> Set<ComplaintCategory> {
        try Set(
            codes.map { code in
                guard let category = ComplaintCategory(rawValue: code) else {
                    throw StoreError.damaged("ukjent klagekategori «\(code)» i databasen")
                }
                return category
            })
    }

    /// The Core value, with `steps` and (when read) the complainant.
    func entry(steps: [FollowUpStep], complainant: Complainant?, hasComplainant: Bool) throws -> ComplaintLogEntry {
        func decode<T: RawRepresentable<String>>(_ type: T.Type, _ text: String, _ what: String) throws -> T {
            guard let value = T(rawValue: text) else {
                throw StoreError.damaged("ugyldig \(what) «\(text)» i databasen (klage \(id))")
            }
            return value
        }
        func damaged(_ what: String) -> StoreError { .damaged("ugyldig \(what) i databasen (klage \(id))") }
        guard let start = try PostgresStore.day(incidentDate, "hendelsesdato") else { throw damaged("hendelsesdato") }
        let time = try incidentTime.map { text in
            do { return try TimeOfDay(text) } catch { throw damaged("klokkeslett «\(text)»") }
        }
        let number = try organisationNumber.map { text in
            do { return try OrganisationNumber(text) } catch { throw damaged("organisasjonsnummer «\(text)»") }
        }
        return ComplaintLogEntry(
            id: id, receivedAt: receivedAt,
            incident: IncidentTime(
                start: start, time: time, end: try PostgresStore.day(incidentEnd, "hendelsens sluttdato"),
                text: incidentText),
            venue: ComplaintVenue(
                name: venueName, organisationNumber: number, street: street, postalCode: postalCode,
                position: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } }),
            categories: try Self.categories(categories), description: description,
            source: try decode(ComplaintSource.self, source, "kilde"), officer: officer,
            status: try decode(ComplaintStatus.self, status, "status"),
            closingReason: try closingReason.map { try decode(ClosingReason.self, $0, "avslutningsgrunn") },
            episodeId: episodeId, nextDue: try PostgresStore.day(nextDue, "frist"), steps: steps,
            complainant: complainant, hasComplainant: hasComplainant, purgedAt: purgedAt,
            externalReference: externalReference, district: district)
    }
}

/// A row of `complaint_step` selected with `ComplaintStepRow.columns`.
struct ComplaintStepRow {
    static let columns = "id, complaint_id, action, note, actor, at, next_due::text AS next_due, closing_reason"

    var complaintId: Int64
    var step: FollowUpStep

    init(_ row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        complaintId = try ComplaintRow.cell(cells, "complaint_id")
        let action: String = try ComplaintRow.cell(cells, "action")
        guard let followUp = FollowUpAction(rawValue: action) else {
            throw StoreError.damaged("ukjent oppfølgingssteg «\(action)» i databasen")
        }
        let reason: String? = try ComplaintRow.cell(cells, "closing_reason")
        step = FollowUpStep(
            id: try ComplaintRow.cell(cells, "id"), action: followUp, note: try ComplaintRow.cell(cells, "note"),
            by: try ComplaintRow.cell(cells, "actor"), at: try ComplaintRow.cell(cells, "at"),
            nextDue: try PostgresStore.day(try ComplaintRow.cell(cells, "next_due"), "frist"),
            closingReason: try reason.map {
                guard let reason = ClosingReason(rawValue: $0) else {
                    throw StoreError.damaged("ukjent avslutningsgrunn «\($0)» i databasen")
                }
                return reason
            })
    }
}

/// A row of `complaint_duplicate` selected with `DuplicateFlagRow.columns`.
struct DuplicateFlagRow {
    static let columns = "complaint_id, episode_id, matched_id, distance, same_venue, state"

    var complaintId: Int64
    var flag: DuplicateFlag

    init(_ row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        complaintId = try ComplaintRow.cell(cells, "complaint_id")
        let state: String = try ComplaintRow.cell(cells, "state")
        guard let decoded = DuplicateFlag.State(rawValue: state) else {
            throw StoreError.damaged("ukjent dublettstatus i databasen")
        }
        flag = DuplicateFlag(
            episode: try ComplaintRow.cell(cells, "episode_id"), matched: try ComplaintRow.cell(cells, "matched_id"),
            distance: try ComplaintRow.cell(cells, "distance"), sameVenue: try ComplaintRow.cell(cells, "same_venue"),
            state: decoded)
    }
}
