import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

extension SQLiteStore {
    public func storeHearings(
        _ hearings: [Hearing], source: String, actor: Actor,
        progress: StoreProgress?
    ) async throws -> HearingStoreSummary {
        let timestamp = Timestamp.format(now())
        return try await writer.write { db in
            // Payloads are encoded and rules checked on another thread, a chunk ahead of the inserts.
            let prepared = PreparedHearings(hearings)
            var summary = HearingStoreSummary()
            let statements = try HearingStatements(db)
            // One query for which cases exist already, instead of one per hearing.
            var existing = try Self.existingCases(db, keys: hearings.map(\.caseNumber.key))
            for (index, hearing) in hearings.enumerated() {
                let (payload, violations) = prepared[index]
                // The store keeps the format's invariants whoever calls it; throwing here rolls
                // back everything this batch wrote.
                try StoreRules.checkHearing(hearing, violations: violations)
                let key = hearing.caseNumber.key
                if let id = existing[key], let current = try Row.fetchOne(statements.current, arguments: [id]) {
                    let previousPayload: String = current["payload"]
                    guard previousPayload != payload else {
                        summary.unchanged.append(hearing.caseNumber)
                        continue
                    }
                    let version: Int = current["currentVersion"] + 1
                    try statements.update.run(
                        HearingColumns.values(hearing)
                            + [.integer(Int64(version)), .text(timestamp), .integer(id)])
                    try statements.insertVersion.run([
                        .integer(id), .integer(Int64(version)), .text(hearing.caseNumber.text),
                        .text(timestamp), .text(actor.name), .text(source), .text(payload),
                    ])
                    let changes = HearingChanges.fields(from: try HearingPayload.decode(previousPayload), to: hearing)
                    try statements.audit(
                        .hearingUpdated(key, version: version, source: source, changes: changes), actor, timestamp)
                    summary.updated.append(hearing.caseNumber)
                } else {
                    try statements.insert.run(
                        HearingColumns.values(hearing) + [.text(key), .text(timestamp), .text(timestamp)])
                    let id = db.lastInsertedRowID
                    existing[key] = id
                    try statements.insertVersion.run([
                        .integer(id), .integer(1), .text(hearing.caseNumber.text),
                        .text(timestamp), .text(actor.name), .text(source), .text(payload),
                    ])
                    try statements.audit(.hearingCreated(key, source: source), actor, timestamp)
                    summary.created.append(hearing.caseNumber)
                }
                if let progress, (index + 1) % 1_000 == 0 || index + 1 == hearings.count {
                    progress(index + 1, hearings.count)
                }
            }
            return summary
        }
    }

    /// The ids of the stored cases among `keys`, by key.
    private static func existingCases(_ db: Database, keys: [String]) throws -> [String: Int64] {
        var found: [String: Int64] = [:]
        let chunkSize = 500
        for start in stride(from: 0, to: keys.count, by: chunkSize) {
            let chunk = Array(keys[start..<min(start + chunkSize, keys.count)])
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT caseKey, id FROM hearing WHERE caseKey IN (\(databaseQuestionMarks(count: chunk.count)))
                    """, arguments: StatementArguments(chunk))
            while let row = try rows.next() { found[row[0]] = row[1] }
        }
        return found
    }

    public func cases(status: Set<CaseStatus>?) async throws -> [StoredCase] {
        try await writer.read { db in
            var sql = CaseRow.select
            var arguments = StatementArguments()
            if let status {
                sql += " WHERE h.status IN (\(databaseQuestionMarks(count: status.count)))"
                arguments = StatementArguments(status.map(\.rawValue).sorted())
            }
            sql += " ORDER BY h.deadline, h.caseKey"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(CaseRow.storedCase)
        }
    }

    public func caseList(_ query: CaseListQuery) async throws -> CaseList {
        var conditions = SQLConditions()
        if let statuses = query.statuses {
            conditions.add(
                "status IN (\(databaseQuestionMarks(count: statuses.count)))", statuses.map(\.rawValue).sorted())
        }
        conditions.anyContains(["venueName", "applicantName", "caseNumber", "street"], query.text)
        if let district = query.district { conditions.add("district = ?", [district]) }
        // The statement's stage and officer: the review row and the latest draft's author.
        let officer = "(SELECT d.author FROM statementDraft d WHERE d.caseKey = h.caseKey ORDER BY d.version DESC LIMIT 1)"
        let stage = StageSQL.expression(
            hasDraft: "EXISTS (SELECT 1 FROM statementDraft d WHERE d.caseKey = h.caseKey)", state: "r.state",
            comment: "r.comment")
        if let stages = query.stages {
            conditions.add("(\(stage)) IN (\(databaseQuestionMarks(count: stages.count)))", stages.map(\.rawValue).sorted())
        }
        if let name = query.officer { conditions.add("\(officer) = ? COLLATE NOCASE", [name]) }
        let (filter, values) = (conditions.clause, conditions.values)
        let from = "hearing h LEFT JOIN statementReview r ON r.caseKey = h.caseKey"
        return try await writer.read { [values] db in
            let arguments = StatementArguments(values)
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS total, COALESCE(SUM(status = 'open' AND deadline < ?), 0) AS overdue
                    FROM \(from)\(filter)
                    """, arguments: [query.today.iso] + arguments)
            let cases = try Row.fetchAll(
                db,
                sql: """
                    SELECT caseNumber, status, deadline, applicationType, permitType, applicantName, venueName, street,
                        postalCode, postTown, \(stage) AS stage, \(officer) AS officer,
                        CASE WHEN riskVersion = currentVersion THEN riskLevel END AS riskLevel
                    FROM \(from)\(filter) ORDER BY deadline, h.caseKey LIMIT ? OFFSET ?
                    """, arguments: arguments + [query.limit, query.offset]
            ).map(CaseSummaryRow.summary)
            return CaseList(cases: cases, total: counts?["total"] ?? 0, overdue: counts?["overdue"] ?? 0)
        }
    }

    public func recordRiskLevels(_ levels: [RiskRecord]) async throws {
        guard !levels.isEmpty else { return }
        try await writer.write { db in
            for record in levels {
                try db.execute(
                    sql: """
                        UPDATE hearing SET riskLevel = ?, riskVersion = ?
                        WHERE caseKey = ? AND currentVersion = ?
                            AND (riskLevel IS NOT ? OR riskVersion IS NOT ?)
                        """,
                    arguments: [
                        record.level.rawValue, record.hearingVersion, record.caseNumber.key, record.hearingVersion,
                        record.level.rawValue, record.hearingVersion,
                    ])
            }
        }
    }

    public func storedCase(_ number: CaseNumber) async throws -> StoredCase? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: CaseRow.select + " WHERE h.caseKey = ?", arguments: [number.key])
                .map(CaseRow.storedCase)
        }
    }

    public func versions(of number: CaseNumber) async throws -> [CaseVersion] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.version, v.importedAt, v.importedBy, v.source, v.payload
                    FROM hearingVersion v JOIN hearing h ON h.id = v.hearingId
                    WHERE h.caseKey = ? ORDER BY v.version
                    """, arguments: [number.key]
            )
            .map { row in
                CaseVersion(
                    version: row["version"], importedAt: try Timestamp.parse(row["importedAt"]),
                    importedBy: row["importedBy"], source: row["source"],
                    hearing: try HearingPayload.decode(row["payload"]))
            }
        }
    }

    public func searchAudit(_ search: AuditSearch) async throws -> [AuditEvent] {
        var conditions = SQLConditions()
        conditions.anyContains(["actor"], search.who)
        conditions.anyContains(["action", "entity", "entityId", "detail"], search.what)
        // Timestamps are stored as ISO 8601 in UTC with milliseconds, so text order is time order.
        if let from = search.from { conditions.add("at >= ?", [Timestamp.format(from)]) }
        if let until = search.until { conditions.add("at < ?", [Timestamp.format(until)]) }
        if let actors = search.actors {
            let names = actors.sorted()
            conditions.add(
                names.isEmpty ? "0" : "actor IN (" + names.map { _ in "?" }.joined(separator: ", ") + ")", names)
        }
        let (filter, values) = (conditions.clause, conditions.values)
        let limit = search.limit
        return try await writer.read { [values] db in
            try AuditRecord.fetchAll(
                db, sql: "SELECT * FROM auditEvent\(filter) ORDER BY id DESC LIMIT ?",
                arguments: StatementArguments(values) + [limit]
            ).map { try $0.event() }
        }
    }

    public func auditTrail(for number: CaseNumber?, limit: Int) async throws -> [AuditEvent] {
        try await writer.read { db in
            var request = AuditRecord.all()
            if let number {
                request = request.filter(
                    AuditRecord.Columns.entity == "hearing" && AuditRecord.Columns.entityId == number.key)
            }
            return try request.order(AuditRecord.Columns.id.desc).limit(limit).fetchAll(db).map { try $0.event() }
        }
    }
}

/// The prepared statements of one import transaction, compiled once per batch.
private struct HearingStatements {
    let current: Statement
    let insert: BulkStatement
    let update: BulkStatement
    let insertVersion: BulkStatement
    let insertAudit: BulkStatement

    init(_ db: Database) throws {
        current = try db.cachedStatement(
            sql: """
                SELECT h.id, h.currentVersion, v.payload
                FROM hearing h JOIN hearingVersion v ON v.hearingId = h.id AND v.version = h.currentVersion
                WHERE h.id = ?
                """)
        let columns = HearingColumns.names
        insert = try BulkStatement(
            db,
            sql: """
                INSERT INTO hearing (\(columns.joined(separator: ", ")), caseKey, currentVersion, createdAt, updatedAt)
                VALUES (\(databaseQuestionMarks(count: columns.count + 1)), 1, ?, ?)
                """)
        update = try BulkStatement(
            db,
            sql: """
                UPDATE hearing SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")), currentVersion = ?, updatedAt = ?
                WHERE id = ?
                """)
        insertVersion = try BulkStatement(
            db,
            sql: """
                INSERT INTO hearingVersion (hearingId, version, caseNumber, importedAt, importedBy, source, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        insertAudit = try BulkStatement(
            db,
            sql: """
                INSERT INTO auditEvent (at, actor, channel, action, entity, entityId, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
    }

    /// Writes `entry` through the prepared statement (the import's hot path).
    func audit(_ entry: AuditEntry, _ actor: Actor, _ timestamp: String) throws {
        try insertAudit.run([
            .text(timestamp), .text(actor.name), .text(actor.channel), .text(entry.action), .text(entry.entity),
            .text(entry.entityId), .text(entry.detail),
        ])
    }
}

/// The `hearing` columns that mirror the current version, for lists that filter and sort.
private enum HearingColumns {
    static let names = [
        "caseNumber", "sent", "deadline", "district", "applicationType", "permitType", "applicantName",
        "organisationNumber", "venueName", "street", "postalCode", "postTown", "latitude", "longitude",
    ]

    static func values(_ h: Hearing) -> [SQLValue] {
        let point = h.venue.position?.geographic
        return [
            .text(h.caseNumber.text), .text(h.sent.iso), .text(h.deadline.iso), .text(h.district),
            .text(h.applicationType.rawValue), .text(h.permitType.rawValue), .text(h.applicant.name),
            .text(h.applicant.organisationNumber.digits), .text(h.venue.name), .text(h.venue.address.street),
            .text(h.venue.address.postalCode), .text(h.venue.address.postTown), .real(point?.latitude),
            .real(point?.longitude),
        ]
    }
}

/// Reading a case: the `hearing` row with its current version's payload.
private enum CaseRow {
    static let select = """
        SELECT h.status, h.currentVersion, h.createdAt, h.updatedAt, v.payload
        FROM hearing h JOIN hearingVersion v ON v.hearingId = h.id AND v.version = h.currentVersion
        """

    static func storedCase(_ row: Row) throws -> StoredCase {
        let statusText: String = row["status"]
        guard let status = CaseStatus(rawValue: statusText) else {
            throw StoreError.damaged("ukjent status «\(statusText)» i databasen")
        }
        return StoredCase(
            hearing: try HearingPayload.decode(row["payload"]), status: status,
            version: row["currentVersion"], createdAt: try Timestamp.parse(row["createdAt"]),
            updatedAt: try Timestamp.parse(row["updatedAt"]))
    }
}

/// Reading a line of a list of cases from the `hearing` row alone.
private enum CaseSummaryRow {
    static func summary(_ row: Row) throws -> CaseSummary {
        let status: String = row["status"]
        let application: String = row["applicationType"]
        let permit: String = row["permitType"]
        guard let caseStatus = CaseStatus(rawValue: status),
            let applicationType = ApplicationType(rawValue: application),
            let permitType = PermitType(rawValue: permit)
        else {
            throw StoreError.damaged("ukjent status eller søknadstype («\(status)», «\(application)», «\(permit)») i databasen")
        }
        let caseNumber: CaseNumber
        let deadline: LocalDate
        do {
            caseNumber = try CaseNumber(row["caseNumber"] as String)
            deadline = try LocalDate(iso: row["deadline"] as String)
        } catch {
            throw StoreError.damaged("ugyldig saksnummer eller frist i databasen")
        }
        return CaseSummary(
            caseNumber: caseNumber, status: caseStatus, deadline: deadline, applicationType: applicationType,
            permitType: permitType, applicantName: row["applicantName"], venueName: row["venueName"],
            address: Address(street: row["street"], postalCode: row["postalCode"], postTown: row["postTown"]),
            stage: StatementStage(rawValue: row["stage"]) ?? .none, officer: row["officer"],
            riskLevel: (row["riskLevel"] as String?).flatMap(RiskLevel.init(rawValue:)))
    }
}

/// The conditions of a list query, built up with their values.
private struct SQLConditions {
    private(set) var conditions: [String] = []
    private(set) var values: [String] = []

    /// ` WHERE a AND b`, or nothing without conditions.
    var clause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }

    mutating func add(_ condition: String, _ values: [String]) {
        conditions.append(condition)
        self.values += values
    }

    /// Any of `columns` contains `text` ignoring case (`skjenkContains`); nothing when `text` is blank.
    mutating func anyContains(_ columns: [String], _ text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return }
        add(
            "(" + columns.map { "skjenkContains(\($0), ?)" }.joined(separator: " OR ") + ")",
            Array(repeating: text, count: columns.count))
    }
}
