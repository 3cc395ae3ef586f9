import Foundation
import SkjenkCore

/// Who or what changes stored data, for the audit trail.
public struct Actor: Sendable, Hashable, Codable {
    /// A user name: the OS user for the CLI, the signed-in user on the web.
    public let name: String
    /// The channel the change came through: `cli`, `web`, `api`.
    public let channel: String

    public init(name: String, channel: String) {
        self.name = name
        self.channel = channel
    }
}

/// One line of the audit trail.
public struct AuditEvent: Sendable, Hashable {
    public let at: Date
    public let actor: String
    public let channel: String
    public let action: String
    /// The kind of thing changed (`hearing`) and its id (the case key).
    public let entity: String
    public let entityId: String?
    public let detail: String

    public init(
        at: Date, actor: String, channel: String, action: String, entity: String, entityId: String?, detail: String
    ) {
        self.at = at
        self.actor = actor
        self.channel = channel
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.detail = detail
    }
}

/// Which audit events to find: texts match ignoring case, and empty texts match everything.
public struct AuditSearch: Sendable, Hashable {
    /// Part of the user name.
    public var who: String
    /// Part of the action (`complaint.step`), the kind or id of what changed, or the detail.
    public var what: String
    /// Events at or after `from` and before `until`.
    public var from: Date?
    public var until: Date?
    public var limit: Int
    /// Only events by these actors (a district's users and Open311 clients, `open311:NAME`); every
    /// actor's when nil.
    public var actors: Set<String>?

    public init(
        who: String = "", what: String = "", from: Date? = nil, until: Date? = nil, limit: Int,
        actors: Set<String>? = nil
    ) {
        self.who = who
        self.what = what
        self.from = from
        self.until = until
        self.limit = max(0, limit)
        self.actors = actors
    }
}

