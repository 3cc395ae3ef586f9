import Foundation
import SkjenkCore

/// One line of a list of cases: what the hearings desk shows, without the whole hearing.
public struct CaseSummary: Sendable, Hashable {
    public let caseNumber: CaseNumber
    public let status: CaseStatus
    public let deadline: LocalDate
    public let applicationType: ApplicationType
    public let permitType: PermitType
    public let applicantName: String
    public let venueName: String
    public let address: Address
    /// Where its statement stands, and who wrote the latest draft (the officer).
    public let stage: StatementStage
    public let officer: String?
    /// The risk level last assessed from the hearing's current version; nil when it has not been
    /// assessed since it was imported or updated.
    public let riskLevel: RiskLevel?

    public init(
        caseNumber: CaseNumber, status: CaseStatus, deadline: LocalDate, applicationType: ApplicationType,
        permitType: PermitType, applicantName: String, venueName: String, address: Address,
        stage: StatementStage = .none, officer: String? = nil, riskLevel: RiskLevel? = nil
    ) {
        self.riskLevel = riskLevel
        self.stage = stage
        self.officer = officer
        self.caseNumber = caseNumber
        self.status = status
        self.deadline = deadline
        self.applicationType = applicationType
        self.permitType = permitType
        self.applicantName = applicantName
        self.venueName = venueName
        self.address = address
    }
}

/// Which cases a list shows, and which slice of them.
public struct CaseListQuery: Sendable, Hashable {
    /// The statuses to show; all when nil.
    public var statuses: Set<CaseStatus>?
    /// Text the venue, applicant, case number or street contains, ignoring case; all when empty.
    public var text: String
    /// Cases to skip (soonest deadline first) and at most how many to return.
    public var offset: Int
    public var limit: Int
    /// The day that decides which open cases are over their deadline.
    public var today: LocalDate
    /// Only the hearings of this district (`bydel`, as the hearing names it); all when nil.
    public var district: String?
    /// Only cases whose statement is at one of these stages; all when nil.
    public var stages: Set<StatementStage>?
    /// Only cases whose latest draft this user wrote (ignoring ASCII case); all when nil.
    public var officer: String?

    public init(
        statuses: Set<CaseStatus>?, text: String = "", offset: Int = 0, limit: Int, today: LocalDate,
        district: String? = nil, stages: Set<StatementStage>? = nil, officer: String? = nil
    ) {
        self.stages = stages
        self.officer = officer
        self.statuses = statuses
        self.text = text
        self.offset = max(0, offset)
        self.limit = max(0, limit)
        self.today = today
        self.district = district
    }
}

/// A slice of a list of cases, with the size of the whole list.
public struct CaseList: Sendable, Hashable {
    public let cases: [CaseSummary]
    /// All cases the query matches, and the open ones among them past their deadline.
    public let total: Int
    public let overdue: Int

    public init(cases: [CaseSummary], total: Int, overdue: Int) {
        self.cases = cases
        self.total = total
        self.overdue = overdue
    }
}

/// The SQL both engines compute a case's statement stage with, from the hearing row `h`'s key, the
/// latest draft's author (`officer`) and the review row `r` (`state`, `comment`): the same CASE on
/// either engine, with the column names given.
public enum StageSQL {
    public static func expression(hasDraft: String, state: String, comment: String) -> String {
        """
        CASE WHEN NOT (\(hasDraft)) THEN 'none'
            WHEN \(state) IS NULL OR (\(state) = 'draft' AND \(comment) IS NULL) THEN 'draft'
            WHEN \(state) = 'draft' THEN 'returned' ELSE \(state) END
        """
    }
}
