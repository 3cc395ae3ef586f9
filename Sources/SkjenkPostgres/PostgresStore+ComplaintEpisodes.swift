import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

// Episodes: complaints about one incident, linked and unlinked. SQLite's single writer keeps merges
// apart; here one advisory lock does, with the rows locked as well.
extension PostgresStore {
    public func linkEpisode(_ ids: [Int64], actor: Actor) async throws -> Int64 {
        let now = now()
        return try await write { connection in try await link(ids, actor: actor, now: now, on: connection) }
    }

    /// Makes the complaints one episode inside the caller's transaction (see `linkEpisode`).
    /// `sameVenueOnly` refuses complaints about different venues; an officer's decision on a flagged
    /// duplicate (reports placed by position alone) links without it.
    /// `note` is added to each audit event (why the link was made without an officer).
    func link(
        _ ids: [Int64], actor: Actor, now: Date, sameVenueOnly: Bool = true, note: String? = nil,
        on connection: PostgresConnection
    ) async throws -> Int64 {
        let unique = Array(Set(ids)).sorted()
        guard unique.count >= 2 else { throw ComplaintLogError.linkNeedsTwo }
        try await lock(.episodes, on: connection)
        var rows: [Int64: ComplaintRow] = [:]
        for row in try await connection.query(
            "SELECT \(unescaped: ComplaintRow.columns) FROM complaint WHERE id = ANY(\(unique)) ORDER BY id FOR UPDATE",
            logger: logger
        ).collect() {
            let complaint = try ComplaintRow(row)
            rows[complaint.id] = complaint
        }
        let entries = try unique.map { id in
            guard let row = rows[id] else { throw ComplaintLogError.notFound(id) }
            return try row.entry(steps: [], complainant: nil, hasComplainant: false)
        }
        try StoreRules.checkLinkable(entries, sameVenueOnly: sameVenueOnly)
        // Merge whole episodes: every complaint already linked to one of these comes along.
        let roots = Array(Set(entries.compactMap(\.episode)))
        let members = try await complaintIds(
            "SELECT id FROM complaint WHERE episode_id = ANY(\(roots)) OR id = ANY(\(roots)) ORDER BY id FOR UPDATE",
            on: connection)
        let root = roots.min() ?? unique[0]
        try await connection.query(
            "UPDATE complaint SET episode_id = \(root) WHERE id = ANY(\(members))", logger: logger)
        for member in members {
            try await record(
                .complaintLinked(member, others: members.filter { $0 != member }, root: root, note: note), by: actor,
                at: now, on: connection)
        }
        return root
    }

    public func unlinkEpisode(_ id: Int64, actor: Actor) async throws {
        let now = now()
        try await write { connection in
            try await lock(.episodes, on: connection)
            guard let row = try await lockedComplaint(id, on: connection) else { throw ComplaintLogError.notFound(id) }
            guard let episode = row.episodeId else {
                throw ComplaintLogError.invalid(["klage \(id) er ikke knyttet til en episode"])
            }
            try await connection.query("UPDATE complaint SET episode_id = NULL WHERE id = \(id)", logger: logger)
            let rest = try await complaintIds(
                "SELECT id FROM complaint WHERE episode_id = \(episode) ORDER BY id FOR UPDATE", on: connection)
            // The episode keeps the id of its first complaint; one left alone is no episode.
            let newRoot: Int64? = rest.count >= 2 ? rest.min() : nil
            try await connection.query(
                "UPDATE complaint SET episode_id = \(newRoot) WHERE id = ANY(\(rest))", logger: logger)
            try await record(.complaintUnlinked(id, episode: episode), by: actor, at: now, on: connection)
        }
    }
}

// The locks that stand in for SQLite's single writer.
extension PostgresStore {
    /// Advisory locks (transaction-scoped, in the two-key space of class 4711) that stand in for
    /// SQLite's single writer where row locks cannot: rows that join an episode while it merges.
    enum ComplaintLock: Int32 {
        /// Linking, unlinking and deciding flags: every change to `complaint.episode_id`.
        case episodes = 1
        /// Batches checked for duplicates: each sees the complaints of the batches before it.
        case intake = 2
    }

    /// Takes `lock` until the transaction ends.
    func lock(_ lock: ComplaintLock, on connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(4711, \(lock.rawValue))", logger: logger)
    }
}
