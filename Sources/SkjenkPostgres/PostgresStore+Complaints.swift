import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

// The complaint log: the same rules, audit entries and answers as `SQLiteStore+Complaints.swift`.
// Where SQLite relies on its single writer, rows are locked (`FOR UPDATE`), and changes to episodes
// (link, unlink, a linking decision on a flag) take one advisory lock so that merges never race.
extension PostgresStore: ComplaintStore {
    public func logComplaint(_ entry: ComplaintLogEntry, actor: Actor, receipt: ReplyRenderer?) async throws -> Int64 {
        let now = now()
        return try await write { connection in
            guard
                let id = try await insertComplaint(
                    entry, externalSource: nil, actor: actor, now: now, on: connection)
            else { throw StoreError.conflict("klagen er allerede registrert") }
            if let receipt { try await storeReply(receipt, to: id, actor: actor, now: now, on: connection) }
            return id
        }
    }

    public func logComplaints(
        _ entries: [ComplaintLogEntry], source: String, duplicates rule: DuplicateRule?, actor: Actor
    ) async throws
        -> ComplaintImportSummary
    {
        let now = now()
        return try await write { connection in
            // One batch at a time checks for duplicates, so that two batches see each other's complaints.
            if rule != nil { try await lock(.intake, on: connection) }
            var summary = ComplaintImportSummary()
            for var entry in entries {
                if let reference = entry.externalReference,
                    try await connection.query(
                        """
                        SELECT 1 FROM complaint WHERE external_source = \(source) AND external_reference = \(reference)
                        """, logger: logger
                    ).collect().count > 0
                {
                    summary.alreadyLogged.append(reference)
                    continue
                }
                // Against what is logged, this batch's earlier complaints included: an open
                // complaint is flagged for the officer, a closed one is history and is linked.
                let closed = entry.steps.last?.action == .closed
                var history: DuplicateFlag?
                if let rule {
                    let window = rule.window(around: entry.receivedAt)
                    let logged = try await duplicateCandidates(
                        receivedFrom: window.from, to: window.to, district: entry.district, includingClosed: closed,
                        on: connection)
                    let candidate = DuplicateCandidate(unlogged: entry)
                    if closed {
                        history = DuplicateDetector.historyMatch(for: candidate, among: logged, rule: rule)
                    } else {
                        entry.duplicateFlags = DuplicateDetector.flags(for: candidate, among: logged, rule: rule)
                    }
                }
                guard
                    let id = try await insertComplaint(
                        entry, externalSource: source, actor: actor, now: now, on: connection)
                else {
                    // Another import logged the same reference while this one ran.
                    summary.alreadyLogged.append(entry.externalReference ?? "")
                    continue
                }
                summary.added.append(id)
                if let history {
                    let episode = try await link(
                        [history.matched, id], actor: actor, now: now, sameVenueOnly: false,
                        note: "koblet ved import av en avsluttet klage fra \(source) (\(history.reason))",
                        on: connection)
                    summary.linked[id] = episode
                }
            }
            return summary
        }
    }

    /// Validates `entry`, replays its steps through the status flow (a `registered` step due
    /// `entry.nextDue` when it has none) and stores it with its complainant, its flags and an audit
    /// event. Nil when `externalSource` already holds its external reference (a concurrent import).
    private func insertComplaint(
        _ entry: ComplaintLogEntry, externalSource: String?, actor: Actor, now: Date, on connection: PostgresConnection
    ) async throws -> Int64? {
        let state = try StoreRules.newComplaint(entry, actor: actor, now: now)
        let venue = state.venue
        let source = state.externalReference == nil ? nil : externalSource
        let inserted = try await connection.query(
            """
            INSERT INTO complaint (
                received_at, incident_date, incident_time, incident_end, incident_text, categories, venue_name,
                organisation_number, street, street_key, postal_code, latitude, longitude, description, source,
                officer, status, closing_reason, unfounded, next_due, purged_at, external_source, external_reference,
                district)
            VALUES (
                \(state.receivedAt), \(state.incident.start.iso)::date, \(state.incident.time?.description),
                \(state.incident.end?.iso), \(state.incident.text), \(state.categories.map(\.rawValue).sorted()),
                \(venue.name), \(venue.organisationNumber?.digits), \(venue.street),
                \(venue.street.map(StreetKey.make)), \(venue.postalCode), \(venue.position?.latitude),
                \(venue.position?.longitude), \(state.description),
                \(state.source.rawValue), \(state.officer), \(state.status.rawValue), \(state.closingReason?.rawValue),
                \(state.closingReason == .unfounded), \(state.nextDue?.iso)::date, \(state.purgedAt), \(source),
                \(state.externalReference), \(state.district))
            ON CONFLICT (external_source, external_reference) WHERE external_reference IS NOT NULL DO NOTHING
            RETURNING id
            """, logger: logger
        ).collect()
        guard let row = inserted.first else { return nil }
        let id = try ComplaintRow.cell(row.makeRandomAccess(), "id") as Int64
        for step in state.steps { try await insertStep(step, complaintId: id, on: connection) }
        if let complainant = entry.complainant, !complainant.isEmpty {
            try await connection.query(
                """
                INSERT INTO complainant (complaint_id, name, phone, email, address)
                VALUES (\(id), \(complainant.name), \(complainant.phone), \(complainant.email), \(complainant.address))
                """, logger: logger)
        }
        try await insertFlags(entry.duplicateFlags, complaintId: id, on: connection)
        try await record(
            .complaintCreated(id, state, status: state.status, nextDue: state.nextDue, externalSource: source),
            by: actor, at: now, on: connection)
        return id
    }

    /// Stores one follow-up step (its id from the identity column).
    private func insertStep(
        _ step: FollowUpStep, complaintId id: Int64, on connection: PostgresConnection
    ) async throws {
        try await connection.query(
            """
            INSERT INTO complaint_step (complaint_id, action, note, actor, at, next_due, closing_reason)
            VALUES (\(id), \(step.action.rawValue), \(step.note), \(step.by), \(step.at), \(step.nextDue?.iso)::date,
                    \(step.closingReason?.rawValue))
            """, logger: logger)
    }

    public func complaint(id: Int64, includingComplainant: Bool) async throws -> ComplaintLogEntry? {
        try await readSnapshot { connection in
            try await complaint(id: id, includingComplainant: includingComplainant, on: connection)
        }
    }

    /// One complaint with its steps and flags, inside the caller's transaction.
    func complaint(
        id: Int64, includingComplainant: Bool, on connection: PostgresConnection
    ) async throws -> ComplaintLogEntry? {
        try await entries(
            "SELECT \(unescaped: ComplaintRow.columns) FROM complaint WHERE id = \(id)",
            includingComplainants: includingComplainant, on: connection
        ).first
    }

    public func complaintLog(_ filter: ComplaintFilter) async throws -> [ComplaintLogEntry] {
        try await readSnapshot { connection in
            try await entries(Self.query(filter), includingComplainants: false, on: connection)
        }
    }

    public func exportComplaints(
        _ filter: ComplaintFilter, includingComplainants: Bool, actor: Actor
    ) async throws -> [ComplaintLogEntry] {
        let now = now()
        return try await write { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", logger: logger)
            let entries = try await entries(
                Self.query(filter), includingComplainants: includingComplainants, on: connection)
            try await record(
                .complaintsExported(count: entries.count, includingComplainants: includingComplainants), by: actor,
                at: now, on: connection)
            return entries
        }
    }

    /// The complaints `query` selects (`ComplaintRow.columns`), in its order, with steps and flags,
    /// and with their complainants only when asked for (otherwise only whether one is stored).
    private func entries(
        _ query: PostgresQuery, includingComplainants: Bool, on connection: PostgresConnection
    ) async throws -> [ComplaintLogEntry] {
        let rows = try await connection.query(query, logger: logger).collect().map(ComplaintRow.init)
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        var steps: [Int64: [FollowUpStep]] = [:]
        for row in try await connection.query(
            """
            SELECT \(unescaped: ComplaintStepRow.columns) FROM complaint_step
            WHERE complaint_id = ANY(\(ids)) ORDER BY id
            """,
            logger: logger
        ).collect() {
            let step = try ComplaintStepRow(row)
            steps[step.complaintId, default: []].append(step.step)
        }
        // Which complaints have a complainant; their details only when asked for.
        var details: [Int64: Complainant] = [:]
        var withComplainant: Set<Int64> = []
        if includingComplainants {
            for row in try await connection.query(
                "SELECT complaint_id, name, phone, email, address FROM complainant WHERE complaint_id = ANY(\(ids))",
                logger: logger
            ).collect() {
                let cells = row.makeRandomAccess()
                let id: Int64 = try ComplaintRow.cell(cells, "complaint_id")
                details[id] = Complainant(
                    name: try ComplaintRow.cell(cells, "name"), phone: try ComplaintRow.cell(cells, "phone"),
                    email: try ComplaintRow.cell(cells, "email"), address: try ComplaintRow.cell(cells, "address"))
            }
            withComplainant = Set(details.keys)
        } else {
            for row in try await connection.query(
                "SELECT complaint_id FROM complainant WHERE complaint_id = ANY(\(ids))", logger: logger
            ).collect() {
                withComplainant.insert(try ComplaintRow.cell(row.makeRandomAccess(), "complaint_id"))
            }
        }
        let flags = try await flags(of: ids, on: connection)
        return try rows.map { row in
            var entry = try row.entry(
                steps: steps[row.id] ?? [], complainant: details[row.id],
                hasComplainant: withComplainant.contains(row.id))
            entry.duplicateFlags = flags[row.id] ?? []
            return entry
        }
    }

    /// The complaints matching `filter`, newest first, as one query with every value bound.
    private static func query(_ filter: ComplaintFilter) -> PostgresQuery {
        var binds = PostgresBindings()
        func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        var conditions: [String] = []
        if let venue = filter.venue?.trimmingCharacters(in: .whitespaces), !venue.isEmpty {
            if let number = try? OrganisationNumber(venue) {
                conditions.append("organisation_number = \(bind(number.digits))")
            } else if StreetAddress(venue) != nil {
                conditions.append("street_key = \(bind(StreetKey.make(venue)))")
            } else {
                // Part of the name, ignoring case in every alphabet (ICU's root locale); strpos
                // has no wildcards, so `%` and `_` are plain characters.
                let part = bind(venue)
                conditions.append(
                    "strpos(lower(venue_name COLLATE \"und-x-icu\"), lower(\(part)::text COLLATE \"und-x-icu\")) > 0")
            }
        }
        if let statuses = filter.statuses { conditions.append("status = ANY(\(bind(statuses.map(\.rawValue))))") }
        if let category = filter.category { conditions.append("\(bind(category.rawValue))::text = ANY(categories)") }
        if let officer = filter.officer {
            // As SQLite's NOCASE: ASCII letters only.
            conditions.append("lower(officer COLLATE \"C\") = lower(\(bind(officer))::text COLLATE \"C\")")
        }
        if let day = filter.overdueOn { conditions.append("status <> 'closed' AND next_due < \(bind(day.iso))::date") }
        if let day = filter.dueBy { conditions.append("status <> 'closed' AND next_due <= \(bind(day.iso))::date") }
        if let from = filter.receivedFrom { conditions.append("received_at >= \(bind(OsloTime.instant(from)))") }
        if let to = filter.receivedTo {
            conditions.append("received_at < \(bind(OsloTime.instant(to.adding(days: 1))))")
        }
        if let episode = filter.episode {
            let value = bind(episode)
            conditions.append("(episode_id = \(value) OR id = \(value))")
        }
        if let ids = filter.ids { conditions.append("id = ANY(\(bind(Array(ids))))") }
        if let district = filter.district { conditions.append("district = \(bind(district))") }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return PostgresQuery(
            unsafeSQL: "SELECT \(ComplaintRow.columns) FROM complaint \(clause) ORDER BY received_at DESC, id DESC",
            binds: binds)
    }

    public func addStep(
        _ step: FollowUpStep, toComplaint id: Int64, actor: Actor, reply: ReplyRenderer?
    ) async throws -> ComplaintLogEntry {
        let now = now()
        return try await write { connection in
            guard let row = try await lockedComplaint(id, on: connection) else { throw ComplaintLogError.notFound(id) }
            let before = try row.entry(
                steps: try await steps(of: id, on: connection), complainant: nil, hasComplainant: false)
            if let note = step.note, note.count > ComplaintRules.maxDescription {
                throw ComplaintLogError.invalid(["notatet er lengre enn \(ComplaintRules.maxDescription) tegn"])
            }
            let after: ComplaintLogEntry
            do throws(ComplaintFlow.Problem) {
                after = try ComplaintFlow.apply(step, to: before)
            } catch {
                throw ComplaintLogError.flow(error)
            }
            try await insertStep(after.steps[after.steps.count - 1], complaintId: id, on: connection)
            try await connection.query(
                """
                UPDATE complaint SET status = \(after.status.rawValue), next_due = \(after.nextDue?.iso)::date,
                    closing_reason = \(after.closingReason?.rawValue), unfounded = \(after.closingReason == .unfounded)
                WHERE id = \(id)
                """, logger: logger)
            try await record(
                .complaintStep(id, step, before: before.status, after: after, actor: actor), by: actor, at: now,
                on: connection)
            if let reply { try await storeReply(reply, to: id, actor: actor, now: now, on: connection) }
            var result = after
            result.steps = try await steps(of: id, on: connection)
            return result
        }
    }

    /// The complaint's row, locked for the rest of the transaction; nil when there is none.
    func lockedComplaint(_ id: Int64, on connection: PostgresConnection) async throws -> ComplaintRow? {
        try await connection.query(
            "SELECT \(unescaped: ComplaintRow.columns) FROM complaint WHERE id = \(id) FOR UPDATE",
            logger: logger
        ).collect().first.map(ComplaintRow.init)
    }

    /// The complaint's steps, oldest first.
    func steps(of id: Int64, on connection: PostgresConnection) async throws -> [FollowUpStep] {
        try await connection.query(
            "SELECT \(unescaped: ComplaintStepRow.columns) FROM complaint_step WHERE complaint_id = \(id) ORDER BY id",
            logger: logger
        ).collect().map { try ComplaintStepRow($0).step }
    }
}

// Helpers of the complaint log.
extension PostgresStore {
    /// Runs `body` in one read-only transaction on one snapshot (REPEATABLE READ), so that a
    /// complaint and its steps, complainant and flags are read as of one moment.
    func readSnapshot<Result: Sendable>(
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await write { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            return try await body(connection)
        }
    }

    /// The ids the query's first column holds, in its order.
    func complaintIds(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [Int64] {
        var ids: [Int64] = []
        for row in try await connection.query(query, logger: logger).collect() {
            ids.append(try ComplaintRow.cell(row.makeRandomAccess(), "id"))
        }
        return ids
    }
}
