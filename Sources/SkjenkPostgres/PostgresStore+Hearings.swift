import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

extension PostgresStore: CaseStore {
    /// A batch is worked out in memory (which cases are new, changed or unchanged, in the file's
    /// order, as SQLite does one by one) and written with multi-row statements: a few round trips
    /// per 500 hearings instead of four per hearing. The cases it updates are locked for the
    /// transaction; two imports creating the same case meet at the unique key and the later one runs
    /// again, finding the case.
    public func storeHearings(
        _ hearings: [Hearing], source: String, actor: Actor, progress: StoreProgress?
    ) async throws -> HearingStoreSummary {
        let at = now()
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await write { connection in
                    try await self.storeHearings(
                        hearings, source: source, actor: actor, at: at, progress: progress, on: connection)
                }
            } catch let error as StoreError where attempt < 3 {
                guard case .conflict = error else { throw error }
            }
        }
    }

    private struct Stored {
        var id: Int64?
        var version: Int
        var payload: String
    }

    private func storeHearings(
        _ hearings: [Hearing], source: String, actor: Actor, at: Date, progress: StoreProgress?,
        on connection: PostgresConnection
    ) async throws -> HearingStoreSummary {
        let prepared = PreparedHearings(hearings)
        var known = try await current(Array(Set(hearings.map(\.caseNumber.key))), on: connection)
        var summary = HearingStoreSummary()
        // What to write, in the file's order.
        var finalRows: [String: Hearing] = [:]
        var created: [String] = []
        var versions: [(key: String, version: Int, hearing: Hearing, payload: String)] = []
        var audit: [AuditEntry] = []
        for (index, hearing) in hearings.enumerated() {
            let (payload, violations) = prepared[index]
            try StoreRules.checkHearing(hearing, violations: violations)
            let key = hearing.caseNumber.key
            if let stored = known[key] {
                guard stored.payload != payload else {
                    summary.unchanged.append(hearing.caseNumber)
                    continue
                }
                let version = stored.version + 1
                let changes = HearingChanges.fields(from: try HearingPayload.decode(stored.payload), to: hearing)
                known[key] = Stored(id: stored.id, version: version, payload: payload)
                versions.append((key, version, hearing, payload))
                audit.append(.hearingUpdated(key, version: version, source: source, changes: changes))
                summary.updated.append(hearing.caseNumber)
            } else {
                known[key] = Stored(id: nil, version: 1, payload: payload)
                created.append(key)
                versions.append((key, 1, hearing, payload))
                audit.append(.hearingCreated(key, source: source))
                summary.created.append(hearing.caseNumber)
            }
            finalRows[key] = hearing
            if let progress, (index + 1) % 1_000 == 0 || index + 1 == hearings.count {
                progress(index + 1, hearings.count)
            }
        }

        // New cases, with the columns of their last version in the batch.
        let createdSet = Set(created)
        for chunk in created.chunks(of: 400) {
            var builder = SQLBuilder()
            let rows = chunk.map { key -> String in
                let h = finalRows[key]!
                let values = Self.columnValues(h, &builder) + [
                    builder.bind(key), builder.bind(known[key]!.version), builder.bind(at), builder.bind(at),
                ]
                return "(" + values.joined(separator: ", ") + ")"
            }
            builder.sql = """
                INSERT INTO hearing (\(Self.columns.joined(separator: ", ")), case_key, current_version, created_at,
                    updated_at)
                VALUES \(rows.joined(separator: ", "))
                ON CONFLICT (case_key) DO NOTHING
                RETURNING case_key, id
                """
            var inserted = 0
            for try await (key, id) in try await connection.query(builder.query, logger: logger).decode(
                (String, Int64).self)
            {
                known[key]?.id = id
                inserted += 1
            }
            // Another import created one of these cases meanwhile: run the batch again.
            if inserted < chunk.count { throw StoreError.conflict("saken ble lagret samtidig av en annen import") }
        }
        // Changed cases that existed before: their columns and current version.
        let changedKeys = Set(versions.map(\.key)).subtracting(createdSet).sorted()
        for chunk in changedKeys.chunks(of: 400) {
            var builder = SQLBuilder()
            let rows = chunk.map { key -> String in
                let values = [builder.bind(known[key]!.id!)] + Self.columnValues(finalRows[key]!, &builder)
                    + [builder.bind(known[key]!.version)]
                return "(" + values.joined(separator: ", ") + ")"
            }
            let names = ["id"] + Self.columns + ["current_version"]
            builder.sql = """
                UPDATE hearing AS h SET \(Self.columns.map { "\($0) = v.\($0)" }.joined(separator: ", ")),
                    current_version = v.current_version, updated_at = \(builder.bind(at))
                FROM (VALUES \(rows.joined(separator: ", "))) AS v (\(names.joined(separator: ", ")))
                WHERE h.id = v.id
                """
            try await connection.query(builder.query, logger: logger)
        }
        // Every new version, and the audit trail in the file's order.
        for chunk in versions.chunks(of: 1_000) {
            var builder = SQLBuilder()
            let rows = chunk.map { item -> String in
                let values = [
                    builder.bind(known[item.key]!.id!), builder.bind(item.version),
                    builder.bind(item.hearing.caseNumber.text), builder.bind(at), builder.bind(actor.name),
                    builder.bind(source), builder.bind(item.payload),
                ]
                return "(" + values.joined(separator: ", ") + ")"
            }
            builder.sql = """
                INSERT INTO hearing_version (hearing_id, version, case_number, imported_at, imported_by, source, payload)
                VALUES \(rows.joined(separator: ", "))
                """
            try await connection.query(builder.query, logger: logger)
        }
        for chunk in audit.chunks(of: 1_000) {
            var builder = SQLBuilder()
            let rows = chunk.map { entry -> String in
                let values = [
                    builder.bind(at), builder.bind(actor.name), builder.bind(actor.channel), builder.bind(entry.action),
                    builder.bind(entry.entity), builder.bind(entry.entityId), builder.bind(entry.detail),
                ]
                return "(" + values.joined(separator: ", ") + ")"
            }
            builder.sql = """
                INSERT INTO audit_event (at, actor, channel, action, entity, entity_id, detail)
                VALUES \(rows.joined(separator: ", "))
                """
            try await connection.query(builder.query, logger: logger)
        }
        return summary
    }

    /// The stored cases among `keys` with their current version and payload. The cases are locked
    /// first, in id order (two imports never wait for each other crosswise), and read after: a case
    /// another import changed meanwhile is read as it now stands.
    private func current(_ keys: [String], on connection: PostgresConnection) async throws -> [String: Stored] {
        var found: [String: Stored] = [:]
        for chunk in keys.sorted().chunks(of: 5_000) {
            try await connection.query(
                "SELECT id FROM hearing WHERE case_key = ANY(\(Array(chunk))) ORDER BY id FOR UPDATE",
                logger: logger)
            let rows = try await connection.query(
                """
                SELECT h.case_key, h.id, h.current_version, v.payload
                FROM hearing h JOIN hearing_version v ON v.hearing_id = h.id AND v.version = h.current_version
                WHERE h.case_key = ANY(\(Array(chunk)))
                """, logger: logger)
            for try await (key, id, version, payload) in rows.decode((String, Int64, Int, String).self) {
                found[key] = Stored(id: id, version: version, payload: payload)
            }
        }
        return found
    }

    /// The `hearing` columns that mirror the current version, for lists that filter and sort.
    static let columns = [
        "case_number", "sent", "deadline", "district", "application_type", "permit_type", "applicant_name",
        "organisation_number", "venue_name", "street", "postal_code", "post_town", "latitude", "longitude",
    ]

    static func columnValues(_ h: Hearing, _ builder: inout SQLBuilder) -> [String] {
        let point = h.venue.position?.geographic
        return [
            builder.bind(h.caseNumber.text), builder.bind(h.sent.iso) + "::date",
            builder.bind(h.deadline.iso) + "::date", builder.bind(h.district),
            builder.bind(h.applicationType.rawValue), builder.bind(h.permitType.rawValue),
            builder.bind(h.applicant.name), builder.bind(h.applicant.organisationNumber.digits),
            builder.bind(h.venue.name), builder.bind(h.venue.address.street), builder.bind(h.venue.address.postalCode),
            builder.bind(h.venue.address.postTown), builder.bind(point?.latitude) + "::double precision",
            builder.bind(point?.longitude) + "::double precision",
        ]
    }

    static let caseSelect = """
        SELECT h.status, h.current_version, h.created_at, h.updated_at, v.payload
        FROM hearing h JOIN hearing_version v ON v.hearing_id = h.id AND v.version = h.current_version
        """

    static func storedCases(_ rows: PostgresRowSequence) async throws -> [StoredCase] {
        var cases: [StoredCase] = []
        for try await (status, version, created, updated, payload) in rows.decode(
            (String, Int, Date, Date, String).self)
        {
            guard let status = CaseStatus(rawValue: status) else {
                throw StoreError.damaged("ukjent status «\(status)» i databasen")
            }
            cases.append(
                StoredCase(
                    hearing: try HearingPayload.decode(payload), status: status, version: version,
                    createdAt: created, updatedAt: updated))
        }
        return cases
    }

    public func cases(status: Set<CaseStatus>?) async throws -> [StoredCase] {
        var builder = SQLBuilder()
        var sql = Self.caseSelect
        if let status { sql += " WHERE h.status = ANY(\(builder.bind(status.map(\.rawValue).sorted())))" }
        builder.sql = sql + " ORDER BY h.deadline, h.case_key COLLATE \"C\""
        return try await read { connection in
            try await Self.storedCases(try await connection.query(builder.query, logger: self.logger))
        }
    }

    public func caseList(_ query: CaseListQuery) async throws -> CaseList {
        var builder = SQLBuilder()
        var conditions = SQLConditions()
        if let statuses = query.statuses {
            conditions.add("status = ANY(\(builder.bind(statuses.map(\.rawValue).sorted())))")
        }
        conditions.anyContains(["venue_name", "applicant_name", "case_number", "street"], query.text, &builder)
        if let district = query.district { conditions.add("district = \(builder.bind(district))") }
        // The statement's stage and officer: the review row and the latest draft's author.
        let officer =
            "(SELECT d.author FROM statement_draft d WHERE d.case_key = h.case_key ORDER BY d.version DESC LIMIT 1)"
        let stage = StageSQL.expression(
            hasDraft: "EXISTS (SELECT 1 FROM statement_draft d WHERE d.case_key = h.case_key)", state: "r.state",
            comment: "r.comment")
        if let stages = query.stages {
            conditions.add("(\(stage)) = ANY(\(builder.bind(stages.map(\.rawValue).sorted())))")
        }
        if let name = query.officer {
            // As SQLite's NOCASE: ASCII letters only.
            conditions.add("lower(\(officer) COLLATE \"C\") = lower(\(builder.bind(name))::text COLLATE \"C\")")
        }
        let today = builder.bind(query.today.iso)
        let limit = builder.bind(query.limit)
        let offset = builder.bind(query.offset)
        builder.sql = """
            WITH matching AS (
                SELECT h.*, \(stage) AS stage, \(officer) AS officer,
                    CASE WHEN h.risk_version = h.current_version THEN h.risk_level END AS risk
                FROM hearing h LEFT JOIN statement_review r ON r.case_key = h.case_key\(conditions.clause)),
            counts AS (
                SELECT count(*) AS total,
                    count(*) FILTER (WHERE status = 'open' AND deadline < \(today)::date) AS overdue
                FROM matching)
            SELECT counts.total, counts.overdue, page.case_number, page.status, page.deadline::text,
                page.application_type, page.permit_type, page.applicant_name, page.venue_name, page.street,
                page.postal_code, page.post_town, page.stage, page.officer, page.risk
            FROM counts LEFT JOIN LATERAL (
                SELECT * FROM matching ORDER BY deadline, case_key COLLATE "C" LIMIT \(limit)::integer OFFSET \(offset)::integer
            ) AS page ON true
            """
        return try await read { connection in
            var total = 0
            var overdue = 0
            var cases: [CaseSummary] = []
            let rows = try await connection.query(builder.query, logger: self.logger)
            for try await row in rows {
                let (count, late, number, status, deadline, application, permit, applicant, venue, street, postal, town) =
                    try row.decode(
                        (Int, Int, String?, String?, String?, String?, String?, String?, String?, String?, String?,
                            String?).self)
                let cells = row.makeRandomAccess()
                let stage = try cells["stage"].decode(String?.self)
                let officer = try cells["officer"].decode(String?.self)
                let risk = try cells["risk"].decode(String?.self)
                total = count
                overdue = late
                guard let number else { continue }
                guard let caseNumber = try? CaseNumber(number), let deadline = try Self.day(deadline, "frist"),
                    let status = status.flatMap(CaseStatus.init(rawValue:)),
                    let application = application.flatMap(ApplicationType.init(rawValue:)),
                    let permit = permit.flatMap(PermitType.init(rawValue:))
                else { throw StoreError.damaged("ugyldig sak «\(number)» i databasen") }
                cases.append(
                    CaseSummary(
                        caseNumber: caseNumber, status: status, deadline: deadline, applicationType: application,
                        permitType: permit, applicantName: applicant ?? "", venueName: venue ?? "",
                        address: Address(street: street ?? "", postalCode: postal ?? "", postTown: town ?? ""),
                        stage: stage.flatMap(StatementStage.init(rawValue:)) ?? .none, officer: officer,
                        riskLevel: risk.flatMap(RiskLevel.init(rawValue:))))
            }
            return CaseList(cases: cases, total: total, overdue: overdue)
        }
    }

    public func recordRiskLevels(_ levels: [RiskRecord]) async throws {
        guard !levels.isEmpty else { return }
        try await write { connection in
            for record in levels {
                let level = record.level.rawValue
                try await connection.query(
                    """
                    UPDATE hearing SET risk_level = \(level), risk_version = \(record.hearingVersion)
                    WHERE case_key = \(record.caseNumber.key) AND current_version = \(record.hearingVersion)
                        AND (risk_level IS DISTINCT FROM \(level) OR risk_version IS DISTINCT FROM \(record.hearingVersion))
                    """, logger: self.logger)
            }
        }
    }

    public func storedCase(_ number: CaseNumber) async throws -> StoredCase? {
        try await read { connection in
            try await Self.storedCases(
                try await connection.query(
                    "\(unescaped: Self.caseSelect) WHERE h.case_key = \(number.key)",
                    logger: self.logger)
            ).first
        }
    }

    public func versions(of number: CaseNumber) async throws -> [CaseVersion] {
        try await read { connection in
            let rows = try await connection.query(
                """
                SELECT v.version, v.imported_at, v.imported_by, v.source, v.payload
                FROM hearing_version v JOIN hearing h ON h.id = v.hearing_id
                WHERE h.case_key = \(number.key) ORDER BY v.version
                """, logger: self.logger)
            var versions: [CaseVersion] = []
            for try await (version, at, by, source, payload) in rows.decode((Int, Date, String, String, String).self) {
                versions.append(
                    CaseVersion(
                        version: version, importedAt: at, importedBy: by, source: source,
                        hearing: try HearingPayload.decode(payload)))
            }
            return versions
        }
    }

    public func searchAudit(_ search: AuditSearch) async throws -> [AuditEvent] {
        var builder = SQLBuilder()
        var conditions = SQLConditions()
        conditions.anyContains(["actor"], search.who, &builder)
        conditions.anyContains(["action", "entity", "entity_id", "detail"], search.what, &builder)
        if let from = search.from { conditions.add("at >= \(builder.bind(from))") }
        if let until = search.until { conditions.add("at < \(builder.bind(until))") }
        if let actors = search.actors { conditions.add("actor = ANY(\(builder.bind(actors.sorted())))") }
        builder.sql =
            "SELECT \(Self.auditColumns) FROM audit_event\(conditions.clause) ORDER BY id DESC LIMIT "
            + builder.bind(search.limit)
        return try await read { connection in
            try await Self.auditEvents(try await connection.query(builder.query, logger: self.logger))
        }
    }

    public func auditTrail(for number: CaseNumber?, limit: Int) async throws -> [AuditEvent] {
        var builder = SQLBuilder()
        var conditions = SQLConditions()
        if let number {
            conditions.add("entity = 'hearing' AND entity_id = \(builder.bind(number.key))")
        }
        builder.sql =
            "SELECT \(Self.auditColumns) FROM audit_event\(conditions.clause) ORDER BY id DESC LIMIT "
            + builder.bind(limit)
        return try await read { connection in
            try await Self.auditEvents(try await connection.query(builder.query, logger: self.logger))
        }
    }
}

extension Array {
    /// The array in consecutive slices of at most `size`.
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
