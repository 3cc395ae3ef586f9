import Foundation
import SkjenkCore

/// Who or what changes stored data, for the audit trail.
public struct Actor: Sendable, Hashable, Codable {
    /// A user name: the OS user for the CLI, the signed-in user on the web.
    public let name: String
    /// The channel the change came through: `cli`, `web`, `api`.
    public let channel: String

    public init(name: String, channel: String) {
        self.name = name
        self.channel = channel
    }
}

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

    public init(
        caseNumber: CaseNumber, status: CaseStatus, deadline: LocalDate, applicationType: ApplicationType,
        permitType: PermitType, applicantName: String, venueName: String, address: Address
    ) {
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

    public init(statuses: Set<CaseStatus>?, text: String = "", offset: Int = 0, limit: Int, today: LocalDate) {
        self.statuses = statuses
        self.text = text
        self.offset = max(0, offset)
        self.limit = max(0, limit)
        self.today = today
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

/// One version of a case, as imported.
public struct CaseVersion: Sendable, Hashable {
    public let version: Int
    public let importedAt: Date
    public let importedBy: String
    /// The file (or other source) the version came from.
    public let source: String
    public let hearing: Hearing
}

/// One line of the audit trail.
public struct AuditEvent: Sendable, Hashable {
    public let at: Date
    public let actor: String
    public let channel: String
    public let action: String
    /// The kind of thing changed (`hearing`) and its id (the case key).
    public let entity: String
    public let entityId: String?
    public let detail: String
}

/// Which audit events to find: texts match ignoring case, and empty texts match everything.
public struct AuditSearch: Sendable, Hashable {
    /// Part of the user name.
    public var who: String
    /// Part of the action (`complaint.step`), the kind or id of what changed, or the detail.
    public var what: String
    /// Events at or after `from` and before `until`.
    public var from: Date?
    public var until: Date?
    public var limit: Int

    public init(who: String = "", what: String = "", from: Date? = nil, until: Date? = nil, limit: Int) {
        self.who = who
        self.what = what
        self.from = from
        self.until = until
        self.limit = max(0, limit)
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
    /// Writes a consistent copy of the whole store to `path`, while it is in use.
    func backup(to path: String) async throws
}

/// The registers the assessment reads: sensitive sites and licensed venues.
public enum RegisterKind: String, Sendable, Hashable, Codable, CaseIterable {
    case sites, venues, points, addresses, zones

    public var label: String {
        switch self {
        case .sites: "steder"
        case .venues: "skjenke- og salgssteder"
        case .points: "prikker"
        case .addresses: "adresser"
        case .zones: "soner"
        }
    }
}

/// What replacing one register source did.
public struct RegisterSummary: Sendable, Hashable {
    public let removed: Int
    public let added: Int

    public init(removed: Int, added: Int) {
        self.removed = removed
        self.added = added
    }
}

/// One register source as last imported.
public struct RegisterSource: Sendable, Hashable {
    public let kind: RegisterKind
    public let source: String
    public let entries: Int
    public let importedAt: Date
    public let importedBy: String
}

/// The storage of registers. Each import replaces what came from the same source before, in one
/// transaction, so a register can be refreshed alone.
public protocol RegisterStore: Sendable {
    func replaceSites(_ sites: [Site], source: String, actor: Actor) async throws -> RegisterSummary
    func sites() async throws -> [Site]
    func replaceVenues(_ venues: [LicensedVenue], source: String, actor: Actor) async throws -> RegisterSummary
    func licensedVenues() async throws -> [LicensedVenue]
    /// Every register source with its size and last import, by kind and name.
    func registerSources() async throws -> [RegisterSource]
    /// Replaces the whole list of penalty points (each publication lists the last 24 months).
    func replacePenaltyPoints(_ points: [PenaltyPoints], source: String, actor: Actor) async throws -> RegisterSummary
    func penaltyPoints() async throws -> [PenaltyPoints]
}

/// A local copy of the address register, for positions of hearings without one.
public protocol AddressStore: Sendable {
    /// Replaces the whole address register.
    func replaceAddresses(_ addresses: [AddressPoint], source: String, actor: Actor) async throws -> RegisterSummary
    /// The address matching `street` ("Thereses gate 10"), in `postalCode` when given and found there.
    func address(street: StreetAddress, postalCode: String?) async throws -> AddressPoint?
}

/// The zones of the opening-hours regulation, as polygons.
public protocol ZoneStore: Sendable {
    /// Replaces every zone area.
    func replaceZones(_ areas: [ZoneArea], source: String, actor: Actor) async throws -> RegisterSummary
    func zoneAreas() async throws -> [ZoneArea]
}
