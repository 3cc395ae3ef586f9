import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

extension SQLiteStore {
    public func logComplaint(_ entry: ComplaintLogEntry, actor: Actor, receipt: ReplyRenderer?) async throws -> Int64 {
        let now = now()
        return try await writer.write { db in
            let id = try Self.insert(entry, externalSource: nil, actor: actor, now: now, db)
            if let receipt { try Self.reply(receipt, to: id, actor: actor, now: now, db) }
            return id
        }
    }

    public func logComplaints(
        _ entries: [ComplaintLogEntry], source: String, duplicates rule: DuplicateRule?, actor: Actor
    ) async throws
        -> ComplaintImportSummary
    {
        let now = now()
        return try await writer.write { db in
            var summary = ComplaintImportSummary()
            for var entry in entries {
                if let reference = entry.externalReference,
                    try ComplaintRecord.filter(
                        ComplaintRecord.Columns.externalSource == source
                            && ComplaintRecord.Columns.externalReference == reference
                    ).fetchCount(db) > 0
                {
                    summary.alreadyLogged.append(reference)
                    continue
                }
                // Against what is logged, this batch's earlier complaints included: an open
                // complaint is flagged for the officer, a closed one is history and is linked.
                let closed = entry.steps.last?.action == .closed
                var history: DuplicateFlag?
                if let rule {
                    if closed {
                        history = try Self.historyMatch(for: entry, rule: rule, db)
                    } else {
                        entry.duplicateFlags = try Self.flags(for: entry, rule: rule, db)
                    }
                }
                let id = try Self.insert(entry, externalSource: source, actor: actor, now: now, db)
                summary.added.append(id)
                if let history {
                    let episode = try Self.link(
                        [history.matched, id], actor: actor, now: now, sameVenueOnly: false,
                        note: "koblet ved import av en avsluttet klage fra \(source) (\(history.reason))", db)
                    summary.linked[id] = episode
                }
            }
            return summary
        }
    }

    /// The open episodes `entry` is likely a duplicate of, by `rule`.
    private static func flags(
        for entry: ComplaintLogEntry, rule: DuplicateRule, _ db: Database
    ) throws
        -> [DuplicateFlag]
    {
        let window = rule.window(around: entry.receivedAt)
        let logged = try duplicateCandidates(receivedFrom: window.from, to: window.to, district: entry.district, db)
        return DuplicateDetector.flags(for: DuplicateCandidate(unlogged: entry), among: logged, rule: rule)
    }

    /// The logged complaint, open or closed, that the closed `entry` is the same episode as, by `rule`.
    private static func historyMatch(
        for entry: ComplaintLogEntry, rule: DuplicateRule, _ db: Database
    ) throws
        -> DuplicateFlag?
    {
        let window = rule.window(around: entry.receivedAt)
        let logged = try duplicateCandidates(
            receivedFrom: window.from, to: window.to, district: entry.district, includingClosed: true, db)
        return DuplicateDetector.historyMatch(for: DuplicateCandidate(unlogged: entry), among: logged, rule: rule)
    }

    /// Validates `entry`, replays its steps through the status flow (a `registered` step due
    /// `entry.nextDue` when it has none) and stores it with its complainant and an audit event.
    private static func insert(
        _ entry: ComplaintLogEntry, externalSource: String?, actor: Actor, now: Date, _ db: Database
    ) throws -> Int64 {
        let state = try StoreRules.newComplaint(entry, actor: actor, now: now)
        let record = ComplaintRecord(state, externalSource: externalSource)
        try record.insert(db)
        let id = db.lastInsertedRowID
        for step in state.steps { try ComplaintStepRecord(step, complaintId: id).insert(db) }
        if let complainant = entry.complainant, !complainant.isEmpty {
            try ComplainantRecord(complainant, complaintId: id).insert(db)
        }
        try insertFlags(entry.duplicateFlags, complaintId: id, db)
        try AuditRecord.record(
            .complaintCreated(id, state, status: state.status, nextDue: state.nextDue, externalSource: externalSource),
            by: actor, at: now, db)
        return id
    }

    public func complaint(id: Int64, includingComplainant: Bool) async throws -> ComplaintLogEntry? {
        try await writer.read { db in try Self.complaint(id: id, includingComplainant: includingComplainant, db) }
    }

    static func complaint(id: Int64, includingComplainant: Bool, _ db: Database) throws -> ComplaintLogEntry? {
        guard let record = try ComplaintRecord.fetchOne(db, key: id) else { return nil }
        let steps = try ComplaintStepRecord.filter(ComplaintStepRecord.Columns.complaintId == id)
            .order(ComplaintStepRecord.Columns.id).fetchAll(db).map { try $0.step() }
        let complainant = try ComplainantRecord.fetchOne(db, key: id)
        var entry = try record.entry(
            steps: steps, complainant: includingComplainant ? complainant?.complainant : nil,
            hasComplainant: complainant != nil)
        entry.duplicateFlags = try flags(of: [id], db)[id] ?? []
        return entry
    }

    public func complaintLog(_ filter: ComplaintFilter) async throws -> [ComplaintLogEntry] {
        try await writer.read { db in try Self.log(filter, includingComplainants: false, db) }
    }

    public func exportComplaints(
        _ filter: ComplaintFilter, includingComplainants: Bool, actor: Actor
    ) async throws -> [ComplaintLogEntry] {
        let now = now()
        return try await writer.write { db in
            let entries = try Self.log(filter, includingComplainants: includingComplainants, db)
            try AuditRecord.record(
                .complaintsExported(count: entries.count, includingComplainants: includingComplainants), by: actor,
                at: now, db)
            return entries
        }
    }

    /// The complaints matching `filter`, newest first, with steps and flags, and with their
    /// complainants only when asked for.
    private static func log(
        _ filter: ComplaintFilter, includingComplainants: Bool, _ db: Database
    ) throws -> [ComplaintLogEntry] {
        let request = Self.request(filter)
        let records = try request.order(ComplaintRecord.Columns.receivedAt.desc, ComplaintRecord.Columns.id.desc)
            .fetchAll(db)
        guard !records.isEmpty else { return [] }
        // Steps and complainant flags for the same selection, in one query each.
        let ids = request.select(ComplaintRecord.Columns.id)
        var steps: [Int64: [FollowUpStep]] = [:]
        for record in try ComplaintStepRecord.filter(ids.contains(ComplaintStepRecord.Columns.complaintId))
            .order(ComplaintStepRecord.Columns.id).fetchAll(db)
        {
            steps[record.complaintId, default: []].append(try record.step())
        }
        // Which complaints have a complainant; their details only when asked for.
        var details: [Int64: Complainant] = [:]
        let withComplainant: Set<Int64>
        if includingComplainants {
            for record in try ComplainantRecord.filter(ids.contains(Column("complaintId"))).fetchAll(db) {
                details[record.complaintId] = record.complainant
            }
            withComplainant = Set(details.keys)
        } else {
            withComplainant = Set(
                try Int64.fetchAll(
                    db, ComplainantRecord.select(Column("complaintId")).filter(ids.contains(Column("complaintId")))))
        }
        let flags = try Self.flags(of: records.compactMap(\.id), db)
        return try records.map { record in
            var entry = try record.entry(
                steps: steps[record.id ?? 0] ?? [], complainant: details[record.id ?? 0],
                hasComplainant: withComplainant.contains(record.id ?? 0))
            entry.duplicateFlags = flags[record.id ?? 0] ?? []
            return entry
        }
    }

    /// The complaints matching `filter`, as a request (no SQL text outside the store).
    private static func request(_ filter: ComplaintFilter) -> QueryInterfaceRequest<ComplaintRecord> {
        typealias C = ComplaintRecord.Columns
        var request = ComplaintRecord.all()
        if let venue = filter.venue?.trimmingCharacters(in: .whitespaces), !venue.isEmpty {
            if let number = try? OrganisationNumber(venue) {
                request = request.filter(C.organisationNumber == number.digits)
            } else if StreetAddress(venue) != nil {
                request = request.filter(C.streetKey == StreetKey.make(venue))
            } else {
                // Part of the name, ignoring case in every alphabet; `%` and `_` are plain characters.
                request = request.filter(SQLiteStore.containsIgnoringCase(C.venueName, venue))
            }
        }
        if let statuses = filter.statuses { request = request.filter(statuses.map(\.rawValue).contains(C.status)) }
        if let category = filter.category {
            // Categories are stored as space-separated raw values.
            request = request.filter(
                sql: "(' ' || categories || ' ') LIKE ?", arguments: ["% \(category.rawValue) %"])
        }
        if let officer = filter.officer { request = request.filter(C.officer.collating(.nocase) == officer) }
        let open = C.status != ComplaintStatus.closed.rawValue
        if let day = filter.overdueOn { request = request.filter(open && C.nextDue < day.iso) }
        if let day = filter.dueBy { request = request.filter(open && C.nextDue <= day.iso) }
        if let from = filter.receivedFrom {
            request = request.filter(C.receivedAt >= Timestamp.format(OsloTime.instant(from)))
        }
        if let to = filter.receivedTo {
            request = request.filter(C.receivedAt < Timestamp.format(OsloTime.instant(to.adding(days: 1))))
        }
        if let episode = filter.episode { request = request.filter(C.episodeId == episode || C.id == episode) }
        if let ids = filter.ids { request = request.filter(ids.contains(C.id)) }
        if let district = filter.district { request = request.filter(C.district == district) }
        return request
    }

    public func addStep(
        _ step: FollowUpStep, toComplaint id: Int64, actor: Actor, reply: ReplyRenderer?
    ) async throws -> ComplaintLogEntry {
        let now = now()
        return try await writer.write { db in
            guard var record = try ComplaintRecord.fetchOne(db, key: id) else { throw ComplaintLogError.notFound(id) }
            let steps = try ComplaintStepRecord.filter(ComplaintStepRecord.Columns.complaintId == id)
                .order(ComplaintStepRecord.Columns.id).fetchAll(db).map { try $0.step() }
            let before = try record.entry(steps: steps, complainant: nil, hasComplainant: false)
            if let note = step.note, note.count > ComplaintRules.maxDescription {
                throw ComplaintLogError.invalid(["notatet er lengre enn \(ComplaintRules.maxDescription) tegn"])
            }
            let after: ComplaintLogEntry
            do throws(ComplaintFlow.Problem) {
                after = try ComplaintFlow.apply(step, to: before)
            } catch {
                throw ComplaintLogError.flow(error)
            }
            try ComplaintStepRecord(after.steps[after.steps.count - 1], complaintId: id).insert(db)
            record.status = after.status.rawValue
            record.nextDue = after.nextDue?.iso
            record.closingReason = after.closingReason?.rawValue
            record.unfounded = after.closingReason == .unfounded
            try record.update(db)
            try AuditRecord.record(
                .complaintStep(id, step, before: before.status, after: after, actor: actor), by: actor, at: now, db)
            if let reply { try Self.reply(reply, to: id, actor: actor, now: now, db) }
            var result = after
            result.steps = try ComplaintStepRecord.filter(ComplaintStepRecord.Columns.complaintId == id)
                .order(ComplaintStepRecord.Columns.id).fetchAll(db).map { try $0.step() }
            return result
        }
    }

    public func linkEpisode(_ ids: [Int64], actor: Actor) async throws -> Int64 {
        let now = now()
        return try await writer.write { db in try Self.link(ids, actor: actor, now: now, db) }
    }

    /// Makes the complaints one episode inside the caller's transaction (see `linkEpisode`).
    /// `sameVenueOnly` refuses complaints about different venues; an officer's decision on a flagged
    /// duplicate (reports placed by position alone) links without it.
    /// `note` is added to each audit event (why the link was made without an officer).
    static func link(
        _ ids: [Int64], actor: Actor, now: Date, sameVenueOnly: Bool = true, note: String? = nil, _ db: Database
    ) throws -> Int64 {
        let unique = Array(Set(ids)).sorted()
        guard unique.count >= 2 else { throw ComplaintLogError.linkNeedsTwo }
        var records: [ComplaintRecord] = []
        for id in unique {
            guard let record = try ComplaintRecord.fetchOne(db, key: id) else {
                throw ComplaintLogError.notFound(id)
            }
            records.append(record)
        }
        let entries = try records.map { try $0.entry(steps: [], complainant: nil, hasComplainant: false) }
        try StoreRules.checkLinkable(entries, sameVenueOnly: sameVenueOnly)
        // Merge whole episodes: every complaint already linked to one of these comes along.
        let roots = Set(entries.compactMap(\.episode))
        let members = try Int64.fetchAll(
            db,
            ComplaintRecord.select(ComplaintRecord.Columns.id)
                .filter(
                    roots.contains(ComplaintRecord.Columns.episodeId) || roots.contains(ComplaintRecord.Columns.id))
        )
        let root = roots.min() ?? unique[0]
        try ComplaintRecord.filter(members.contains(ComplaintRecord.Columns.id))
            .updateAll(db, ComplaintRecord.Columns.episodeId.set(to: root))
        for member in members.sorted() {
            try AuditRecord.record(
                .complaintLinked(member, others: members.filter { $0 != member }, root: root, note: note), by: actor,
                at: now, db)
        }
        return root
    }

    public func unlinkEpisode(_ id: Int64, actor: Actor) async throws {
        let now = now()
        try await writer.write { db in
            guard let record = try ComplaintRecord.fetchOne(db, key: id) else { throw ComplaintLogError.notFound(id) }
            guard let episode = record.episodeId else {
                throw ComplaintLogError.invalid(["klage \(id) er ikke knyttet til en episode"])
            }
            try ComplaintRecord.filter(key: id).updateAll(db, ComplaintRecord.Columns.episodeId.set(to: nil))
            let rest = try Int64.fetchAll(
                db,
                ComplaintRecord.select(ComplaintRecord.Columns.id).filter(ComplaintRecord.Columns.episodeId == episode))
            // The episode keeps the id of its first complaint; one left alone is no episode.
            let newRoot: Int64? = rest.count >= 2 ? rest.min() : nil
            try ComplaintRecord.filter(rest.contains(ComplaintRecord.Columns.id))
                .updateAll(db, ComplaintRecord.Columns.episodeId.set(to: newRoot))
            try AuditRecord.record(.complaintUnlinked(id, episode: episode), by: actor, at: now, db)
        }
    }

    public func updateVenue(_ venue: ComplaintVenue, ofComplaint id: Int64, actor: Actor) async throws {
        let now = now()
        try await writer.write { db in
            guard var record = try ComplaintRecord.fetchOne(db, key: id) else { throw ComplaintLogError.notFound(id) }
            var entry = try record.entry(steps: [], complainant: nil, hasComplainant: false)
            let before = entry.venue.label
            entry.venue = venue
            // Only the venue changes: check it the way a new complaint's venue is checked.
            let problems = ComplaintRules.problems(entry, now: .distantFuture).filter {
                !$0.hasPrefix("hendelsen") && !$0.hasPrefix("mottatt")
            }
            guard problems.isEmpty else { throw ComplaintLogError.invalid(problems) }
            record.setVenue(venue)
            try record.update(db)
            try AuditRecord.record(.complaintVenue(id, from: before, to: venue), by: actor, at: now, db)
        }
    }

    public func purgePersonalData(closedBefore: Date, actor: Actor) async throws -> Int {
        let now = now()
        return try await writer.write { db in
            let cutoff = Timestamp.format(closedBefore)
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT c.id FROM complaint c
                    WHERE c.status = 'closed' AND c.purgedAt IS NULL
                      AND COALESCE((SELECT MAX(s.at) FROM complaintStep s
                                    WHERE s.complaintId = c.id AND s.action = 'closed'), c.receivedAt) < ?
                    ORDER BY c.id
                    """, arguments: [cutoff])
            guard !ids.isEmpty else { return 0 }
            let stamp = Timestamp.format(now)
            try ComplainantRecord.filter(ids.contains(Column("complaintId"))).deleteAll(db)
            try ComplaintRecord.filter(ids.contains(ComplaintRecord.Columns.id)).updateAll(
                db, Column("description").set(to: nil), Column("incidentText").set(to: nil),
                Column("purgedAt").set(to: stamp))
            try ComplaintStepRecord.filter(ids.contains(ComplaintStepRecord.Columns.complaintId))
                .updateAll(db, Column("note").set(to: nil))
            for id in ids {
                try AuditRecord.record(
                    .complaintPurged(id, closedBefore: String(cutoff.prefix(10))), by: actor, at: now, db)
            }
            return ids.count
        }
    }

    public func complaintAuditTrail(_ id: Int64) async throws -> [AuditEvent] {
        try await writer.read { db in
            try AuditRecord.filter(
                AuditRecord.Columns.entity == "complaint" && AuditRecord.Columns.entityId == String(id)
            )
            .order(AuditRecord.Columns.id).fetchAll(db).map { try $0.event() }
        }
    }

    public func complaints(_ ids: [Int64], loggedBy actorName: String) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await writer.read { db in
            Set(
                try AuditRecord.filter(
                    AuditRecord.Columns.entity == "complaint" && AuditRecord.Columns.action == "complaint.created"
                        && AuditRecord.Columns.actor == actorName && ids.map(String.init).contains(AuditRecord.Columns.entityId)
                )
                .fetchAll(db).compactMap { $0.entityId.flatMap { Int64($0) } })
        }
    }

    public func complaints(forHearingsOf district: String?) async throws -> [Complaint] {
        try await writer.read { db in
            var request = ComplaintRecord.all()
            if let district {
                request = request.filter(ComplaintRecord.Columns.district == district || ComplaintRecord.Columns.district == nil)
            }
            return try request.order(Column("incidentDate"), ComplaintRecord.Columns.id).fetchAll(db).map { record in
                try record.entry(steps: [], complainant: nil, hasComplainant: false).evidence
            }
        }
    }
}
