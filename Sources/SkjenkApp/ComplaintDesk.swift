import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// Logging complaints and closing them with the answers to the complainant, the same way from the
/// command line, the web pages, the API and Open311.
public enum ComplaintDesk {
    /// Receives a complaint from any channel: completed by `intake` (venue linked to the registers,
    /// the first due date, duplicate flags) and logged with the receipt for the complainant, in one
    /// transaction. Returns its id and what the intake did, in Norwegian.
    public static func receive(
        _ entry: ComplaintLogEntry, intake: ComplaintIntake, store: any AppStore, replies: ComplaintReplyComposer,
        signature: ReplySignature, actor: Actor, now: Date
    ) async throws -> (id: Int64, notes: [String]) {
        let (prepared, notes) = try await intake.prepare(entry)
        return (
            try await log(prepared, store: store, replies: replies, signature: signature, actor: actor, now: now), notes
        )
    }

    /// Logs a prepared complaint with the receipt for the complainant, in one transaction.
    public static func log(
        _ entry: ComplaintLogEntry, store: any AppStore, replies: ComplaintReplyComposer, signature: ReplySignature,
        actor: Actor, now: Date
    ) async throws -> Int64 {
        try await store.logComplaint(
            entry, actor: actor, receipt: renderer(.receipt, replies, signature: signature, actor: actor, now: now))
    }

    /// Adds a step; when it closes the complaint, the closing answer is stored with it (one transaction).
    public static func addStep(
        _ step: FollowUpStep, to id: Int64, store: any AppStore, replies: ComplaintReplyComposer,
        signature: ReplySignature, actor: Actor, now: Date
    ) async throws -> ComplaintLogEntry {
        try await store.addStep(
            step, toComplaint: id, actor: actor,
            reply: step.action == .closed
                ? renderer(.closing, replies, signature: signature, actor: actor, now: now) : nil)
    }

    /// Who answers the complainant: the district as its letters name it (the policy's `bydel.navn`,
    /// else «Bydel» and the district, else «Bydelen»), and the officer by full name and title.
    public static func signature(policy: Policy?, district: String?, officer: OfficerContact?) -> ReplySignature {
        ReplySignature(
            district: policy?.district?.name ?? district.map { "Bydel \($0)" } ?? "Bydelen",
            officer: officer?.nameAndTitle)
    }

    /// Why an export with the complainants' details is refused for a role.
    public struct ExportRefused: Error, Sendable, Equatable {
        public let role: Role
    }

    /// The complaints matching `filter` as CSV (`ComplaintExport`), with the complainants' details,
    /// descriptions and notes only when `includingComplainants` and `role` may export them (refused
    /// before anything is read otherwise). Audited by the store: who exported how many, and whether
    /// personal data was in it.
    public static func export(
        _ filter: ComplaintFilter, includingComplainants: Bool, role: Role, delimiter: CSVWriter.Delimiter = .semicolon,
        store: any AppStore, actor: Actor
    ) async throws -> (csv: Data, count: Int) {
        if includingComplainants, !role.mayExportComplainants { throw ExportRefused(role: role) }
        let entries = try await store.exportComplaints(
            filter, includingComplainants: includingComplainants, actor: actor)
        return (
            ComplaintExport(includingPersonal: includingComplainants).csv(entries, delimiter: delimiter), entries.count
        )
    }

    static func renderer(
        _ kind: ComplaintReply.Kind, _ replies: ComplaintReplyComposer, signature: ReplySignature, actor: Actor,
        now: Date
    ) -> ReplyRenderer {
        { stored in
            let text =
                switch kind {
                case .receipt: try replies.receipt(stored, signature: signature)
                case .closing: try replies.closing(stored, signature: signature)
                }
            return ComplaintReply(kind: kind, text: text, createdAt: now, createdBy: actor.name)
        }
    }
}
