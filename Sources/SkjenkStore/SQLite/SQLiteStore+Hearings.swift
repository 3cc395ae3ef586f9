import Foundation
import GRDB
import SkjenkCore

extension SQLiteStore {
    public func storeHearings(_ hearings: [Hearing], source: String, actor: Actor,
                              progress: StoreProgress?) async throws -> HearingStoreSummary {
        // Encode before taking the write lock: the transaction then only does SQL.
        let payloads = try HearingPayload.encode(hearings)
        let timestamp = Timestamp.format(now())
        return try await writer.write { db in
            var summary = HearingStoreSummary()
            let total = hearings.count
            for (index, (hearing, payload)) in zip(hearings, payloads).enumerated() {
                let key = hearing.caseNumber.key
                // The store keeps the format's invariants whoever calls it; throwing here rolls
                // back everything this batch wrote.
                let violations = HearingRules.check(HearingFacts(hearing))
                guard violations.isEmpty else {
                    throw StoreError(description: "høringen \(hearing.caseNumber.text) lagres ikke: "
                                         + violations.map(\.message).joined(separator: "; "))
                }
                if let existing = try HearingRecord.filter(HearingRecord.Columns.caseKey == key).fetchOne(db) {
                    guard existing.payload != payload else {
                        summary.unchanged.append(hearing.caseNumber)
                        continue
                    }
                    var record = HearingRecord(hearing, payload: payload, timestamp: timestamp)
                    record.id = existing.id
                    record.status = existing.status
                    record.createdAt = existing.createdAt
                    record.currentVersion = existing.currentVersion + 1
                    try record.update(db)
                    try HearingVersionRecord(hearingId: existing.id!, version: record.currentVersion, hearing: hearing,
                                             payload: payload, timestamp: timestamp, actor: actor, source: source)
                        .insert(db)
                    let previous = try HearingPayload.decode(existing.payload)
                    let changes = HearingChanges.fields(from: previous, to: hearing)
                    try AuditRecord(at: timestamp, actor: actor, action: "hearing.updated", entity: "hearing",
                                    entityId: key,
                                    detail: "versjon \(record.currentVersion) fra \(source); endret: "
                                        + (changes.isEmpty ? "ingen saksopplysninger" : changes.joined(separator: ", ")))
                        .insert(db)
                    summary.updated.append(hearing.caseNumber)
                } else {
                    var record = HearingRecord(hearing, payload: payload, timestamp: timestamp)
                    try record.insert(db)
                    try HearingVersionRecord(hearingId: record.id!, version: 1, hearing: hearing, payload: payload,
                                             timestamp: timestamp, actor: actor, source: source)
                        .insert(db)
                    try AuditRecord(at: timestamp, actor: actor, action: "hearing.created", entity: "hearing",
                                    entityId: key, detail: "versjon 1 fra \(source)")
                        .insert(db)
                    summary.created.append(hearing.caseNumber)
                }
                if let progress, (index + 1) % 1_000 == 0 || index + 1 == total { progress(index + 1, total) }
            }
            return summary
        }
    }

    public func cases(status: Set<CaseStatus>?) async throws -> [StoredCase] {
        try await writer.read { db in
            var request = HearingRecord.all()
            if let status { request = request.filter(status.map(\.rawValue).contains(HearingRecord.Columns.status)) }
            return try request
                .order(HearingRecord.Columns.deadline, HearingRecord.Columns.caseKey)
                .fetchAll(db)
                .map { try $0.storedCase() }
        }
    }

    public func storedCase(_ number: CaseNumber) async throws -> StoredCase? {
        try await writer.read { db in
            try HearingRecord.filter(HearingRecord.Columns.caseKey == number.key).fetchOne(db)?.storedCase()
        }
    }

    public func versions(of number: CaseNumber) async throws -> [CaseVersion] {
        try await writer.read { db in
            guard let id = try HearingRecord.filter(HearingRecord.Columns.caseKey == number.key).fetchOne(db)?.id else {
                return []
            }
            return try HearingVersionRecord
                .filter(HearingVersionRecord.Columns.hearingId == id)
                .order(HearingVersionRecord.Columns.version)
                .fetchAll(db)
                .map { try $0.caseVersion() }
        }
    }

    public func auditTrail(for number: CaseNumber?, limit: Int) async throws -> [AuditEvent] {
        try await writer.read { db in
            var request = AuditRecord.all()
            if let number {
                request = request.filter(AuditRecord.Columns.entity == "hearing" && AuditRecord.Columns.entityId == number.key)
            }
            return try request.order(AuditRecord.Columns.id.desc).limit(limit).fetchAll(db).map { try $0.event() }
        }
    }
}
