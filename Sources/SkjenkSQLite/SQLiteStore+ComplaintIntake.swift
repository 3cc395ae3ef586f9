import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

extension SQLiteStore {
    public func duplicateCandidates(
        receivedFrom from: Date, to: Date, district: String?
    ) async throws -> [DuplicateCandidate] {
        try await writer.read { db in try Self.duplicateCandidates(receivedFrom: from, to: to, district: district, db) }
    }

    /// The open complaints received in `from ... to` in `district`'s log as the duplicate detector
    /// reads them, and the closed ones too when `includingClosed` (for complaints that arrive already closed).
    static func duplicateCandidates(
        receivedFrom from: Date, to: Date, district: String?, includingClosed: Bool = false, _ db: Database
    ) throws -> [DuplicateCandidate] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.episodeId, c.latitude, c.longitude, c.organisationNumber, c.streetKey,
                    c.categories, c.receivedAt, c.status,
                    (SELECT d.episodeId FROM complaintDuplicate d
                     WHERE d.complaintId = c.id AND d.state = 'pending' ORDER BY d.distance, d.episodeId LIMIT 1) AS flagged
                FROM complaint c
                WHERE (? OR c.status != 'closed') AND c.receivedAt >= ? AND c.receivedAt <= ? AND c.district IS ?
                ORDER BY c.receivedAt, c.id
                """, arguments: [includingClosed, Timestamp.format(from), Timestamp.format(to), district])
        return try rows.map { row in
            var keys: Set<String> = []
            if let number: String = row["organisationNumber"] { keys.insert("orgnr:" + number) }
            if let street: String = row["streetKey"] { keys.insert("adresse:" + street) }
            let latitude: Double? = row["latitude"]
            let longitude: Double? = row["longitude"]
            let flagged: Int64? = row["flagged"]
            let episode: Int64? = row["episodeId"]
            return DuplicateCandidate(
                id: row["id"], episode: episode ?? flagged,
                position: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } },
                venueKeys: keys, categories: try ComplaintRecord.decodeCategories(row["categories"]),
                receivedAt: try Timestamp.parse(row["receivedAt"]), isOpen: (row["status"] as String) != "closed")
        }
    }

    public func decideDuplicate(complaint id: Int64, episode: Int64, link: Bool, actor: Actor) async throws {
        let now = now()
        try await writer.write { db in
            guard
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT COUNT(*) FROM complaintDuplicate WHERE complaintId = ? AND episodeId = ? AND state = 'pending'",
                    arguments: [id, episode]) == 1
            else {
                throw ComplaintLogError.invalid(["klage \(id) er ikke merket som mulig dublett av episode \(episode)"])
            }
            if link { _ = try Self.link([episode, id], actor: actor, now: now, sameVenueOnly: false, db) }
            try db.execute(
                sql: """
                    UPDATE complaintDuplicate SET state = ?, decidedBy = ?, decidedAt = ?
                    WHERE complaintId = ? AND episodeId = ?
                    """,
                arguments: [link ? "linked" : "rejected", actor.name, Timestamp.format(now), id, episode])
            try AuditRecord.record(.duplicateDecided(id, episode: episode, linked: link), by: actor, at: now, db)
        }
    }

    public func pendingDuplicates(district: String?) async throws -> [PendingDuplicate] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.complaintId, d.episodeId, d.matchedId, d.distance, d.sameVenue, d.state
                    FROM complaintDuplicate d JOIN complaint c ON c.id = d.complaintId
                    WHERE d.state = 'pending' AND (? IS NULL OR c.district = ?)
                    ORDER BY d.complaintId DESC, d.distance
                    """, arguments: [district, district]
            ).map { PendingDuplicate(complaintId: $0["complaintId"], flag: try Self.flag($0)) }
        }
    }

    public func addReply(_ reply: ComplaintReply, toComplaint id: Int64, actor: Actor) async throws {
        let now = now()
        try await writer.write { db in
            guard try ComplaintRecord.exists(db, key: id) else { throw ComplaintLogError.notFound(id) }
            try Self.insert(reply, complaintId: id, actor: actor, now: now, db)
        }
    }

    /// Renders an answer from the complaint as it now stands (without its complainant) and stores
    /// it, inside the caller's transaction: the complaint and its answer are written together.
    static func reply(_ render: ReplyRenderer, to id: Int64, actor: Actor, now: Date, _ db: Database) throws {
        guard let stored = try complaint(id: id, includingComplainant: false, db) else {
            throw ComplaintLogError.notFound(id)
        }
        try insert(try render(stored), complaintId: id, actor: actor, now: now, db)
    }

    private static func insert(
        _ reply: ComplaintReply, complaintId id: Int64, actor: Actor, now: Date, _ db: Database
    )
        throws
    {
        try db.execute(
            sql: "INSERT INTO complaintReply (complaintId, kind, text, createdAt, createdBy) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, reply.kind.rawValue, reply.text, Timestamp.format(reply.createdAt), reply.createdBy])
        try AuditRecord.record(.replyStored(id, reply.kind), by: actor, at: now, db)
    }

    public func replies(ofComplaint id: Int64) async throws -> [ComplaintReply] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT kind, text, createdAt, createdBy FROM complaintReply WHERE complaintId = ? ORDER BY id",
                arguments: [id]
            ).map { row in
                guard let kind = ComplaintReply.Kind(rawValue: row["kind"]) else {
                    throw StoreError.damaged("ukjent svartype i databasen")
                }
                return ComplaintReply(
                    kind: kind, text: row["text"], createdAt: try Timestamp.parse(row["createdAt"]),
                    createdBy: row["createdBy"])
            }
        }
    }

    /// Stores the flags of a newly inserted complaint.
    static func insertFlags(_ flags: [DuplicateFlag], complaintId: Int64, _ db: Database) throws {
        for flag in flags {
            try db.execute(
                sql: """
                    INSERT INTO complaintDuplicate (complaintId, episodeId, matchedId, distance, sameVenue, state)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    complaintId, flag.episode, flag.matched, flag.distance, flag.sameVenue, flag.state.rawValue,
                ])
        }
    }

    /// The flags of the complaints with these ids.
    static func flags(of ids: [Int64], _ db: Database) throws -> [Int64: [DuplicateFlag]] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int64: [DuplicateFlag]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT complaintId, episodeId, matchedId, distance, sameVenue, state FROM complaintDuplicate
                    WHERE complaintId IN (\(databaseQuestionMarks(count: chunk.count))) ORDER BY distance
                    """, arguments: StatementArguments(chunk))
            {
                result[row["complaintId"], default: []].append(try flag(row))
            }
        }
        return result
    }

    private static func flag(_ row: Row) throws -> DuplicateFlag {
        guard let state = DuplicateFlag.State(rawValue: row["state"]) else {
            throw StoreError.damaged("ukjent dublettstatus i databasen")
        }
        return DuplicateFlag(
            episode: row["episodeId"], matched: row["matchedId"], distance: row["distance"],
            sameVenue: row["sameVenue"], state: state)
    }
}

extension SQLiteStore {
    public func addAPIKey(name: String, keyHash: String, district: String?, actor: Actor) async throws -> APIKey {
        let trimmed = try StoreRules.checkedKeyName(name)
        let district = try StoreRules.checkedDistrict(district)
        let now = now()
        return try await writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM apiKey WHERE name = ?", arguments: [trimmed]) == 0
            else { throw StoreError.conflict("det finnes allerede en nøkkel med navnet «\(trimmed)»") }
            try db.execute(
                sql: "INSERT INTO apiKey (name, keyHash, createdAt, district) VALUES (?, ?, ?, ?)",
                arguments: [trimmed, keyHash, Timestamp.format(now), district])
            let id = db.lastInsertedRowID
            try AuditRecord.record(.apiKeyCreated(trimmed, district: district), by: actor, at: now, db)
            return APIKey(id: id, name: trimmed, createdAt: now, revokedAt: nil, district: district)
        }
    }

    public func apiKeys() async throws -> [APIKey] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, createdAt, revokedAt, district FROM apiKey ORDER BY name").map(
                Self.apiKey)
        }
    }

    public func apiKey(hash: String) async throws -> APIKey? {
        try await writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, name, createdAt, revokedAt, district FROM apiKey WHERE keyHash = ? AND revokedAt IS NULL",
                arguments: [hash]
            ).map(Self.apiKey)
        }
    }

    public func revokeAPIKey(name: String, actor: Actor) async throws {
        let now = now()
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE apiKey SET revokedAt = ? WHERE name = ? AND revokedAt IS NULL",
                arguments: [Timestamp.format(now), name])
            guard db.changesCount == 1 else {
                throw StoreError.notFound("fant ingen gyldig nøkkel med navnet «\(name)»")
            }
            try AuditRecord.record(.apiKeyRevoked(name), by: actor, at: now, db)
        }
    }

    private static func apiKey(_ row: Row) throws -> APIKey {
        APIKey(
            id: row["id"], name: row["name"], createdAt: try Timestamp.parse(row["createdAt"]),
            revokedAt: try (row["revokedAt"] as String?).map(Timestamp.parse), district: row["district"])
    }
}
