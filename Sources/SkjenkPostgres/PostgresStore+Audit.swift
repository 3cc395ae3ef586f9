import Foundation
import Logging
import PostgresNIO
import SkjenkCore
import SkjenkStore

// The audit trail, shared by every part of the store, and the conversions between the store's
// values and PostgreSQL's.
extension PostgresStore {
    /// Writes `entry` by `actor` at `at`, in the caller's transaction.
    func record(_ entry: AuditEntry, by actor: Actor, at: Date, on connection: PostgresConnection) async throws {
        try await connection.query(
            """
            INSERT INTO audit_event (at, actor, channel, action, entity, entity_id, detail)
            VALUES (\(at), \(actor.name), \(actor.channel), \(entry.action), \(entry.entity), \(entry.entityId),
                    \(entry.detail))
            """, logger: logger)
    }

    /// The columns `auditEvents(_:)` reads, in its order.
    static let auditColumns = "at, actor, channel, action, entity, entity_id, detail"

    /// Audit events from rows of `auditColumns`.
    static func auditEvents(_ rows: PostgresRowSequence) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        for try await (at, actor, channel, action, entity, entityId, detail) in rows.decode(
            (Date, String, String, String, String, String?, String).self)
        {
            events.append(
                AuditEvent(
                    at: at, actor: actor, channel: channel, action: action, entity: entity, entityId: entityId,
                    detail: detail))
        }
        return events
    }

    /// An Oslo day read back from a `date` column selected as text (`col::text`).
    static func day(_ text: String?, _ what: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let day = try? LocalDate(iso: text) else {
            throw StoreError.damaged("ugyldig dato «\(text)» (\(what)) i databasen")
        }
        return day
    }
}
