import Foundation
import GRDB
import SkjenkCore

extension SQLiteStore: ComplaintStore {
    public func addComplaint(_ complaint: Complaint, actor: Actor) async throws -> Int64 {
        let timestamp = Timestamp.format(now())
        return try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO complaint (incidentDate, categories, venueName, organisationNumber, street, streetKey,
                        latitude, longitude, unfounded, episodeId)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    complaint.incidentDate.iso, complaint.categories.map(\.rawValue).sorted().joined(separator: " "),
                    complaint.venueName, complaint.organisationNumber?.digits, complaint.street,
                    complaint.street.map(StreetKey.make), complaint.position?.latitude, complaint.position?.longitude,
                    complaint.unfounded, complaint.episodeId,
                ])
            let id = db.lastInsertedRowID
            try db.execute(
                sql: """
                    INSERT INTO auditEvent (at, actor, channel, action, entity, entityId, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [timestamp, actor.name, actor.channel, "complaint.created", "complaint", String(id), ""])
            return id
        }
    }

    public func complaints() async throws -> [Complaint] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM complaint ORDER BY incidentDate, id").map { row in
                let categoryText: String = row["categories"]
                let categories = try Set(
                    categoryText.split(separator: " ").map { code in
                        guard let category = ComplaintCategory(rawValue: String(code)) else {
                            throw StoreError(description: "ukjent klagekategori «\(code)» i databasen")
                        }
                        return category
                    })
                let number: String? = row["organisationNumber"]
                let latitude: Double? = row["latitude"]
                let longitude: Double? = row["longitude"]
                return Complaint(
                    id: row["id"], incidentDate: try LocalDate(iso: row["incidentDate"]), categories: categories,
                    venueName: row["venueName"], organisationNumber: try number.map { try OrganisationNumber($0) },
                    street: row["street"],
                    position: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } },
                    unfounded: row["unfounded"], episodeId: row["episodeId"])
            }
        }
    }
}
