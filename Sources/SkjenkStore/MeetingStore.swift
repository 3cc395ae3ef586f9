import Foundation
import SkjenkCore

/// The council's and committees' meetings: agendas of submitted statements and the decisions the
/// secretary records. Every change is audited (entity `meeting`, and `statement` for the review
/// steps a decision makes).
public protocol MeetingStore: Sendable {
    /// Creates a meeting of `body` on `date` for `district` (checked by `MeetingRules.checkedBody`
    /// and `StoreRules.checkedDistrict`).
    func addMeeting(body: String, date: LocalDate, district: String?, actor: Actor) async throws -> Meeting
    /// The meetings of `district` (every district's when nil) on or after `from` (all when nil),
    /// soonest first, with their items.
    func meetings(district: String?, from: LocalDate?) async throws -> [Meeting]
    func meeting(id: Int64) async throws -> Meeting?
    /// The meeting whose agenda holds `number` without a recorded outcome, with that item.
    func pendingMeeting(of number: CaseNumber) async throws -> (meeting: Meeting, item: MeetingItem)?
    /// Puts the statement of `number` on the meeting's agenda under the body's next number in the
    /// meeting's year (`MeetingRules.checkItem`: submitted, written for that body, of the meeting's
    /// district, on no other agenda without an outcome). Returns the item.
    func addMeetingItem(meeting id: Int64, case number: CaseNumber, actor: Actor) async throws -> MeetingItem
    /// Records the body's decisions in one transaction (`MeetingRules.checkRecords`): an adopted item
    /// approves the statement with the meeting's date and item number; an amended item stores the
    /// text as adopted as a new version (author: the body) and approves it; a returned item sends the
    /// statement back with the reason. Four eyes as for any approval: `actor` is a council member who
    /// neither wrote nor submitted the draft. All or nothing.
    func recordMeeting(_ records: [MeetingRecord], meeting id: Int64, actor: Actor) async throws -> Meeting
}

extension StoreRules {
    /// A returned item's review comment and an amended item's new version, worked out alike by both engines.
    public static func amendedDraft(
        _ current: StatementDraft, text: String, meeting: Meeting, now: Date
    ) -> StatementDraft {
        var draft = current
        draft.origin = .edited
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        draft.markdown = lines.hasSuffix("\n") ? lines : lines + "\n"
        draft.author = meeting.body
        draft.createdAt = now
        return draft
    }
}

/// A letter stored with a case besides its statement: a request to Næringsetaten for a later deadline.
public struct CaseLetter: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Anmodning om utsatt høringsfrist.
        case deadlineRequest

        public var label: String { "anmodning om utsatt frist" }
    }

    public var caseNumber: CaseNumber
    /// 1, 2, … per case; set by the store.
    public var number: Int
    public var kind: Kind
    public var markdown: String
    /// The later deadline asked for, when the letter names one.
    public var requestedDeadline: LocalDate?
    public var createdAt: Date
    public var createdBy: String

    public init(
        caseNumber: CaseNumber, number: Int = 0, kind: Kind, markdown: String, requestedDeadline: LocalDate?,
        createdAt: Date, createdBy: String
    ) {
        self.caseNumber = caseNumber
        self.number = number
        self.kind = kind
        self.markdown = markdown
        self.requestedDeadline = requestedDeadline
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// Letters stored with a case (audited, entity `statement`).
public protocol CaseLetterStore: Sendable {
    /// Stores `letter` as the case's next letter; refused for a case that does not exist.
    func addCaseLetter(_ letter: CaseLetter, actor: Actor) async throws -> CaseLetter
    /// The case's letters, oldest first.
    func caseLetters(of number: CaseNumber) async throws -> [CaseLetter]
}

extension AuditEntry {
    public static func caseLetter(_ letter: CaseLetter) -> AuditEntry {
        AuditEntry(
            action: "statement.letter", entity: "statement", entityId: letter.caseNumber.key,
            detail: "brev \(letter.number): \(letter.kind.label)"
                + (letter.requestedDeadline.map { "; ny frist \($0.iso)" } ?? ""))
    }
}

/// Næringsetaten's final decisions, recorded by hand or from its list (audited, entity `statement`).
public protocol AgencyDecisionStore: Sendable {
    /// Records `decisions` in one transaction, each replacing the case's earlier one; refused whole
    /// when a case does not exist.
    func recordAgencyDecisions(_ decisions: [AgencyDecision], actor: Actor) async throws
    func agencyDecision(of number: CaseNumber) async throws -> AgencyDecision?
    /// Every recorded decision on `district`'s hearings (every district's when nil).
    func agencyDecisions(district: String?) async throws -> [AgencyDecision]
}

extension AuditEntry {
    public static func agencyDecision(_ decision: AgencyDecision) -> AuditEntry {
        AuditEntry(
            action: "statement.agency", entity: "statement", entityId: decision.caseNumber.key,
            detail: "Næringsetatens vedtak: \(decision.label)"
                + (decision.conditions.isEmpty ? "" : "; \(decision.conditions.count) vilkår"))
    }
}
