import Foundation
import SkjenkCore

/// One line for the audit trail, as data: what was done, to what, and the words that say how. Every
/// engine writes these entries as they are, in the transaction of the change, so the trail reads the
/// same whichever database holds it; the wording lives here, once, and never in SQL. The text names
/// complaints and cases by number and users by login, never a complainant.
public struct AuditEntry: Sendable, Hashable {
    /// `complaint.created`, `statement.approve`, …
    public let action: String
    /// The kind of thing changed (`hearing`, `complaint`, `statement`, `user`, `apikey`, a register
    /// kind) and its id.
    public let entity: String
    public let entityId: String?
    public let detail: String

    public init(action: String, entity: String, entityId: String?, detail: String) {
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.detail = detail
    }
}

// Cases and registers.
extension AuditEntry {
    public static func hearingCreated(_ key: String, source: String) -> AuditEntry {
        AuditEntry(action: "hearing.created", entity: "hearing", entityId: key, detail: "versjon 1 fra \(source)")
    }

    /// A new version of a case, naming the facts that changed (`HearingChanges`).
    public static func hearingUpdated(_ key: String, version: Int, source: String, changes: [String]) -> AuditEntry {
        AuditEntry(
            action: "hearing.updated", entity: "hearing", entityId: key,
            detail: "versjon \(version) fra \(source); endret: "
                + (changes.isEmpty ? "ingen saksopplysninger" : changes.joined(separator: ", ")))
    }

    public static func registerReplaced(_ kind: RegisterKind, source: String, _ summary: RegisterSummary) -> AuditEntry
    {
        AuditEntry(
            action: "register.replaced", entity: kind.rawValue, entityId: source,
            detail: "\(summary.removed) fjernet, \(summary.added) lagt inn")
    }
}

// Complaints.
extension AuditEntry {
    /// A complaint logged: where, what, from whom (only whether contact details were given), its
    /// first due date and the duplicates it may be.
    public static func complaintCreated(
        _ id: Int64, _ entry: ComplaintLogEntry, status: ComplaintStatus, nextDue: LocalDate?, externalSource: String?
    ) -> AuditEntry {
        var detail = [
            "sted: \(entry.venue.label)",
            "kategorier: \(entry.categories.map(\.label).sorted().joined(separator: ", "))",
            "kilde: \(entry.source.label)", "ansvarlig: \(entry.officer)", "status: \(status.label)",
        ]
        if let due = nextDue { detail.append("frist: \(due.iso)") }
        if let district = entry.district { detail.append("bydel: \(district)") }
        if let reference = entry.externalReference, let externalSource {
            detail.append("fra \(externalSource) (\(reference))")
        }
        if entry.complainant.map({ !$0.isEmpty }) == true { detail.append("med kontaktopplysninger om klageren") }
        for flag in entry.duplicateFlags {
            detail.append("mulig samme episode som \(flag.episode) (\(flag.reason))")
        }
        return complaint(id, "complaint.created", detail.joined(separator: "; "))
    }

    /// A follow-up step, with the status it moved between.
    public static func complaintStep(
        _ id: Int64, _ step: FollowUpStep, before: ComplaintStatus, after: ComplaintLogEntry, actor: Actor
    ) -> AuditEntry {
        var detail = [step.action.label, "status: \(before.label) → \(after.status.label)"]
        if let reason = after.closingReason, step.action == .closed { detail.append("grunn: \(reason.label)") }
        if let due = after.nextDue { detail.append("neste frist: \(due.iso)") }
        if step.by != actor.name { detail.append("utført av \(step.by)") }
        return complaint(id, "complaint.\(step.action.rawValue)", detail.joined(separator: "; "))
    }

    /// `member` joined to the episode `root` with `others`.
    public static func complaintLinked(_ member: Int64, others: [Int64], root: Int64, note: String?) -> AuditEntry {
        complaint(
            member, "complaint.linked",
            "samme episode som klage \(others.sorted().map(String.init).joined(separator: ", "))"
                + " (episode \(root))" + (note.map { "; \($0)" } ?? ""))
    }

    public static func complaintUnlinked(_ id: Int64, episode: Int64) -> AuditEntry {
        complaint(id, "complaint.unlinked", "tatt ut av episode \(episode)")
    }

    public static func complaintVenue(_ id: Int64, from before: String, to venue: ComplaintVenue) -> AuditEntry {
        complaint(id, "complaint.venue", "sted: \(before) → \(venue.label)")
    }

    /// `cutoff`: the day (`YYYY-MM-DD`) complaints were closed before.
    public static func complaintPurged(_ id: Int64, closedBefore cutoff: String) -> AuditEntry {
        complaint(id, "complaint.purged", "personopplysninger og fritekst slettet (avsluttet før \(cutoff))")
    }

    public static func duplicateDecided(_ id: Int64, episode: Int64, linked: Bool) -> AuditEntry {
        linked
            ? complaint(id, "complaint.duplicate-linked", "koblet til episode \(episode) som samme episode")
            : complaint(id, "complaint.duplicate-rejected", "ikke samme episode som \(episode)")
    }

    /// An answer to the complainant stored: its kind, never its text.
    public static func replyStored(_ id: Int64, _ kind: ComplaintReply.Kind) -> AuditEntry {
        complaint(id, "complaint.reply", "\(kind.label) til klageren lagret")
    }

    public static func complaintsExported(count: Int, includingComplainants: Bool) -> AuditEntry {
        let personal = includingComplainants ? "med opplysninger om klagerne" : "uten personopplysninger"
        return AuditEntry(
            action: "complaints.exported", entity: "complaint", entityId: "",
            detail: "\(count) \(count == 1 ? "klage" : "klager") eksportert, \(personal)")
    }

    private static func complaint(_ id: Int64, _ action: String, _ detail: String) -> AuditEntry {
        AuditEntry(action: action, entity: "complaint", entityId: String(id), detail: detail)
    }
}

// Statements.
extension AuditEntry {
    /// A new version; `reopened` is the review state it sent back to `utkast`, if any.
    public static func statementDraft(_ key: String, version: Int, _ draft: StatementDraft, reopened: ReviewState?)
        -> AuditEntry
    {
        var detail = "versjon \(version) (\(draft.origin.label)); \(draft.outcome.label); \(draft.route.label)"
        if let reopened { detail += "; tilbake til utkast fra \(reopened.label)" }
        return AuditEntry(action: "statement.draft", entity: "statement", entityId: key, detail: detail)
    }

    public static func statementReview(
        _ key: String, _ action: ReviewAction, before: ReviewState, after: ReviewState, version: Int?
    ) -> AuditEntry {
        var detail = "\(before.label) → \(after.label); versjon \(version ?? 0)"
        switch action {
        case .approve(let decision): detail += "; \(decision.label)"
        case .returnToDraft(let comment): detail += "; kommentar: \(comment)"
        case .markSent(let date): detail += "; sendt \(date.iso)"
        case .submit: break
        }
        return AuditEntry(action: "statement.\(action.code)", entity: "statement", entityId: key, detail: detail)
    }
}

// Meetings.
extension AuditEntry {
    public static func meetingCreated(_ meeting: Meeting) -> AuditEntry {
        AuditEntry(
            action: "meeting.created", entity: "meeting", entityId: String(meeting.id),
            detail: meeting.label + (meeting.district.map { "; bydel: \($0)" } ?? ""))
    }

    public static func meetingItemAdded(_ meeting: Meeting, _ item: MeetingItem) -> AuditEntry {
        AuditEntry(
            action: "meeting.item", entity: "meeting", entityId: String(meeting.id),
            detail: "sak \(item.number): \(item.caseNumber.text) på sakslisten til \(meeting.label)")
    }

    public static func meetingRecorded(_ meeting: Meeting, _ item: MeetingItem, _ outcome: MeetingOutcome) -> AuditEntry {
        AuditEntry(
            action: "meeting.record", entity: "meeting", entityId: String(meeting.id),
            detail: "sak \(item.number) (\(item.caseNumber.text)): \(outcome.label)")
    }
}

// Users and keys.
extension AuditEntry {
    public static func userCreated(_ name: String, role: Role, district: String? = nil) -> AuditEntry {
        AuditEntry(
            action: "user.created", entity: "user", entityId: name,
            detail: "rolle: \(role.code)" + (district.map { "; bydel: \($0)" } ?? ""))
    }

    public static func userDisabled(_ name: String, _ disabled: Bool) -> AuditEntry {
        AuditEntry(action: disabled ? "user.disabled" : "user.enabled", entity: "user", entityId: name, detail: "")
    }

    public static func userProfile(_ name: String, _ profile: OfficerContact) -> AuditEntry {
        AuditEntry(action: "user.profile", entity: "user", entityId: name, detail: profile.nameAndTitle)
    }

    public static func apiKeyCreated(_ name: String, district: String? = nil) -> AuditEntry {
        AuditEntry(
            action: "apikey.created", entity: "apikey", entityId: name,
            detail: "API-nøkkel utstedt" + (district.map { "; bydel: \($0)" } ?? ""))
    }

    public static func apiKeyRevoked(_ name: String) -> AuditEntry {
        AuditEntry(action: "apikey.revoked", entity: "apikey", entityId: name, detail: "API-nøkkel trukket tilbake")
    }
}
