import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

// The complaint log's upkeep: relinking a venue, purging personal data, reading trails and the
// assessment's view of every complaint.
extension PostgresStore {
    public func updateVenue(_ venue: ComplaintVenue, ofComplaint id: Int64, actor: Actor) async throws {
        let now = now()
        try await write { connection in
            guard let row = try await lockedComplaint(id, on: connection) else { throw ComplaintLogError.notFound(id) }
            var entry = try row.entry(steps: [], complainant: nil, hasComplainant: false)
            let before = entry.venue.label
            entry.venue = venue
            // Only the venue changes: check it the way a new complaint's venue is checked.
            let problems = ComplaintRules.problems(entry, now: .distantFuture).filter {
                !$0.hasPrefix("hendelsen") && !$0.hasPrefix("mottatt")
            }
            guard problems.isEmpty else { throw ComplaintLogError.invalid(problems) }
            try await connection.query(
                """
                UPDATE complaint SET venue_name = \(venue.name),
                    organisation_number = \(venue.organisationNumber?.digits), street = \(venue.street),
                    street_key = \(venue.street.map(StreetKey.make)), postal_code = \(venue.postalCode),
                    latitude = \(venue.position?.latitude), longitude = \(venue.position?.longitude)
                WHERE id = \(id)
                """, logger: logger)
            try await record(.complaintVenue(id, from: before, to: venue), by: actor, at: now, on: connection)
        }
    }

    public func purgePersonalData(closedBefore: Date, actor: Actor) async throws -> Int {
        let now = now()
        return try await write { connection in
            let ids = try await complaintIds(
                """
                SELECT c.id FROM complaint c
                WHERE c.status = 'closed' AND c.purged_at IS NULL
                  AND COALESCE((SELECT MAX(s.at) FROM complaint_step s
                                WHERE s.complaint_id = c.id AND s.action = 'closed'), c.received_at) < \(closedBefore)
                ORDER BY c.id FOR UPDATE
                """, on: connection)
            guard !ids.isEmpty else { return 0 }
            try await connection.query("DELETE FROM complainant WHERE complaint_id = ANY(\(ids))", logger: logger)
            try await connection.query(
                """
                UPDATE complaint SET description = NULL, incident_text = NULL, purged_at = \(now) WHERE id = ANY(\(ids))
                """, logger: logger)
            try await connection.query(
                "UPDATE complaint_step SET note = NULL WHERE complaint_id = ANY(\(ids))", logger: logger)
            // The day as SQLite's audit names it: the cut-off's UTC date.
            let cutoff = String(Timestamp.format(closedBefore).prefix(10))
            for id in ids {
                try await record(.complaintPurged(id, closedBefore: cutoff), by: actor, at: now, on: connection)
            }
            return ids.count
        }
    }

    public func complaintAuditTrail(_ id: Int64) async throws -> [AuditEvent] {
        try await read { connection in
            try await Self.auditEvents(
                try await connection.query(
                    """
                    SELECT \(unescaped: Self.auditColumns) FROM audit_event
                    WHERE entity = 'complaint' AND entity_id = \(String(id)) ORDER BY id
                    """, logger: logger))
        }
    }

    public func complaints(_ ids: [Int64], loggedBy actorName: String) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await read { connection in
            var logged: Set<Int64> = []
            for try await entityId in try await connection.query(
                """
                SELECT entity_id FROM audit_event
                WHERE entity = 'complaint' AND action = 'complaint.created' AND actor = \(actorName)
                  AND entity_id = ANY(\(ids.map(String.init)))
                """, logger: logger
            ).decode(String?.self) {
                if let id = entityId.flatMap({ Int64($0) }) { logged.insert(id) }
            }
            return logged
        }
    }

    public func complaints(forHearingsOf district: String?) async throws -> [Complaint] {
        try await read { connection in
            try await connection.query(
                """
                SELECT \(unescaped: ComplaintRow.columns) FROM complaint
                WHERE \(district)::text IS NULL OR district IS NULL OR district = \(district)
                ORDER BY incident_date, id
                """, logger: logger
            ).collect().map { row in
                try ComplaintRow(row).entry(steps: [], complainant: nil, hasComplainant: false).evidence
            }
        }
    }
}
