import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// Logging complaints and closing them with the answers to the complainant, the same way from the
/// command line, the web pages, the API and Open311.
public enum ComplaintDesk {
    /// Logs a prepared complaint and stores the receipt for the complainant with it.
    public static func log(
        _ entry: ComplaintLogEntry, store: SQLiteStore, replies: ComplaintReplyComposer, actor: Actor, now: Date
    ) async throws -> Int64 {
        let id = try await store.logComplaint(entry, actor: actor)
        try await reply(.receipt, to: id, store: store, replies: replies, actor: actor, now: now)
        return id
    }

    /// Adds a step; when it closes the complaint, the closing answer is stored with it.
    public static func addStep(
        _ step: FollowUpStep, to id: Int64, store: SQLiteStore, replies: ComplaintReplyComposer, actor: Actor, now: Date
    ) async throws -> ComplaintLogEntry {
        let entry = try await store.addStep(step, toComplaint: id, actor: actor)
        if step.action == .closed {
            try await reply(.closing, to: id, store: store, replies: replies, actor: actor, now: now)
        }
        return entry
    }

    static func reply(
        _ kind: ComplaintReply.Kind, to id: Int64, store: SQLiteStore, replies: ComplaintReplyComposer, actor: Actor,
        now: Date
    ) async throws {
        guard let entry = try await store.complaint(id: id, includingComplainant: false) else { return }
        let text =
            switch kind {
            case .receipt: try replies.receipt(entry)
            case .closing: try replies.closing(entry)
            }
        try await store.addReply(
            ComplaintReply(kind: kind, text: text, createdAt: now, createdBy: actor.name), toComplaint: id, actor: actor
        )
    }
}
