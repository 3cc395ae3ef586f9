import Foundation
import SkjenkCore

/// Why a statement change is refused.
public enum StatementStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case caseNotFound(String)
    case review(ReviewFlow.Problem)
    /// A new version was stored between reading the draft and recording the review step.
    case draftChangedMeanwhile

    public var description: String {
        switch self {
        case .caseNotFound(let number): "fant ingen sak med saksnummer \(number)"
        case .draftChangedMeanwhile:
            "et nytt utkast ble lagret mens du arbeidet; se på den nye versjonen og prøv igjen"
        case .review(let problem): problem.description
        }
    }
}

/// The statements' drafts and their review. Every change is audited (entity `statement`).
public protocol StatementStore: Sendable {
    /// Stores `draft` as the case's next version and returns it with its number. A new version
    /// sends a statement under review back to `utkast`; a sent statement takes no new version.
    func addDraft(_ draft: StatementDraft, actor: Actor) async throws -> StatementDraft
    /// Every version, oldest first.
    func drafts(of number: CaseNumber) async throws -> [StatementDraft]
    /// The review status (`utkast` when none is stored).
    func review(of number: CaseNumber) async throws -> ReviewStatus
    /// The open cases whose statement is in `state`, soonest deadline first, each with its latest
    /// draft's outcome and route: the council's list, in one query. Only `district`'s hearings when given.
    func reviewQueue(_ state: ReviewState, district: String?) async throws -> [ReviewQueueItem]
    /// The annual report's facts: every hearing of `district` (every district's when nil) whose
    /// agency letter is dated in `received`, whatever its status, with its kind, deadline, latest
    /// draft's outcome and review state and sent date, in one query; by letter date, then case.
    func statementFacts(district: String?, received: ClosedRange<LocalDate>) async throws -> [StatementFact]
    /// Applies a review step under `ReviewFlow`'s rules to the current draft.
    func applyReview(_ action: ReviewAction, to number: CaseNumber, actor: Actor) async throws -> ReviewStatus
    /// The statement's audit trail, oldest first.
    func statementAuditTrail(_ number: CaseNumber) async throws -> [AuditEvent]
}

extension StatementStore {
    /// The review list of every district.
    public func reviewQueue(_ state: ReviewState) async throws -> [ReviewQueueItem] {
        try await reviewQueue(state, district: nil)
    }
}

/// A case in the review list: what the council sees before opening it.
public struct ReviewQueueItem: Sendable, Hashable {
    public let caseNumber: CaseNumber
    public let venueName: String
    public let deadline: LocalDate
    /// The latest draft's.
    public let outcome: StatementOutcome
    public let route: DecisionRoute

    public init(
        caseNumber: CaseNumber, venueName: String, deadline: LocalDate, outcome: StatementOutcome, route: DecisionRoute
    ) {
        self.caseNumber = caseNumber
        self.venueName = venueName
        self.deadline = deadline
        self.outcome = outcome
        self.route = route
    }
}
