import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

// Meetings: the rules are `MeetingRules` (Core) and `StoreRules`; the review steps a decision makes
// are the statements' own (`reviewStep`), in the same transaction.
extension SQLiteStore {
    public func addMeeting(body: String, date: LocalDate, district: String?, actor: Actor) async throws -> Meeting {
        let body = try MeetingRules.checkedBody(body)
        let district = try StoreRules.checkedDistrict(district)
        let now = now()
        return try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO meeting (district, body, date, createdAt, createdBy) VALUES (?, ?, ?, ?, ?)",
                arguments: [district, body, date.iso, Timestamp.format(now), actor.name])
            let meeting = Meeting(
                id: db.lastInsertedRowID, body: body, date: date, district: district, items: [], createdAt: now,
                createdBy: actor.name)
            try AuditRecord.record(.meetingCreated(meeting), by: actor, at: now, db)
            return meeting
        }
    }

    public func meetings(district: String?, from: LocalDate?) async throws -> [Meeting] {
        try await writer.read { db in
            try Self.meetings(
                where: "(? IS NULL OR district = ?) AND (? IS NULL OR date >= ?)",
                [district, district, from?.iso, from?.iso], db)
        }
    }

    public func meeting(id: Int64) async throws -> Meeting? {
        try await writer.read { db in try Self.meeting(id: id, db) }
    }

    public func pendingMeeting(of number: CaseNumber) async throws -> (meeting: Meeting, item: MeetingItem)? {
        try await writer.read { db in try Self.pendingMeeting(of: number.key, db) }
    }

    public func addMeetingItem(meeting id: Int64, case number: CaseNumber, actor: Actor) async throws -> MeetingItem {
        let now = now()
        return try await writer.write { db in
            guard let meeting = try Self.meeting(id: id, db) else { throw MeetingProblem.meetingNotFound(id) }
            let key = number.key
            guard let district = try String.fetchOne(
                db, sql: "SELECT district FROM hearing WHERE caseKey = ?", arguments: [key])
            else { throw MeetingProblem.caseNotFound(number.text) }
            if let (other, item) = try Self.pendingMeeting(of: key, db) {
                throw MeetingProblem.alreadyOnMeeting(caseNumber: number.text, meeting: other.label, item: item.number)
            }
            try MeetingRules.checkItem(
                number, district: district, review: try Self.review(db, key).state,
                route: try Self.drafts(of: number, db).last?.route, on: meeting)
            let numbering = Self.numbering(meeting)
            let sequence =
                (try Int.fetchOne(
                    db, sql: "SELECT MAX(sequence) FROM meetingItem WHERE numbering = ? AND year = ?",
                    arguments: [numbering, meeting.date.year]) ?? 0) + 1
            let item = MeetingItem(
                number: MeetingItem.number(sequence: sequence, year: meeting.date.year), caseNumber: number)
            try db.execute(
                sql: """
                    INSERT INTO meetingItem (meetingId, number, numbering, year, sequence, caseKey)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [id, item.number, numbering, meeting.date.year, sequence, key])
            try AuditRecord.record(.meetingItemAdded(meeting, item), by: actor, at: now, db)
            return item
        }
    }

    public func recordMeeting(_ records: [MeetingRecord], meeting id: Int64, actor: Actor) async throws -> Meeting {
        let now = now()
        return try await writer.write { db in
            guard let meeting = try Self.meeting(id: id, db) else { throw MeetingProblem.meetingNotFound(id) }
            for (item, record) in try MeetingRules.checkRecords(records, on: meeting) {
                let key = item.caseNumber.key
                var current = try Self.drafts(of: item.caseNumber, db).last
                switch record.outcome {
                case .adopted:
                    _ = try Self.reviewStep(
                        .approve(meeting.decision(item)), key: key, draft: current, actor: actor, now: now, db)
                case .amended:
                    if let draft = current {
                        let amended = StoreRules.amendedDraft(draft, text: record.text ?? "", meeting: meeting, now: now)
                        current = try Self.insertDraft(amended, db)
                        try AuditRecord.record(
                            .statementDraft(key, version: current?.version ?? 0, amended, reopened: nil), by: actor,
                            at: now, db)
                    }
                    _ = try Self.reviewStep(
                        .approve(meeting.decision(item)), key: key, draft: current, actor: actor, now: now, db)
                case .returned:
                    _ = try Self.reviewStep(
                        .returnToDraft(comment: MeetingRules.returnComment(meeting, item, reason: record.text ?? "")),
                        key: key, draft: current, actor: actor, now: now, db)
                }
                try db.execute(
                    sql: """
                        UPDATE meetingItem SET outcome = ?, note = ?, recordedAt = ?, recordedBy = ?
                        WHERE meetingId = ? AND number = ?
                        """,
                    arguments: [
                        record.outcome.rawValue, record.outcome == .adopted ? nil : record.text,
                        Timestamp.format(now), actor.name, id, item.number,
                    ])
                try AuditRecord.record(.meetingRecorded(meeting, item, record.outcome), by: actor, at: now, db)
            }
            guard let recorded = try Self.meeting(id: id, db) else { throw MeetingProblem.meetingNotFound(id) }
            return recorded
        }
    }

    /// What a meeting's items are numbered in: the district and the body.
    static func numbering(_ meeting: Meeting) -> String {
        (meeting.district ?? "") + "\u{1F}" + meeting.body.lowercased()
    }

    static func meeting(id: Int64, _ db: Database) throws -> Meeting? {
        try meetings(where: "id = ?", [id], db).first
    }

    /// The meetings matching `condition`, soonest first, with their items: two queries, however many.
    static func meetings(
        where condition: String, _ arguments: [(any DatabaseValueConvertible)?], _ db: Database
    ) throws -> [Meeting] {
        let values = StatementArguments(arguments)
        var items: [Int64: [MeetingItem]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT i.meetingId, i.number, i.outcome, i.note, i.recordedAt, i.recordedBy, h.caseNumber
                FROM meetingItem i JOIN hearing h ON h.caseKey = i.caseKey
                WHERE i.meetingId IN (SELECT id FROM meeting WHERE \(condition)) ORDER BY i.meetingId, i.sequence
                """, arguments: values)
        {
            let id: Int64 = row["meetingId"]
            let text: String = row["caseNumber"]
            let outcome: String? = row["outcome"]
            guard let number = try? CaseNumber(text) else {
                throw StoreError.damaged("ugyldig saksnummer «\(text)» på møte \(id) i databasen")
            }
            let recordedAt: String? = row["recordedAt"]
            items[id, default: []].append(
                MeetingItem(
                    number: row["number"], caseNumber: number,
                    outcome: outcome.flatMap(MeetingOutcome.init(rawValue:)), note: row["note"],
                    recordedAt: try recordedAt.map(Timestamp.parse), recordedBy: row["recordedBy"]))
        }
        return try Row.fetchAll(
            db, sql: "SELECT * FROM meeting WHERE \(condition) ORDER BY date, id", arguments: values
        ).map { row in
            let id: Int64 = row["id"]
            guard let date = try? LocalDate(iso: row["date"]) else {
                throw StoreError.damaged("ugyldig møtedato i databasen (møte \(id))")
            }
            return Meeting(
                id: id, body: row["body"], date: date, district: row["district"], items: items[id] ?? [],
                createdAt: try Timestamp.parse(row["createdAt"]), createdBy: row["createdBy"])
        }
    }

    static func pendingMeeting(of key: String, _ db: Database) throws -> (meeting: Meeting, item: MeetingItem)? {
        guard
            let id = try Int64.fetchOne(
                db, sql: "SELECT meetingId FROM meetingItem WHERE caseKey = ? AND outcome IS NULL", arguments: [key]),
            let meeting = try meeting(id: id, db),
            let item = meeting.items.first(where: { $0.caseNumber.key == key && $0.outcome == nil })
        else { return nil }
        return (meeting, item)
    }
}

extension SQLiteStore {
    public func addCaseLetter(_ letter: CaseLetter, actor: Actor) async throws -> CaseLetter {
        let now = now()
        return try await writer.write { db in
            let key = letter.caseNumber.key
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM hearing WHERE caseKey = ?", arguments: [key]) == true else {
                throw StatementStoreError.caseNotFound(letter.caseNumber.text)
            }
            var stored = letter
            stored.number =
                (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM caseLetter WHERE caseKey = ?", arguments: [key])
                    ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO caseLetter (caseKey, number, kind, markdown, requestedDeadline, createdAt, createdBy)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key, stored.number, stored.kind.rawValue, stored.markdown, stored.requestedDeadline?.iso,
                    Timestamp.format(stored.createdAt), stored.createdBy,
                ])
            try AuditRecord.record(.caseLetter(stored), by: actor, at: now, db)
            return stored
        }
    }

    public func caseLetters(of number: CaseNumber) async throws -> [CaseLetter] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM caseLetter WHERE caseKey = ? ORDER BY number", arguments: [number.key]
            ).map { row in
                let deadline: String? = row["requestedDeadline"]
                guard let kind = CaseLetter.Kind(rawValue: row["kind"]) else {
                    throw StoreError.damaged("ugyldig brev i databasen (sak \(number.text))")
                }
                return CaseLetter(
                    caseNumber: number, number: row["number"], kind: kind, markdown: row["markdown"],
                    requestedDeadline: try deadline.map { try LocalDate(iso: $0) },
                    createdAt: try Timestamp.parse(row["createdAt"]), createdBy: row["createdBy"])
            }
        }
    }
}

extension SQLiteStore {
    public func recordAgencyDecisions(_ decisions: [AgencyDecision], actor: Actor) async throws {
        let now = now()
        try await writer.write { db in
            for decision in decisions {
                let key = decision.caseNumber.key
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM hearing WHERE caseKey = ?", arguments: [key]) == true
                else { throw StatementStoreError.caseNotFound(decision.caseNumber.text) }
                let conditions = String(decoding: try JSONEncoder().encode(decision.conditions), as: UTF8.self)
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO agencyDecision (caseKey, outcome, date, conditions, recordedAt, recordedBy)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        key, decision.outcome.rawValue, decision.date.iso, conditions,
                        Timestamp.format(decision.recordedAt), decision.recordedBy,
                    ])
                try AuditRecord.record(.agencyDecision(decision), by: actor, at: now, db)
            }
        }
    }

    public func agencyDecision(of number: CaseNumber) async throws -> AgencyDecision? {
        try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT d.*, h.caseNumber FROM agencyDecision d JOIN hearing h ON h.caseKey = d.caseKey
                    WHERE d.caseKey = ?
                    """, arguments: [number.key]
            ).map(Self.agencyDecision)
        }
    }

    public func agencyDecisions(district: String?) async throws -> [AgencyDecision] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.*, h.caseNumber FROM agencyDecision d JOIN hearing h ON h.caseKey = d.caseKey
                    WHERE ? IS NULL OR h.district = ? ORDER BY d.date, d.caseKey
                    """, arguments: [district, district]
            ).map(Self.agencyDecision)
        }
    }

    private static func agencyDecision(_ row: Row) throws -> AgencyDecision {
        let text: String = row["caseNumber"]
        guard let number = try? CaseNumber(text), let outcome = AgencyDecision.Outcome(rawValue: row["outcome"]),
            let conditions = try? JSONDecoder().decode([String].self, from: Data((row["conditions"] as String).utf8))
        else { throw StoreError.damaged("ugyldig vedtak fra Næringsetaten i databasen («\(text)»)") }
        return AgencyDecision(
            caseNumber: number, outcome: outcome, date: try LocalDate(iso: row["date"]), conditions: conditions,
            recordedAt: try Timestamp.parse(row["recordedAt"]), recordedBy: row["recordedBy"])
    }
}
