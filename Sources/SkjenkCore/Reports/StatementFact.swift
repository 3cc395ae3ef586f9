import Foundation

/// What the annual report needs to know of one hearing and its statement, read for many cases at
/// once: when the agency's letter came and the deadline, the kind of application, the latest
/// draft's outcome and where the review stands.
public struct StatementFact: Sendable, Hashable {
    public let caseNumber: CaseNumber
    public let district: String
    public let applicationType: ApplicationType
    public let permitType: PermitType
    /// The agency's letter date (`sendt`): the day the district received the hearing.
    public let received: LocalDate
    /// Høringsfrist.
    public let deadline: LocalDate
    /// The latest draft's outcome; nil when no draft is stored.
    public let outcome: StatementOutcome?
    /// The review state (`utkast` when none is stored).
    public let state: ReviewState
    /// The day the statement was sent to the agency; set once `state` is `.sent`.
    public let sentDate: LocalDate?

    public init(
        caseNumber: CaseNumber, district: String, applicationType: ApplicationType, permitType: PermitType,
        received: LocalDate, deadline: LocalDate, outcome: StatementOutcome?, state: ReviewState, sentDate: LocalDate?
    ) {
        self.caseNumber = caseNumber
        self.district = district
        self.applicationType = applicationType
        self.permitType = permitType
        self.received = received
        self.deadline = deadline
        self.outcome = outcome
        self.state = state
        self.sentDate = sentDate
    }

    /// The day the statement was answered (sent), or nil while it is not.
    public var answered: LocalDate? { state == .sent ? sentDate : nil }

    /// Whether it was sent on or before the deadline (false while not sent).
    public var answeredOnTime: Bool { answered.map { $0 <= deadline } ?? false }

    /// Days from receiving the hearing to sending the statement, or nil while not sent.
    public var daysUsed: Int? { answered.map { received.days(until: $0) } }
}
