import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

extension PostgresStore: StatementStore {
    /// Locks the case's row for the transaction: two drafts or review steps of one statement run one
    /// after the other, so the version numbers and the review flow cannot race.
    func lockCase(_ key: String, on connection: PostgresConnection) async throws -> Bool {
        var found = false
        for try await _ in try await connection.query(
            "SELECT id FROM hearing WHERE case_key = \(key) FOR UPDATE", logger: logger
        ).decode(Int64.self) {
            found = true
        }
        return found
    }

    public func addDraft(_ draft: StatementDraft, actor: Actor) async throws -> StatementDraft {
        let at = now()
        return try await write { connection in
            let key = draft.caseNumber.key
            guard try await self.lockCase(key, on: connection) else {
                throw StatementStoreError.caseNotFound(draft.caseNumber.text)
            }
            var status = try await self.review(key, on: connection)
            if status.state == .sent { throw StatementStoreError.review(.alreadySent) }
            let stored = try await self.insertDraft(draft, on: connection)
            let version = stored.version
            var reopened: ReviewState?
            if status.state == .submitted || status.state == .approved {
                reopened = status.state
                status = ReviewStatus(state: .draft, comment: status.comment)
                try await self.saveReview(key, status, at, on: connection)
            }
            try await self.record(
                .statementDraft(key, version: version, draft, reopened: reopened), by: actor, at: at, on: connection)
            return stored
        }
    }

    /// Stores `draft` as the case's next version in the caller's transaction (the review is left as it is).
    func insertDraft(_ draft: StatementDraft, on connection: PostgresConnection) async throws -> StatementDraft {
        let key = draft.caseNumber.key
        var version = 1
        for try await latest in try await connection.query(
            "SELECT max(version) FROM statement_draft WHERE case_key = \(key)", logger: logger
        ).decode(Int?.self) {
            version = (latest ?? 0) + 1
        }
        var stored = draft
        stored.version = version
        let route = RouteColumns(draft.route)
        try await connection.query(
            """
            INSERT INTO statement_draft (case_key, version, origin, markdown, map_svg, outcome, route_kind, signatory,
                body, meeting_date, item_number, hearing_version, assessment_digest, author, created_at)
            VALUES (\(key), \(version), \(draft.origin.rawValue), \(draft.markdown), \(draft.mapSVG),
                \(draft.outcome.rawValue), \(route.kind), \(route.signatory), \(route.body),
                \(route.meetingDate)::date, \(route.itemNumber), \(draft.hearingVersion), \(draft.assessmentDigest),
                \(draft.author), \(draft.createdAt))
            """, logger: logger)
        return stored
    }

    public func drafts(of number: CaseNumber) async throws -> [StatementDraft] {
        try await read { connection in try await self.drafts(of: number, on: connection) }
    }

    /// Every version of `number`, oldest first, on `connection`.
    func drafts(of number: CaseNumber, on connection: PostgresConnection) async throws -> [StatementDraft] {
        let rows = try await connection.query(
            """
            SELECT version, origin, markdown, map_svg, outcome, route_kind, signatory, body, meeting_date::text,
                item_number, hearing_version, assessment_digest, author, created_at
            FROM statement_draft WHERE case_key = \(number.key) ORDER BY version
            """, logger: self.logger)
        var drafts: [StatementDraft] = []
        for try await row in rows {
            let (version, origin, markdown, map, outcome, kind, signatory, body, meeting, item, hearingVersion,
                digest, author, created) = try row.decode(
                    (Int, String, String, String?, String, String, String?, String?, String?, String?, Int, String,
                        String, Date).self)
            guard let origin = StatementDraft.Origin(rawValue: origin),
                let outcome = StatementOutcome(rawValue: outcome)
            else { throw StoreError.damaged("ugyldig utkast i databasen (sak \(number.text))") }
            drafts.append(
                StatementDraft(
                    caseNumber: number, version: version, origin: origin, markdown: markdown, mapSVG: map,
                    outcome: outcome,
                    route: try RouteColumns.route(kind, signatory, body, meeting, item),
                    hearingVersion: hearingVersion, assessmentDigest: digest, author: author, createdAt: created))
        }
        return drafts
    }

    public func review(of number: CaseNumber) async throws -> ReviewStatus {
        try await read { connection in try await self.review(number.key, on: connection) }
    }

    public func reviewQueue(_ state: ReviewState, district: String?) async throws -> [ReviewQueueItem] {
        try await read { connection in
            let rows = try await connection.query(
                """
                SELECT h.case_number, h.venue_name, h.deadline::text, d.outcome, d.route_kind, d.signatory, d.body,
                    d.meeting_date::text, d.item_number
                FROM statement_review r
                JOIN hearing h ON h.case_key = r.case_key
                JOIN statement_draft d ON d.case_key = r.case_key
                    AND d.version = (SELECT max(version) FROM statement_draft WHERE case_key = r.case_key)
                WHERE r.state = \(state.rawValue) AND h.status = 'open'
                    AND (\(district)::text IS NULL OR h.district = \(district))
                ORDER BY h.deadline, h.case_key COLLATE "C"
                """, logger: self.logger)
            var items: [ReviewQueueItem] = []
            for try await row in rows {
                let (text, venue, deadline, outcome, kind, signatory, body, meeting, item) = try row.decode(
                    (String, String, String, String, String, String?, String?, String?, String?).self)
                guard let number = try? CaseNumber(text), let deadline = try? LocalDate(iso: deadline),
                    let outcome = StatementOutcome(rawValue: outcome)
                else { throw StoreError.damaged("ugyldig sak i behandlingslisten i databasen («\(text)»)") }
                items.append(
                    ReviewQueueItem(
                        caseNumber: number, venueName: venue, deadline: deadline, outcome: outcome,
                        route: try RouteColumns.route(kind, signatory, body, meeting, item)))
            }
            return items
        }
    }

    public func statementFacts(district: String?, received: ClosedRange<LocalDate>) async throws -> [StatementFact] {
        try await read { connection in
            let rows = try await connection.query(
                """
                SELECT h.case_number, h.district, h.application_type, h.permit_type, h.sent::text, h.deadline::text,
                    d.outcome, r.state, r.sent_date::text
                FROM hearing h
                LEFT JOIN statement_review r ON r.case_key = h.case_key
                LEFT JOIN statement_draft d ON d.case_key = h.case_key
                    AND d.version = (SELECT max(version) FROM statement_draft WHERE case_key = h.case_key)
                WHERE h.sent BETWEEN \(received.lowerBound.iso)::date AND \(received.upperBound.iso)::date
                    AND (\(district)::text IS NULL OR h.district = \(district))
                ORDER BY h.sent, h.case_key COLLATE "C"
                """, logger: self.logger)
            var facts: [StatementFact] = []
            for try await row in rows {
                let (text, district, kindCode, permitCode, sentText, deadlineText, outcomeCode, stateCode, sentDate) =
                    try row.decode((String, String, String, String, String, String, String?, String?, String?).self)
                guard let number = try? CaseNumber(text), let kind = ApplicationType(rawValue: kindCode),
                    let permit = PermitType(rawValue: permitCode), let sent = try Self.day(sentText, "sendt"),
                    let deadline = try Self.day(deadlineText, "frist"),
                    let state = stateCode == nil ? ReviewState.draft : stateCode.flatMap(ReviewState.init(rawValue:))
                else { throw StoreError.damaged("ugyldig sak i databasen («\(text)»)") }
                let outcome = try outcomeCode.map { code in
                    guard let value = StatementOutcome(rawValue: code) else {
                        throw StoreError.damaged("ugyldig utkast i databasen (sak \(text))")
                    }
                    return value
                }
                facts.append(
                    StatementFact(
                        caseNumber: number, district: district, applicationType: kind, permitType: permit,
                        received: sent, deadline: deadline, outcome: outcome, state: state,
                        sentDate: try Self.day(sentDate, "sendt")))
            }
            return facts
        }
    }

    public func applyReview(_ action: ReviewAction, to number: CaseNumber, actor: Actor) async throws -> ReviewStatus {
        let current = try await drafts(of: number).last
        let at = now()
        return try await write { connection in
            let key = number.key
            _ = try await self.lockCase(key, on: connection)
            let before = try await self.review(key, on: connection)
            // The draft read before the transaction must still be the current one.
            var latest: Int?
            for try await value in try await connection.query(
                "SELECT max(version) FROM statement_draft WHERE case_key = \(key)", logger: self.logger
            ).decode(Int?.self) {
                latest = value
            }
            guard latest == current?.version else { throw StatementStoreError.draftChangedMeanwhile }
            return try await self.reviewStep(action, key: key, before: before, draft: current, actor: actor, at: at, on: connection)
        }
    }

    /// Applies `action` to the review of `key` (reviewed as `before`, its current draft `current`) in
    /// the caller's transaction, with the four-eyes check for an approval, and audits it.
    func reviewStep(
        _ action: ReviewAction, key: String, before: ReviewStatus, draft current: StatementDraft?, actor: Actor,
        at: Date, on connection: PostgresConnection
    ) async throws -> ReviewStatus {
        // Four eyes, checked here so every channel keeps them: the approver is a user with the
        // route's role, neither the draft's author nor the one who submitted it.
        var approver: (role: Role?, submitter: String?)?
        if case .approve = action {
            var role: Role?
            for try await text in try await connection.query(
                "SELECT role FROM web_user WHERE lower(name COLLATE \"C\") = lower(\(actor.name) COLLATE \"C\") AND NOT disabled",
                logger: self.logger
            ).decode(String.self) {
                role = Role(rawValue: text)
            }
            var submitter: String?
            for try await name in try await connection.query(
                """
                SELECT actor FROM audit_event WHERE entity = 'statement' AND entity_id = \(key)
                    AND action = 'statement.submit' ORDER BY id DESC LIMIT 1
                """, logger: self.logger
            ).decode(String.self) {
                submitter = name
            }
            approver = (role, submitter)
        }
        let after = try StoreRules.reviewStep(
            action, to: before, draft: current, actor: actor, approver: approver, now: at)
        try await self.saveReview(key, after, at, on: connection)
        try await self.record(
            .statementReview(key, action, before: before.state, after: after.state, version: current?.version),
            by: actor, at: at, on: connection)
        return after
    }

    public func statementAuditTrail(_ number: CaseNumber) async throws -> [AuditEvent] {
        try await read { connection in
            try await Self.auditEvents(
                try await connection.query(
                    """
                    SELECT \(unescaped: Self.auditColumns) FROM audit_event
                    WHERE entity = 'statement' AND entity_id = \(number.key) ORDER BY id
                    """, logger: self.logger))
        }
    }

    func review(_ key: String, on connection: PostgresConnection) async throws -> ReviewStatus {
        let rows = try await connection.query(
            """
            SELECT state, route_kind, signatory, body, meeting_date::text, item_number, approved_at, sent_date::text,
                comment
            FROM statement_review WHERE case_key = \(key)
            """, logger: logger)
        for try await row in rows {
            let (stateText, kind, signatory, body, meeting, item, approvedAt, sent, comment) = try row.decode(
                (String, String?, String?, String?, String?, String?, Date?, String?, String?).self)
            guard let state = ReviewState(rawValue: stateText) else {
                throw StoreError.damaged("ugyldig behandlingsstatus i databasen")
            }
            return ReviewStatus(
                state: state,
                decision: try kind.map { try RouteColumns.route($0, signatory, body, meeting, item) },
                approvedAt: approvedAt, sentDate: try Self.day(sent, "sendt"), comment: comment)
        }
        return ReviewStatus()
    }

    private func saveReview(_ key: String, _ status: ReviewStatus, _ at: Date, on connection: PostgresConnection)
        async throws
    {
        let route = status.decision.map(RouteColumns.init)
        try await connection.query(
            """
            INSERT INTO statement_review (case_key, state, route_kind, signatory, body, meeting_date, item_number,
                approved_at, sent_date, comment, updated_at)
            VALUES (\(key), \(status.state.rawValue), \(route?.kind), \(route?.signatory), \(route?.body),
                \(route?.meetingDate)::date, \(route?.itemNumber), \(status.approvedAt), \(status.sentDate?.iso)::date,
                \(status.comment), \(at))
            ON CONFLICT (case_key) DO UPDATE SET state = excluded.state, route_kind = excluded.route_kind,
                signatory = excluded.signatory, body = excluded.body, meeting_date = excluded.meeting_date,
                item_number = excluded.item_number, approved_at = excluded.approved_at,
                sent_date = excluded.sent_date, comment = excluded.comment, updated_at = excluded.updated_at
            """, logger: logger)
    }
}
