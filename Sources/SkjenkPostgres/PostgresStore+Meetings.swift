import Foundation
import PostgresNIO
import SkjenkCore
import SkjenkStore

// Meetings, as `SQLiteStore+Meetings.swift`: the case row is locked while its item is added or its
// decision recorded, and numbering takes an advisory lock so that two items never share a number.
extension PostgresStore {
    public func addMeeting(body: String, date: LocalDate, district: String?, actor: Actor) async throws -> Meeting {
        let body = try MeetingRules.checkedBody(body)
        let district = try StoreRules.checkedDistrict(district)
        let at = now()
        return try await write { connection in
            var id: Int64 = 0
            for try await value in try await connection.query(
                """
                INSERT INTO meeting (district, body, date, created_at, created_by)
                VALUES (\(district), \(body), \(date.iso)::date, \(at), \(actor.name)) RETURNING id
                """, logger: self.logger
            ).decode(Int64.self) {
                id = value
            }
            let meeting = Meeting(
                id: id, body: body, date: date, district: district, items: [], createdAt: at, createdBy: actor.name)
            try await self.record(.meetingCreated(meeting), by: actor, at: at, on: connection)
            return meeting
        }
    }

    public func meetings(district: String?, from: LocalDate?) async throws -> [Meeting] {
        try await read { connection in
            var ids: [Int64] = []
            for try await id in try await connection.query(
                """
                SELECT id FROM meeting
                WHERE (\(district)::text IS NULL OR district = \(district))
                    AND (\(from?.iso)::date IS NULL OR date >= \(from?.iso)::date)
                ORDER BY date, id
                """, logger: self.logger
            ).decode(Int64.self) {
                ids.append(id)
            }
            return try await self.meetings(ids, on: connection)
        }
    }

    public func meeting(id: Int64) async throws -> Meeting? {
        try await read { connection in try await self.meeting(id: id, on: connection) }
    }

    public func pendingMeeting(of number: CaseNumber) async throws -> (meeting: Meeting, item: MeetingItem)? {
        try await read { connection in try await self.pendingMeeting(of: number.key, on: connection) }
    }

    public func addMeetingItem(meeting id: Int64, case number: CaseNumber, actor: Actor) async throws -> MeetingItem {
        let at = now()
        return try await write { connection in
            let key = number.key
            guard try await self.lockCase(key, on: connection) else { throw MeetingProblem.caseNotFound(number.text) }
            guard let meeting = try await self.meeting(id: id, on: connection) else {
                throw MeetingProblem.meetingNotFound(id)
            }
            var district = ""
            for try await value in try await connection.query(
                "SELECT district FROM hearing WHERE case_key = \(key)", logger: self.logger
            ).decode(String.self) {
                district = value
            }
            if let (other, item) = try await self.pendingMeeting(of: key, on: connection) {
                throw MeetingProblem.alreadyOnMeeting(caseNumber: number.text, meeting: other.label, item: item.number)
            }
            try MeetingRules.checkItem(
                number, district: district, review: try await self.review(key, on: connection).state,
                route: try await self.drafts(of: number, on: connection).last?.route, on: meeting)
            // One numbering at a time: the next number is read and taken in the same lock.
            let numbering = Self.numbering(meeting)
            try await connection.query(
                "SELECT pg_advisory_xact_lock(4713, hashtext(\(numbering)))", logger: self.logger)
            var sequence = 1
            for try await latest in try await connection.query(
                """
                SELECT max(sequence) FROM meeting_item WHERE numbering = \(numbering) AND year = \(meeting.date.year)
                """, logger: self.logger
            ).decode(Int?.self) {
                sequence = (latest ?? 0) + 1
            }
            let item = MeetingItem(
                number: MeetingItem.number(sequence: sequence, year: meeting.date.year), caseNumber: number)
            try await connection.query(
                """
                INSERT INTO meeting_item (meeting_id, number, numbering, year, sequence, case_key)
                VALUES (\(id), \(item.number), \(numbering), \(meeting.date.year), \(sequence), \(key))
                """, logger: self.logger)
            try await self.record(.meetingItemAdded(meeting, item), by: actor, at: at, on: connection)
            return item
        }
    }

    public func recordMeeting(_ records: [MeetingRecord], meeting id: Int64, actor: Actor) async throws -> Meeting {
        let at = now()
        return try await write { connection in
            guard let found = try await self.meeting(id: id, on: connection) else {
                throw MeetingProblem.meetingNotFound(id)
            }
            // The cases' rows in a fixed order, then the meeting as it stands under the locks.
            for key in found.items.map(\.caseNumber.key).sorted() { _ = try await self.lockCase(key, on: connection) }
            try await connection.query(
                "SELECT 1 FROM meeting_item WHERE meeting_id = \(id) FOR UPDATE", logger: self.logger)
            guard let meeting = try await self.meeting(id: id, on: connection) else {
                throw MeetingProblem.meetingNotFound(id)
            }
            for (item, record) in try MeetingRules.checkRecords(records, on: meeting) {
                let key = item.caseNumber.key
                let before = try await self.review(key, on: connection)
                var current = try await self.drafts(of: item.caseNumber, on: connection).last
                switch record.outcome {
                case .adopted:
                    _ = try await self.reviewStep(
                        .approve(meeting.decision(item)), key: key, before: before, draft: current, actor: actor,
                        at: at, on: connection)
                case .amended:
                    if let draft = current {
                        let amended = StoreRules.amendedDraft(draft, text: record.text ?? "", meeting: meeting, now: at)
                        current = try await self.insertDraft(amended, on: connection)
                        try await self.record(
                            .statementDraft(key, version: current?.version ?? 0, amended, reopened: nil), by: actor,
                            at: at, on: connection)
                    }
                    _ = try await self.reviewStep(
                        .approve(meeting.decision(item)), key: key, before: before, draft: current, actor: actor,
                        at: at, on: connection)
                case .returned:
                    _ = try await self.reviewStep(
                        .returnToDraft(comment: MeetingRules.returnComment(meeting, item, reason: record.text ?? "")),
                        key: key, before: before, draft: current, actor: actor, at: at, on: connection)
                }
                try await connection.query(
                    """
                    UPDATE meeting_item SET outcome = \(record.outcome.rawValue),
                        note = \(record.outcome == .adopted ? nil : record.text), recorded_at = \(at),
                        recorded_by = \(actor.name)
                    WHERE meeting_id = \(id) AND number = \(item.number)
                    """, logger: self.logger)
                try await self.record(.meetingRecorded(meeting, item, record.outcome), by: actor, at: at, on: connection)
            }
            guard let recorded = try await self.meeting(id: id, on: connection) else {
                throw MeetingProblem.meetingNotFound(id)
            }
            return recorded
        }
    }

    /// What a meeting's items are numbered in: the district and the body.
    static func numbering(_ meeting: Meeting) -> String {
        (meeting.district ?? "") + "\u{1F}" + meeting.body.lowercased()
    }

    func meeting(id: Int64, on connection: PostgresConnection) async throws -> Meeting? {
        try await meetings([id], on: connection).first
    }

    /// The meetings with `ids`, in that order, with their items: two queries, however many.
    func meetings(_ ids: [Int64], on connection: PostgresConnection) async throws -> [Meeting] {
        guard !ids.isEmpty else { return [] }
        var items: [Int64: [MeetingItem]] = [:]
        for try await (id, number, outcome, note, recordedAt, recordedBy, caseText) in try await connection.query(
            """
            SELECT i.meeting_id, i.number, i.outcome, i.note, i.recorded_at, i.recorded_by, h.case_number
            FROM meeting_item i JOIN hearing h ON h.case_key = i.case_key
            WHERE i.meeting_id = ANY(\(ids)) ORDER BY i.meeting_id, i.sequence
            """, logger: logger
        ).decode((Int64, String, String?, String?, Date?, String?, String).self) {
            guard let caseNumber = try? CaseNumber(caseText) else {
                throw StoreError.damaged("ugyldig saksnummer «\(caseText)» på møte \(id) i databasen")
            }
            items[id, default: []].append(
                MeetingItem(
                    number: number, caseNumber: caseNumber, outcome: outcome.flatMap(MeetingOutcome.init(rawValue:)),
                    note: note, recordedAt: recordedAt, recordedBy: recordedBy))
        }
        var found: [Int64: Meeting] = [:]
        for try await (id, district, body, date, created, createdBy) in try await connection.query(
            """
            SELECT id, district, body, date::text, created_at, created_by FROM meeting WHERE id = ANY(\(ids))
            """, logger: logger
        ).decode((Int64, String?, String, String, Date, String).self) {
            guard let day = try Self.day(date, "møtedato") else { continue }
            found[id] = Meeting(
                id: id, body: body, date: day, district: district, items: items[id] ?? [], createdAt: created,
                createdBy: createdBy)
        }
        return ids.compactMap { found[$0] }
    }

    func pendingMeeting(
        of key: String, on connection: PostgresConnection
    ) async throws -> (meeting: Meeting, item: MeetingItem)? {
        var id: Int64?
        for try await value in try await connection.query(
            "SELECT meeting_id FROM meeting_item WHERE case_key = \(key) AND outcome IS NULL", logger: logger
        ).decode(Int64.self) {
            id = value
        }
        guard let id, let meeting = try await meeting(id: id, on: connection),
            let item = meeting.items.first(where: { $0.caseNumber.key == key && $0.outcome == nil })
        else { return nil }
        return (meeting, item)
    }
}

extension PostgresStore {
    public func addCaseLetter(_ letter: CaseLetter, actor: Actor) async throws -> CaseLetter {
        let at = now()
        return try await write { connection in
            let key = letter.caseNumber.key
            guard try await self.lockCase(key, on: connection) else {
                throw StatementStoreError.caseNotFound(letter.caseNumber.text)
            }
            var stored = letter
            stored.number = 1
            for try await latest in try await connection.query(
                "SELECT max(number) FROM case_letter WHERE case_key = \(key)", logger: self.logger
            ).decode(Int?.self) {
                stored.number = (latest ?? 0) + 1
            }
            try await connection.query(
                """
                INSERT INTO case_letter (case_key, number, kind, markdown, requested_deadline, created_at, created_by)
                VALUES (\(key), \(stored.number), \(stored.kind.rawValue), \(stored.markdown),
                    \(stored.requestedDeadline?.iso)::date, \(stored.createdAt), \(stored.createdBy))
                """, logger: self.logger)
            try await self.record(.caseLetter(stored), by: actor, at: at, on: connection)
            return stored
        }
    }

    public func caseLetters(of number: CaseNumber) async throws -> [CaseLetter] {
        try await read { connection in
            var letters: [CaseLetter] = []
            for try await (count, kind, markdown, deadline, created, createdBy) in try await connection.query(
                """
                SELECT number, kind, markdown, requested_deadline::text, created_at, created_by
                FROM case_letter WHERE case_key = \(number.key) ORDER BY number
                """, logger: self.logger
            ).decode((Int, String, String, String?, Date, String).self) {
                guard let kind = CaseLetter.Kind(rawValue: kind) else {
                    throw StoreError.damaged("ugyldig brev i databasen (sak \(number.text))")
                }
                letters.append(
                    CaseLetter(
                        caseNumber: number, number: count, kind: kind, markdown: markdown,
                        requestedDeadline: try Self.day(deadline, "ny frist"), createdAt: created, createdBy: createdBy))
            }
            return letters
        }
    }
}

extension PostgresStore {
    public func recordAgencyDecisions(_ decisions: [AgencyDecision], actor: Actor) async throws {
        let at = now()
        try await write { connection in
            for decision in decisions {
                let key = decision.caseNumber.key
                guard try await self.lockCase(key, on: connection) else {
                    throw StatementStoreError.caseNotFound(decision.caseNumber.text)
                }
                try await connection.query(
                    """
                    INSERT INTO agency_decision (case_key, outcome, date, conditions, recorded_at, recorded_by)
                    VALUES (\(key), \(decision.outcome.rawValue), \(decision.date.iso)::date, \(decision.conditions),
                        \(decision.recordedAt), \(decision.recordedBy))
                    ON CONFLICT (case_key) DO UPDATE SET outcome = excluded.outcome, date = excluded.date,
                        conditions = excluded.conditions, recorded_at = excluded.recorded_at,
                        recorded_by = excluded.recorded_by
                    """, logger: self.logger)
                try await self.record(.agencyDecision(decision), by: actor, at: at, on: connection)
            }
        }
    }

    public func agencyDecision(of number: CaseNumber) async throws -> AgencyDecision? {
        try await agencyDecisions(where: number.key, district: nil).first
    }

    public func agencyDecisions(district: String?) async throws -> [AgencyDecision] {
        try await agencyDecisions(where: nil, district: district)
    }

    private func agencyDecisions(where key: String?, district: String?) async throws -> [AgencyDecision] {
        try await read { connection in
            var decisions: [AgencyDecision] = []
            for try await (caseText, outcome, date, conditions, recordedAt, recordedBy) in try await connection.query(
                """
                SELECT h.case_number, d.outcome, d.date::text, d.conditions, d.recorded_at, d.recorded_by
                FROM agency_decision d JOIN hearing h ON h.case_key = d.case_key
                WHERE (\(key)::text IS NULL OR d.case_key = \(key)) AND (\(district)::text IS NULL OR h.district = \(district))
                ORDER BY d.date, d.case_key
                """, logger: self.logger
            ).decode((String, String, String, [String], Date, String).self) {
                guard let number = try? CaseNumber(caseText), let outcome = AgencyDecision.Outcome(rawValue: outcome),
                    let day = try Self.day(date, "vedtaksdato")
                else { throw StoreError.damaged("ugyldig vedtak fra Næringsetaten i databasen («\(caseText)»)") }
                decisions.append(
                    AgencyDecision(
                        caseNumber: number, outcome: outcome, date: day, conditions: conditions, recordedAt: recordedAt,
                        recordedBy: recordedBy))
            }
            return decisions
        }
    }
}
