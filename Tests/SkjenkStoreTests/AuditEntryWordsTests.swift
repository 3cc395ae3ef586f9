import Foundation
import SkjenkCore
import SkjenkStore
import SkjenkTestSupport
import Testing

/// The audit trail in words (issue 19, item 7): every action code an `AuditEntry` factory writes has
/// a phrase of its own, and nothing a reader sees is a raw code.
@Suite struct AuditEntryWordsTests {
    /// One entry from every factory, and every follow-up step and review action each can write.
    static func everyEntry() throws -> [AuditEntry] {
        let number = try CaseNumber("2026/05350")
        let now = Fixtures.oslo("2026-11-22 10:00")
        let entry = Fixtures.complaintEntry()
        let draft = StatementDraft(
            caseNumber: number, origin: .generated, markdown: "", mapSVG: nil, outcome: .noRemarks,
            route: .delegated(signatory: nil), hearingVersion: 1, assessmentDigest: "", author: "kari", createdAt: now)
        let item = MeetingItem(number: "12/26", caseNumber: number)
        let meeting = Meeting(
            id: 3, body: "Bydelsutvalget", date: Fixtures.day("2026-12-10"), district: "Frogner", items: [item],
            createdAt: now, createdBy: "kari")
        var entries: [AuditEntry] = [
            .hearingCreated(number.key, source: "uke47.xml"),
            .hearingUpdated(number.key, version: 2, source: "uke48.xml", changes: ["skjenketid"]),
            .registerReplaced(.sites, source: "skoler.csv", RegisterSummary(removed: 1, added: 6)),
            .complaintCreated(12, entry, status: .received, nextDue: nil, externalSource: nil),
            .complaintLinked(12, others: [13], root: 12, note: nil),
            .complaintUnlinked(12, episode: 12),
            .complaintVenue(12, from: "Pub Bislett", to: entry.venue),
            .complaintPurged(12, closedBefore: "2025-11-22"),
            .duplicateDecided(12, episode: 11, linked: true),
            .duplicateDecided(12, episode: 11, linked: false),
            .complaintsExported(count: 2, includingComplainants: false),
            .statementDraft(number.key, version: 1, draft, reopened: nil),
            .caseLetter(
                CaseLetter(
                    caseNumber: number, kind: .deadlineRequest, markdown: "", requestedDeadline: nil, createdAt: now,
                    createdBy: "kari")),
            .agencyDecision(
                AgencyDecision(
                    caseNumber: number, outcome: .granted, date: Fixtures.day("2026-12-01"), recordedAt: now,
                    recordedBy: "kari")),
            .meetingCreated(meeting),
            .meetingItemAdded(meeting, item),
            .meetingRecorded(meeting, item, MeetingOutcome.allCases[0]),
            .userCreated("kari", role: .caseworker),
            .userDisabled("kari", true),
            .userDisabled("kari", false),
            .userProfile("kari", OfficerContact(fullName: "Kari Nordmann")),
            .apiKeyCreated("klagetelefonen"),
            .apiKeyRevoked("klagetelefonen"),
        ]
        entries += ComplaintReply.Kind.allCases.map { AuditEntry.replyStored(12, $0) }
        entries += FollowUpAction.allCases.map { action in
            AuditEntry.complaintStep(
                12, FollowUpStep(action: action, by: "kari", at: now), before: .received, after: entry,
                actor: Fixtures.actor)
        }
        let reviews: [ReviewAction] = [
            .submit, .approve(.delegated(signatory: nil)), .returnToDraft(comment: "Se på tidene."),
            .markSent(Fixtures.day("2026-11-23")),
        ]
        entries += reviews.map {
            AuditEntry.statementReview(number.key, $0, before: .draft, after: .submitted, version: 1)
        }
        return entries
    }

    @Test func everyActionTheStoreWritesHasAPhrase() throws {
        let entries = try Self.everyEntry()
        // 24 factory codes, 11 follow-up steps and 4 review actions.
        #expect(Set(entries.map(\.action)).count == 39)
        for entry in entries {
            let phrase = AuditEntry.knownPhrase(for: entry.action)
            #expect(phrase != nil, "\(entry.action) has no phrase")
            #expect(phrase?.contains(".") == false, "\(entry.action) reads like a code")
        }
    }

    @Test(arguments: [
        ("complaint.forwardedToPolice", "complaint", "videresendt til politiet"),
        ("statement.approve", "statement", "uttalelse vedtatt"),
        ("meeting.record", "meeting", "møtets utfall ført"),
        ("complaint.created", "complaint", "klage registrert"),
        ("complaint.closed", "complaint", "klage avsluttet"),
        // Codes without a phrase (an older database) read as words with their kind, never as the code.
        ("complaint.somethingNew", "complaint", "endring av klage"),
        ("policy.changed", "policy", "endring av annet"),
    ])
    func phrases(_ action: String, _ entity: String, _ expected: String) {
        #expect(AuditEntry.phrase(action: action, entity: entity) == expected)
    }

    @Test(arguments: [
        ("complaint", "12", "klage 12"), ("hearing", "2026/5350", "sak 2026/5350"),
        ("statement", "2026/5350", "sak 2026/5350"), ("meeting", "3", "møte 3"), ("user", "kari", "bruker kari"),
        ("complaint", "", "klager"), ("sites", "skoler.csv", "register over steder (skoler.csv)"),
        ("apikey", "klagetelefonen", "API-nøkkel klagetelefonen"),
    ])
    func subjects(_ entity: String, _ id: String, _ expected: String) {
        #expect(AuditEntry.subject(entity: entity, entityId: id) == expected)
    }
}
