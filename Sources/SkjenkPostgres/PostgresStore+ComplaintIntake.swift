import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

// Intake: duplicates and answers to complainants, as `SQLiteStore+ComplaintIntake.swift`.
extension PostgresStore {
    public func duplicateCandidates(
        receivedFrom from: Date, to: Date, district: String?
    ) async throws -> [DuplicateCandidate] {
        try await read { connection in
            try await duplicateCandidates(receivedFrom: from, to: to, district: district, on: connection)
        }
    }

    /// The open complaints received in `from ... to` in `district`'s log as the duplicate detector reads them, and the
    /// closed ones too when `includingClosed` (for complaints that arrive already closed). Oldest
    /// first: the detector keeps the first of two equally near matches.
    func duplicateCandidates(
        receivedFrom from: Date, to: Date, district: String?, includingClosed: Bool = false,
        on connection: PostgresConnection
    ) async throws -> [DuplicateCandidate] {
        try await connection.query(
            """
            SELECT c.id, c.episode_id, c.latitude, c.longitude, c.organisation_number, c.street_key, c.categories,
                c.received_at, c.status,
                (SELECT d.episode_id FROM complaint_duplicate d
                 WHERE d.complaint_id = c.id AND d.state = 'pending'
                 ORDER BY d.distance NULLS FIRST, d.episode_id LIMIT 1) AS flagged
            FROM complaint c
            WHERE (\(includingClosed) OR c.status <> 'closed') AND c.received_at >= \(from) AND c.received_at <= \(to)
                AND c.district IS NOT DISTINCT FROM \(district)
            ORDER BY c.received_at, c.id
            """, logger: logger
        ).collect().map { row in
            let cells = row.makeRandomAccess()
            var keys: Set<String> = []
            if let number: String = try ComplaintRow.cell(cells, "organisation_number") {
                keys.insert("orgnr:" + number)
            }
            if let street: String = try ComplaintRow.cell(cells, "street_key") { keys.insert("adresse:" + street) }
            let latitude: Double? = try ComplaintRow.cell(cells, "latitude")
            let longitude: Double? = try ComplaintRow.cell(cells, "longitude")
            let flagged: Int64? = try ComplaintRow.cell(cells, "flagged")
            let episode: Int64? = try ComplaintRow.cell(cells, "episode_id")
            let status: String = try ComplaintRow.cell(cells, "status")
            return DuplicateCandidate(
                id: try ComplaintRow.cell(cells, "id"), episode: episode ?? flagged,
                position: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } },
                venueKeys: keys, categories: try ComplaintRow.categories(try ComplaintRow.cell(cells, "categories")),
                receivedAt: try ComplaintRow.cell(cells, "received_at"), isOpen: status != "closed")
        }
    }

    public func decideDuplicate(complaint id: Int64, episode: Int64, link: Bool, actor: Actor) async throws {
        let now = now()
        try await write { connection in
            // The episode lock first (as `link` takes it), then the flag's row.
            try await lock(.episodes, on: connection)
            guard
                try await connection.query(
                    """
                    SELECT 1 FROM complaint_duplicate
                    WHERE complaint_id = \(id) AND episode_id = \(episode) AND state = 'pending' FOR UPDATE
                    """, logger: logger
                ).collect().count == 1
            else {
                throw ComplaintLogError.invalid(["klage \(id) er ikke merket som mulig dublett av episode \(episode)"])
            }
            if link {
                _ = try await self.link([episode, id], actor: actor, now: now, sameVenueOnly: false, on: connection)
            }
            try await connection.query(
                """
                UPDATE complaint_duplicate SET state = \(link ? "linked" : "rejected"), decided_by = \(actor.name),
                    decided_at = \(now)
                WHERE complaint_id = \(id) AND episode_id = \(episode)
                """, logger: logger)
            try await record(.duplicateDecided(id, episode: episode, linked: link), by: actor, at: now, on: connection)
        }
    }

    public func pendingDuplicates(district: String?) async throws -> [PendingDuplicate] {
        try await read { connection in
            try await connection.query(
                """
                SELECT \(unescaped: DuplicateFlagRow.columns) FROM complaint_duplicate
                WHERE state = 'pending'
                    AND (\(district)::text IS NULL
                        OR complaint_id IN (SELECT id FROM complaint WHERE district = \(district)))
                ORDER BY complaint_id DESC, distance NULLS FIRST, episode_id
                """, logger: logger
            ).collect().map { row in
                let flag = try DuplicateFlagRow(row)
                return PendingDuplicate(complaintId: flag.complaintId, flag: flag.flag)
            }
        }
    }

    public func addReply(_ reply: ComplaintReply, toComplaint id: Int64, actor: Actor) async throws {
        let now = now()
        try await write { connection in
            guard try await connection.query("SELECT 1 FROM complaint WHERE id = \(id)", logger: logger).collect()
                .count == 1
            else { throw ComplaintLogError.notFound(id) }
            try await insertReply(reply, complaintId: id, actor: actor, now: now, on: connection)
        }
    }

    /// Renders an answer from the complaint as it now stands (without its complainant) and stores
    /// it, inside the caller's transaction: the complaint and its answer are written together.
    func storeReply(
        _ render: ReplyRenderer, to id: Int64, actor: Actor, now: Date, on connection: PostgresConnection
    ) async throws {
        guard let stored = try await complaint(id: id, includingComplainant: false, on: connection) else {
            throw ComplaintLogError.notFound(id)
        }
        try await insertReply(try render(stored), complaintId: id, actor: actor, now: now, on: connection)
    }

    private func insertReply(
        _ reply: ComplaintReply, complaintId id: Int64, actor: Actor, now: Date, on connection: PostgresConnection
    ) async throws {
        try await connection.query(
            """
            INSERT INTO complaint_reply (complaint_id, kind, text, created_at, created_by)
            VALUES (\(id), \(reply.kind.rawValue), \(reply.text), \(reply.createdAt), \(reply.createdBy))
            """, logger: logger)
        try await record(.replyStored(id, reply.kind), by: actor, at: now, on: connection)
    }

    public func replies(ofComplaint id: Int64) async throws -> [ComplaintReply] {
        try await read { connection in
            try await connection.query(
                """
                SELECT kind, text, created_at, created_by FROM complaint_reply WHERE complaint_id = \(id) ORDER BY id
                """, logger: logger
            ).collect().map { row in
                let cells = row.makeRandomAccess()
                let kind: String = try ComplaintRow.cell(cells, "kind")
                guard let decoded = ComplaintReply.Kind(rawValue: kind) else {
                    throw StoreError.damaged("ukjent svartype i databasen")
                }
                return ComplaintReply(
                    kind: decoded, text: try ComplaintRow.cell(cells, "text"),
                    createdAt: try ComplaintRow.cell(cells, "created_at"),
                    createdBy: try ComplaintRow.cell(cells, "created_by"))
            }
        }
    }

    /// Stores the flags of a newly inserted complaint.
    func insertFlags(_ flags: [DuplicateFlag], complaintId: Int64, on connection: PostgresConnection) async throws {
        for flag in flags {
            try await connection.query(
                """
                INSERT INTO complaint_duplicate (complaint_id, episode_id, matched_id, distance, same_venue, state)
                VALUES (\(complaintId), \(flag.episode), \(flag.matched), \(flag.distance), \(flag.sameVenue),
                        \(flag.state.rawValue))
                """, logger: logger)
        }
    }

    /// The flags of the complaints with these ids, nearest first.
    func flags(of ids: [Int64], on connection: PostgresConnection) async throws -> [Int64: [DuplicateFlag]] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: [DuplicateFlag]] = [:]
        for row in try await connection.query(
            """
            SELECT \(unescaped: DuplicateFlagRow.columns) FROM complaint_duplicate
            WHERE complaint_id = ANY(\(ids)) ORDER BY distance NULLS FIRST, episode_id
            """, logger: logger
        ).collect() {
            let flag = try DuplicateFlagRow(row)
            result[flag.complaintId, default: []].append(flag.flag)
        }
        return result
    }
}
