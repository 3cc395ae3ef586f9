import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

extension SQLiteStore {
    public func addDraft(_ draft: StatementDraft, actor: Actor) async throws -> StatementDraft {
        let now = now()
        return try await writer.write { db in
            let key = draft.caseNumber.key
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM hearing WHERE caseKey = ?", arguments: [key]) == true else {
                throw StatementStoreError.caseNotFound(draft.caseNumber.text)
            }
            var status = try Self.review(db, key)
            if status.state == .sent { throw StatementStoreError.review(.alreadySent) }
            let stored = try Self.insertDraft(draft, db)
            let version = stored.version
            var reopened: ReviewState?
            if status.state == .submitted || status.state == .approved {
                reopened = status.state
                status = ReviewStatus(state: .draft, comment: status.comment)
                try Self.saveReview(db, key, status, now)
            }
            try AuditRecord.record(
                .statementDraft(key, version: version, draft, reopened: reopened), by: actor, at: now, db)
            return stored
        }
    }

    /// Stores `draft` as the case's next version, in the caller's transaction (the review is left as it is).
    static func insertDraft(_ draft: StatementDraft, _ db: Database) throws -> StatementDraft {
        let key = draft.caseNumber.key
        let version =
            (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM statementDraft WHERE caseKey = ?", arguments: [key])
                ?? 0) + 1
        var stored = draft
        stored.version = version
        let route = RouteColumns(draft.route)
        try db.execute(
            sql: """
                INSERT INTO statementDraft (caseKey, version, origin, markdown, mapSVG, outcome, routeKind, signatory,
                    body, meetingDate, itemNumber, hearingVersion, assessmentDigest, author, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                key, version, draft.origin.rawValue, draft.markdown, draft.mapSVG, draft.outcome.rawValue,
                route.kind, route.signatory, route.body, route.meetingDate, route.itemNumber, draft.hearingVersion,
                draft.assessmentDigest, draft.author, Timestamp.format(draft.createdAt),
            ])
        return stored
    }

    public func drafts(of number: CaseNumber) async throws -> [StatementDraft] {
        try await writer.read { db in try Self.drafts(of: number, db) }
    }

    /// Every version of `number`, oldest first, in the caller's transaction.
    static func drafts(of number: CaseNumber, _ db: Database) throws -> [StatementDraft] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM statementDraft WHERE caseKey = ? ORDER BY version", arguments: [number.key]
        ).map { row in
                guard let origin = StatementDraft.Origin(rawValue: row["origin"]),
                    let outcome = StatementOutcome(rawValue: row["outcome"])
                else { throw StoreError.damaged("ugyldig utkast i databasen (sak \(number.text))") }
                return StatementDraft(
                    caseNumber: number, version: row["version"], origin: origin, markdown: row["markdown"],
                    mapSVG: row["mapSVG"], outcome: outcome, route: try RouteColumns.route(row),
                    hearingVersion: row["hearingVersion"], assessmentDigest: row["assessmentDigest"],
                    author: row["author"], createdAt: try Timestamp.parse(row["createdAt"]))
        }
    }

    public func review(of number: CaseNumber) async throws -> ReviewStatus {
        try await writer.read { db in try Self.review(db, number.key) }
    }

    public func reviewQueue(_ state: ReviewState, district: String?) async throws -> [ReviewQueueItem] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT h.caseNumber, h.venueName, h.deadline, d.outcome, d.routeKind, d.signatory, d.body,
                        d.meetingDate, d.itemNumber
                    FROM statementReview r
                    JOIN hearing h ON h.caseKey = r.caseKey
                    JOIN statementDraft d ON d.caseKey = r.caseKey
                        AND d.version = (SELECT MAX(version) FROM statementDraft WHERE caseKey = r.caseKey)
                    WHERE r.state = ? AND h.status = 'open' AND (? IS NULL OR h.district = ?)
                    ORDER BY h.deadline, h.caseKey
                    """, arguments: [state.rawValue, district, district]
            ).map { row in
                let text: String = row["caseNumber"]
                guard let number = try? CaseNumber(text), let deadline = try? LocalDate(iso: row["deadline"]),
                    let outcome = StatementOutcome(rawValue: row["outcome"])
                else { throw StoreError.damaged("ugyldig sak i behandlingslisten i databasen («\(text)»)") }
                return ReviewQueueItem(
                    caseNumber: number, venueName: row["venueName"], deadline: deadline, outcome: outcome,
                    route: try RouteColumns.route(row))
            }
        }
    }

    public func statementFacts(district: String?, received: ClosedRange<LocalDate>) async throws -> [StatementFact] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT h.caseNumber, h.district, h.applicationType, h.permitType, h.sent, h.deadline,
                        d.outcome, r.state, r.sentDate
                    FROM hearing h
                    LEFT JOIN statementReview r ON r.caseKey = h.caseKey
                    LEFT JOIN statementDraft d ON d.caseKey = h.caseKey
                        AND d.version = (SELECT MAX(version) FROM statementDraft WHERE caseKey = h.caseKey)
                    WHERE h.sent BETWEEN ? AND ? AND (? IS NULL OR h.district = ?)
                    ORDER BY h.sent, h.caseKey
                    """, arguments: [received.lowerBound.iso, received.upperBound.iso, district, district]
            ).map { row in
                let text: String = row["caseNumber"]
                let outcome: String? = row["outcome"]
                let state: String? = row["state"]
                let sentDate: String? = row["sentDate"]
                guard let number = try? CaseNumber(text),
                    let kind = ApplicationType(rawValue: row["applicationType"]),
                    let permit = PermitType(rawValue: row["permitType"]),
                    let sent = try? LocalDate(iso: row["sent"]), let deadline = try? LocalDate(iso: row["deadline"]),
                    let reviewState = state == nil ? ReviewState.draft : state.flatMap(ReviewState.init(rawValue:))
                else { throw StoreError.damaged("ugyldig sak i databasen («\(text)»)") }
                let latest = try outcome.map { code in
                    guard let value = StatementOutcome(rawValue: code) else {
                        throw StoreError.damaged("ugyldig utkast i databasen (sak \(text))")
                    }
                    return value
                }
                let day = try sentDate.map { code in
                    guard let value = try? LocalDate(iso: code) else {
                        throw StoreError.damaged("ugyldig sendt-dato i databasen (sak \(text))")
                    }
                    return value
                }
                return StatementFact(
                    caseNumber: number, district: row["district"], applicationType: kind, permitType: permit,
                    received: sent, deadline: deadline, outcome: latest, state: reviewState, sentDate: day)
            }
        }
    }

    public func applyReview(_ action: ReviewAction, to number: CaseNumber, actor: Actor) async throws -> ReviewStatus {
        let current = try await drafts(of: number).last
        let now = now()
        return try await writer.write { db in
            let key = number.key
            // The draft read before the transaction must still be the current one.
            let latest = try Int.fetchOne(
                db, sql: "SELECT MAX(version) FROM statementDraft WHERE caseKey = ?", arguments: [key])
            guard latest == current?.version else {
                throw StatementStoreError.draftChangedMeanwhile
            }
            return try Self.reviewStep(action, key: key, draft: current, actor: actor, now: now, db)
        }
    }

    /// Applies `action` to the review of `key` whose current draft is `current`, in the caller's
    /// transaction, with the four-eyes check for an approval, and audits it.
    static func reviewStep(
        _ action: ReviewAction, key: String, draft current: StatementDraft?, actor: Actor, now: Date, _ db: Database
    ) throws -> ReviewStatus {
        let before = try Self.review(db, key)
        // Four eyes, checked here so every channel keeps them: the approver is a user with the
        // route's role, neither the draft's author nor the one who submitted it.
        var approver: (role: Role?, submitter: String?)?
        if case .approve = action {
            let role = try String.fetchOne(
                db, sql: "SELECT role FROM webUser WHERE name = ? AND disabled = 0", arguments: [actor.name]
            ).flatMap(Role.init(rawValue:))
            let submitter = try String.fetchOne(
                db,
                sql: """
                    SELECT actor FROM auditEvent WHERE entity = 'statement' AND entityId = ?
                    AND action = 'statement.submit' ORDER BY id DESC LIMIT 1
                    """, arguments: [key])
            approver = (role, submitter)
        }
        let after = try StoreRules.reviewStep(
            action, to: before, draft: current, actor: actor, approver: approver, now: now)
        try Self.saveReview(db, key, after, now)
        try AuditRecord.record(
            .statementReview(key, action, before: before.state, after: after.state, version: current?.version),
            by: actor, at: now, db)
        return after
    }

    public func statementAuditTrail(_ number: CaseNumber) async throws -> [AuditEvent] {
        try await writer.read { db in
            try AuditRecord.filter(
                AuditRecord.Columns.entity == "statement" && AuditRecord.Columns.entityId == number.key
            )
            .order(AuditRecord.Columns.id).fetchAll(db).map { try $0.event() }
        }
    }

    static func review(_ db: Database, _ key: String) throws -> ReviewStatus {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM statementReview WHERE caseKey = ?", arguments: [key])
        else { return ReviewStatus() }
        guard let state = ReviewState(rawValue: row["state"]) else {
            throw StoreError.damaged("ugyldig behandlingsstatus i databasen")
        }
        let kind: String? = row["routeKind"]
        let approvedAt: String? = row["approvedAt"]
        let sentDate: String? = row["sentDate"]
        return ReviewStatus(
            state: state, decision: kind == nil ? nil : try RouteColumns.route(row),
            approvedAt: try approvedAt.map(Timestamp.parse), sentDate: try sentDate.map { try LocalDate(iso: $0) },
            comment: row["comment"])
    }

    private static func saveReview(_ db: Database, _ key: String, _ status: ReviewStatus, _ now: Date) throws {
        let route = status.decision.map(RouteColumns.init)
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO statementReview (caseKey, state, routeKind, signatory, body, meetingDate,
                    itemNumber, approvedAt, sentDate, comment, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                key, status.state.rawValue, route?.kind, route?.signatory, route?.body, route?.meetingDate,
                route?.itemNumber, status.approvedAt.map(Timestamp.format), status.sentDate?.iso, status.comment,
                Timestamp.format(now),
            ])
    }
}

extension RouteColumns {
    /// The route from a row's `routeKind`, `signatory`, `body`, `meetingDate` and `itemNumber`.
    static func route(_ row: Row) throws -> DecisionRoute {
        try route(row["routeKind"], row["signatory"], row["body"], row["meetingDate"], row["itemNumber"])
    }
}
