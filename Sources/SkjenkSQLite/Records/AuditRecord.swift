import Foundation
import GRDB
import SkjenkCore
import SkjenkStore

/// A row of `auditEvent`.
struct AuditRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "auditEvent"

    var id: Int64?
    var at: String
    var actor: String
    var channel: String
    var action: String
    var entity: String
    var entityId: String?
    var detail: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let entity = Column(CodingKeys.entity)
        static let entityId = Column(CodingKeys.entityId)
        static let action = Column(CodingKeys.action)
        static let actor = Column(CodingKeys.actor)
    }

    init(at: String, actor: Actor, action: String, entity: String, entityId: String?, detail: String) {
        id = nil
        self.at = at
        self.actor = actor.name
        channel = actor.channel
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.detail = detail
    }

    /// Writes `entry` by `actor` at `at`, in the caller's transaction.
    static func record(_ entry: AuditEntry, by actor: Actor, at: Date, _ db: Database) throws {
        try AuditRecord(
            at: Timestamp.format(at), actor: actor, action: entry.action, entity: entry.entity,
            entityId: entry.entityId, detail: entry.detail
        ).insert(db)
    }

    func event() throws -> AuditEvent {
        AuditEvent(
            at: try Timestamp.parse(at), actor: actor, channel: channel, action: action, entity: entity,
            entityId: entityId, detail: detail)
    }
}
