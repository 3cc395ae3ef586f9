import Foundation
import SkjenkCompose
import SkjenkCore
import SkjenkStore

/// Why the desk refuses a step on a statement, in words every channel shows as they are (the
/// command line may add its own flags).
public enum StatementDeskError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The case has no draft to review or export.
    case noDraft(CaseNumber)
    /// The case or its assessment changed after version `version` was written: it is not approved.
    case staleDraft(version: Int)
    /// Only an approved (or sent) statement is archived.
    case notApproved(ReviewState)

    public var description: String {
        switch self {
        case .noDraft: "saken har ikke noe utkast"
        case .staleDraft(let version):
            "versjon \(version) er utdatert – saken eller vurderingen er endret etter at den ble skrevet; "
                + "lag et nytt utkast før vedtak"
        case .notApproved(let state): "bare en vedtatt uttalelse kan arkiveres; uttalelsen er \(state.label)"
        }
    }
}

extension StatementDesk {
    /// Whether the statement is the finished letter: approved, or approved and sent.
    public static func isFinished(_ review: ReviewStatus) -> Bool {
        review.state == .approved || review.state == .sent
    }

    /// The latest draft of `number`, or `noDraft`.
    public static func currentDraft(of number: CaseNumber, store: any AppStore) async throws -> StatementDraft {
        guard let draft = try await store.drafts(of: number).last else { throw StatementDeskError.noDraft(number) }
        return draft
    }

    /// Whether the latest draft was written on another version of the case or another assessment
    /// than today's (nil when there is no draft).
    public static func staleVersion(
        of stored: StoredCase, policies: PolicySet, store: any AppStore, today: LocalDate
    ) async throws -> Int? {
        guard let draft = try await store.drafts(of: stored.hearing.caseNumber).last else { return nil }
        let prepared = try await prepare([stored], policies: policies, store: store, today: today)[0]
        return draft.isStale(hearingVersion: stored.version, assessmentDigest: prepared.assessment.digest)
            ? draft.version : nil
    }

    /// One review step on the statement of `stored`, with its rules for every channel: a stale
    /// draft is not approved; the store keeps the review flow and four eyes (author and submitter
    /// never approve; the approver has the route's role) in the transaction that records the step.
    /// `policies` are read only for an approval (to assess the case as it stands today, with its
    /// district's policy).
    public static func review(
        _ action: ReviewAction, of stored: StoredCase, policies: () throws -> PolicySet, store: any AppStore,
        today: LocalDate, actor: Actor
    ) async throws -> ReviewStatus {
        if case .approve = action,
            let version = try await staleVersion(of: stored, policies: try policies(), store: store, today: today)
        {
            throw StatementDeskError.staleDraft(version: version)
        }
        return try await store.applyReview(action, to: stored.hearing.caseNumber, actor: actor)
    }

    /// A statement as a file to download or write: its bytes, a file name and the media type.
    public struct File: Sendable {
        public let draft: StatementDraft
        public let data: Data
        public let fileName: String
        public let contentType: String
    }

    /// The latest draft of `number` in `format` (not the archive package): the finished letter once
    /// approved, else the draft with its mark.
    public static func export(
        _ number: CaseNumber, as format: StatementFormat, store: any AppStore, templates: TemplateSet
    ) async throws -> File {
        let draft = try await currentDraft(of: number, store: store)
        let review = try await store.review(of: number)
        let data = try render(
            draft, as: format, templates: templates, approved: isFinished(review), decision: review.decision)
        let types: [StatementFormat: String] = [
            .html: "text/html; charset=utf-8", .markdown: "text/markdown; charset=utf-8",
            .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ]
        return File(
            draft: draft, data: data, fileName: "uttalelse-\(fileStem(number)).\(format.fileExtension)",
            contentType: types[format] ?? "application/octet-stream")
    }

    /// The archive message, the statement as PDF/A and its attachments, of the latest draft of
    /// `stored`, once approved.
    public static func archive(
        _ stored: StoredCase, store: any AppStore, templates: TemplateSet, created: Date
    ) async throws -> (draft: StatementDraft, xml: String, pdf: Data, attachments: [ArchiveMessage.Attachment]) {
        let number = stored.hearing.caseNumber
        let draft = try await currentDraft(of: number, store: store)
        let review = try await store.review(of: number)
        guard isFinished(review) else { throw StatementDeskError.notApproved(review.state) }
        let parts = try archiveParts(
            draft, review: review, agencyOfficer: stored.hearing.agencyOfficer?.name, templates: templates,
            created: created)
        return (draft, parts.xml, parts.pdf, parts.attachments)
    }

    /// "2026-05231": a case number as a file name.
    public static func fileStem(_ number: CaseNumber) -> String { number.key.replacingOccurrences(of: "/", with: "-") }
}
