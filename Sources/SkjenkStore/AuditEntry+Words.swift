import Foundation
import SkjenkCore

/// The audit trail in words for the people who read it (issue 19, item 7): every action code the
/// factories in `AuditEntry` write has a Norwegian phrase, and what changed is named as a reader
/// would ("klage 12", "sak 2026/5350", "møte 3"). A code without a phrase (an older database, a
/// future action) reads as a generic phrase with its kind, never as the code itself.
extension AuditEntry {
    /// "videresendt til politiet", "uttalelse vedtatt", "møtets utfall ført"; nil for a code that
    /// has no phrase of its own.
    public static func knownPhrase(for action: String) -> String? {
        if action.hasPrefix("complaint."), let step = FollowUpAction(rawValue: String(action.dropFirst(10))) {
            return stepPhrase(step)
        }
        return phrases[action]
    }

    /// The action in words, with a generic phrase naming the kind for a code without its own.
    public static func phrase(action: String, entity: String) -> String {
        knownPhrase(for: action) ?? "endring av \(kindWord(entity))"
    }

    /// What changed, in words: "klage 12", "sak 2026/5350", "møte 3", "bruker kari".
    public static func subject(entity: String, entityId: String?) -> String {
        let id = entityId?.trimmingCharacters(in: .whitespaces) ?? ""
        if entity == "complaint" && id.isEmpty { return "klager" }
        if let kind = RegisterKind(rawValue: entity) {
            return "register over \(kind.label)" + (id.isEmpty ? "" : " (\(id))")
        }
        let word = kindWord(entity)
        return id.isEmpty ? word : "\(word) \(id)"
    }

    /// The kind of thing changed as a noun: statements are named by their case.
    static func kindWord(_ entity: String) -> String {
        switch entity {
        case "hearing", "statement": "sak"
        case "complaint": "klage"
        case "meeting": "møte"
        case "user": "bruker"
        case "apikey": "API-nøkkel"
        default: RegisterKind(rawValue: entity).map { "register over \($0.label)" } ?? "annet"
        }
    }

    /// A complaint's follow-up step (`complaint.forwardedToPolice`) as the step's own words.
    static func stepPhrase(_ step: FollowUpAction) -> String {
        switch step {
        case .registered: "klage registrert"
        case .other: "annet oppfølgingssteg ført"
        case .closed: "klage avsluttet"
        case .reopened: "klage gjenåpnet"
        default: step.label
        }
    }

    /// Every other action code the factories write.
    static let phrases: [String: String] = [
        "hearing.created": "høring lagt inn",
        "hearing.updated": "høring oppdatert med ny versjon",
        "register.replaced": "register lastet opp på nytt",
        "complaint.created": "klage registrert",
        "complaint.linked": "koblet til samme episode",
        "complaint.unlinked": "tatt ut av episoden",
        "complaint.venue": "sted endret",
        "complaint.purged": "personopplysninger slettet",
        "complaint.duplicate-linked": "mulig dublett koblet til episoden",
        "complaint.duplicate-rejected": "mulig dublett avvist",
        "complaint.reply": "svar til klageren lagret",
        "complaints.exported": "klager lastet ned",
        "statement.draft": "utkast lagret",
        "statement.submit": "uttalelse sendt til behandling",
        "statement.return": "utkast sendt tilbake til saksbehandleren",
        "statement.approve": "uttalelse vedtatt",
        "statement.sent": "uttalelse merket som sendt",
        "statement.letter": "brev i saken ført",
        "statement.agency": "Næringsetatens vedtak ført",
        "meeting.created": "møte opprettet",
        "meeting.item": "sak satt på sakslisten",
        "meeting.record": "møtets utfall ført",
        "user.created": "bruker opprettet",
        "user.disabled": "bruker sperret",
        "user.enabled": "bruker åpnet igjen",
        "user.profile": "navn og tittel endret",
        "apikey.created": "API-nøkkel utstedt",
        "apikey.revoked": "API-nøkkel trukket tilbake",
    ]
}
