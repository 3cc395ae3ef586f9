import Foundation
import SkjenkCore

/// Where a case stands in the district's work.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Awaiting the district's statement.
    case open
    /// The statement has been sent.
    case answered
    /// The agency withdrew the hearing.
    case withdrawn

    public var label: String {
        switch self {
        case .open: "åpen"
        case .answered: "besvart"
        case .withdrawn: "trukket"
        }
    }
}

/// A case as stored: its current hearing and its bookkeeping.
public struct StoredCase: Sendable, Hashable {
    public let hearing: Hearing
    public let status: CaseStatus
    /// The current version number (1 for a case imported once).
    public let version: Int
    public let createdAt: Date
    public let updatedAt: Date

    public init(hearing: Hearing, status: CaseStatus, version: Int, createdAt: Date, updatedAt: Date) {
        self.hearing = hearing
        self.status = status
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One version of a case, as imported.
public struct CaseVersion: Sendable, Hashable {
    public let version: Int
    public let importedAt: Date
    public let importedBy: String
    /// The file (or other source) the version came from.
    public let source: String
    public let hearing: Hearing

    public init(version: Int, importedAt: Date, importedBy: String, source: String, hearing: Hearing) {
        self.version = version
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.source = source
        self.hearing = hearing
    }
}

/// What storing a batch of hearings did.
public struct HearingStoreSummary: Sendable, Hashable {
    public var created: [CaseNumber] = []
    public var updated: [CaseNumber] = []
    public var unchanged: [CaseNumber] = []

    public init() {}
}

/// Progress of a long store operation: done of total.
public typealias StoreProgress = @Sendable (_ done: Int, _ total: Int) -> Void

/// The storage of cases and their history. The SQLite implementation is `SQLiteStore`; a
/// PostgreSQL one can sit behind the same interface, so no database types appear here.
public protocol CaseStore: Sendable {
    /// Stores `hearings` from one source in one transaction: all or nothing. A case number seen
    /// before updates that case and keeps the earlier version; an identical re-import changes nothing.
    func storeHearings(
        _ hearings: [Hearing], source: String, actor: Actor,
        progress: StoreProgress?
    ) async throws -> HearingStoreSummary
    /// Cases with the given statuses (all when nil), soonest deadline first.
    func cases(status: Set<CaseStatus>?) async throws -> [StoredCase]
    /// One slice of the cases a query matches, soonest deadline first, with the counts of the
    /// whole list: for pages that show a list, without reading every hearing.
    func caseList(_ query: CaseListQuery) async throws -> CaseList
    /// The case with this number (any document number of it), if stored.
    func storedCase(_ number: CaseNumber) async throws -> StoredCase?
    /// Every version of a case, oldest first.
    func versions(of number: CaseNumber) async throws -> [CaseVersion]
    /// Audit events, newest first, for one case or all.
    func auditTrail(for number: CaseNumber?, limit: Int) async throws -> [AuditEvent]
    /// Audit events of every kind, newest first, that match `search`.
    func searchAudit(_ search: AuditSearch) async throws -> [AuditEvent]
    /// Keeps each case's latest assessed risk level for the desk, tied to the hearing version it
    /// was assessed from; a level for a version that is no longer the current one is not kept. A
    /// derived value, not audited: the assessment itself is recomputed whenever a case is read.
    func recordRiskLevels(_ levels: [RiskRecord]) async throws
}

/// A case's risk level as assessed from one version of its hearing.
public struct RiskRecord: Sendable, Hashable {
    public let caseNumber: CaseNumber
    public let hearingVersion: Int
    public let level: RiskLevel

    public init(caseNumber: CaseNumber, hearingVersion: Int, level: RiskLevel) {
        self.caseNumber = caseNumber
        self.hearingVersion = hearingVersion
        self.level = level
    }
}

