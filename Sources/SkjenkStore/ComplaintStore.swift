import Foundation
import SkjenkCore

/// Which complaints to list. Every condition given must hold.
public struct ComplaintFilter: Sendable, Hashable {
    /// An organisation number, a street address or part of a venue name.
    public var venue: String?
    public var statuses: Set<ComplaintStatus>?
    public var category: ComplaintCategory?
    public var officer: String?
    /// Open complaints whose next step was due before this day.
    public var overdueOn: LocalDate?
    /// Open complaints whose next step is due on or before this day.
    public var dueBy: LocalDate?
    /// Received in this period (Oslo dates, inclusive).
    public var receivedFrom: LocalDate?
    public var receivedTo: LocalDate?
    /// Members of this episode.
    public var episode: Int64?
    /// Only these complaints.
    public var ids: Set<Int64>?
    /// Only this district's log; every district's when nil.
    public var district: String?

    public init(
        venue: String? = nil, statuses: Set<ComplaintStatus>? = nil, category: ComplaintCategory? = nil,
        officer: String? = nil, overdueOn: LocalDate? = nil, dueBy: LocalDate? = nil,
        receivedFrom: LocalDate? = nil, receivedTo: LocalDate? = nil, episode: Int64? = nil, district: String? = nil
    ) {
        self.venue = venue
        self.statuses = statuses
        self.category = category
        self.officer = officer
        self.overdueOn = overdueOn
        self.dueBy = dueBy
        self.receivedFrom = receivedFrom
        self.receivedTo = receivedTo
        self.episode = episode
        self.district = district
    }
}

/// What importing a batch of complaints did.
public struct ComplaintImportSummary: Sendable, Hashable {
    public var added: [Int64] = []
    /// External references already in the log: not imported again.
    public var alreadyLogged: [String] = []
    /// Complaints that arrived already closed and were linked into an earlier complaint's episode,
    /// by id, with the episode.
    public var linked: [Int64: Int64] = [:]

    public init() {}
}

/// An answer to a complainant, as stored with the complaint.
public struct ComplaintReply: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Kvittering: sent when the complaint is logged.
        case receipt
        /// Svar ved avslutning: why it was closed, and who to turn to.
        case closing

        public var label: String {
            switch self {
            case .receipt: "kvittering"
            case .closing: "svar ved avslutning"
            }
        }
    }

    public let kind: Kind
    public let text: String
    public let createdAt: Date
    public let createdBy: String

    public init(kind: Kind, text: String, createdAt: Date, createdBy: String) {
        self.kind = kind
        self.text = text
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// Renders an answer to the complainant from the complaint as stored (never with its complainant).
public typealias ReplyRenderer = @Sendable (ComplaintLogEntry) throws -> ComplaintReply

/// A complaint flagged as a likely duplicate, for the officer's list.
public struct PendingDuplicate: Sendable, Hashable {
    public let complaintId: Int64
    public let flag: DuplicateFlag

    public init(complaintId: Int64, flag: DuplicateFlag) {
        self.complaintId = complaintId
        self.flag = flag
    }
}

/// Why the complaint log refuses a change. Messages name complaints by id, never complainants.
public enum ComplaintLogError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(Int64)
    case invalid([String])
    case flow(ComplaintFlow.Problem)
    case differentVenues(Int64, Int64)
    case linkNeedsTwo
    case differentDistricts(Int64, Int64)

    public var description: String {
        switch self {
        case .notFound(let id): "fant ingen klage med nummer \(id)"
        case .invalid(let problems): problems.joined(separator: "; ")
        case .flow(let problem): problem.description
        case .differentVenues(let a, let b):
            "klage \(a) og \(b) gjelder ikke samme sted (organisasjonsnummer, adresse eller navn), og kan ikke være samme episode"
        case .linkNeedsTwo: "oppgi minst to ulike klager som gjelder samme episode"
        case .differentDistricts(let a, let b):
            "klage \(a) og \(b) står i ulike bydelers klagelogg, og kan ikke være samme episode"
        }
    }
}

/// The complaint log: complaints, their follow-up, their complainants (kept apart and read only on
/// purpose), flagged duplicates and the answers sent to complainants. Every change is in the audit
/// trail. No database types appear here.
public protocol ComplaintStore: Sendable {
    /// Logs a new complaint: validated, with its first step (`registered`, due the first
    /// response), in one transaction, and the receipt `receipt` renders from it as stored: both are
    /// written or neither. Returns the stored complaint's id.
    func logComplaint(_ entry: ComplaintLogEntry, actor: Actor, receipt: ReplyRenderer?) async throws -> Int64
    /// Logs many complaints from one source in one transaction: all or nothing. Complaints whose
    /// external reference from `source` is already logged are left out and reported. With a
    /// `duplicates` rule, each open complaint is flagged against the open episodes logged before it
    /// (earlier complaints of the same batch included), in the same transaction; a complaint that
    /// arrives already closed is history nobody will decide on, so when it matches a logged
    /// complaint (open or closed, same rule) it is linked into that complaint's episode at once,
    /// audited as a link.
    func logComplaints(
        _ entries: [ComplaintLogEntry], source: String, duplicates: DuplicateRule?, actor: Actor
    ) async throws
        -> ComplaintImportSummary
    /// One complaint with its steps; the complainant's details only when `includingComplainant`.
    func complaint(id: Int64, includingComplainant: Bool) async throws -> ComplaintLogEntry?
    /// Complaints matching `filter` with their steps, never with complainants: newest first.
    func complaintLog(_ filter: ComplaintFilter) async throws -> [ComplaintLogEntry]
    /// The complaints matching `filter` for an export, newest first; the complainants' details only
    /// when `includingComplainants` (the caller checks the role). Audited: who exported how many,
    /// and whether personal data was included.
    func exportComplaints(
        _ filter: ComplaintFilter, includingComplainants: Bool, actor: Actor
    ) async throws
        -> [ComplaintLogEntry]
    /// Adds a follow-up step (an ordinary step, a close or a reopening) under the status flow's
    /// rules and, in the same transaction, the answer `reply` renders from the complaint after it
    /// (the closing answer).
    func addStep(
        _ step: FollowUpStep, toComplaint id: Int64, actor: Actor, reply: ReplyRenderer?
    ) async throws -> ComplaintLogEntry
    /// Makes the complaints one episode (merging episodes they already belong to). Returns its id.
    func linkEpisode(_ ids: [Int64], actor: Actor) async throws -> Int64
    /// Takes a complaint out of its episode.
    func unlinkEpisode(_ id: Int64, actor: Actor) async throws
    /// Links a complaint to a venue (when it was logged with an address alone, or wrongly).
    func updateVenue(_ venue: ComplaintVenue, ofComplaint id: Int64, actor: Actor) async throws
    /// Removes complainants' details (and the free text that may name them) from complaints closed
    /// before `closedBefore`; the anonymous record stays for statistics. Returns how many.
    func purgePersonalData(closedBefore: Date, actor: Actor) async throws -> Int
    /// The audit trail of one complaint, oldest first.
    func complaintAuditTrail(_ id: Int64) async throws -> [AuditEvent]
    /// Of `ids`, those logged by `actorName` (an Open311 client is `open311:KEYNAME`), from the
    /// audit trail: a client sees the status notes of its own reports.
    func complaints(_ ids: [Int64], loggedBy actorName: String) async throws -> Set<Int64>
    /// The complaints an assessment of `district`'s hearings reads (no complainants, no
    /// descriptions), oldest incident first: that district's and those logged without a district;
    /// every complaint when nil.
    func complaints(forHearingsOf district: String?) async throws -> [Complaint]

    // Intake: duplicates and answers to complainants.
    /// Open complaints received in `from ... to` in the log of `district` (those without a district
    /// when nil), as the duplicate detector reads them: a complaint flagged and not yet decided
    /// stands for the episode it is flagged against.
    func duplicateCandidates(receivedFrom from: Date, to: Date, district: String?) async throws -> [DuplicateCandidate]
    /// The officer's decision on a flag: `link` joins the complaint to the episode (in the same
    /// transaction), otherwise the flag is rejected. Audited.
    func decideDuplicate(complaint id: Int64, episode: Int64, link: Bool, actor: Actor) async throws
    /// Every flag still waiting for an officer in `district`'s log (every district's when nil),
    /// newest complaint first.
    func pendingDuplicates(district: String?) async throws -> [PendingDuplicate]
    /// Stores an answer to the complainant with the complaint. Audited (kind only, never the text).
    func addReply(_ reply: ComplaintReply, toComplaint id: Int64, actor: Actor) async throws
    /// The answers stored with a complaint, oldest first.
    func replies(ofComplaint id: Int64) async throws -> [ComplaintReply]
}

extension ComplaintStore {
    /// Logs a complaint without a receipt.
    public func logComplaint(_ entry: ComplaintLogEntry, actor: Actor) async throws -> Int64 {
        try await logComplaint(entry, actor: actor, receipt: nil)
    }

    /// Every complaint as the assessment reads it, of every district.
    public func complaints() async throws -> [Complaint] { try await complaints(forHearingsOf: nil) }

    /// Every flag still waiting for an officer, in every district's log.
    public func pendingDuplicates() async throws -> [PendingDuplicate] { try await pendingDuplicates(district: nil) }

    /// Adds a step without an answer to the complainant.
    public func addStep(_ step: FollowUpStep, toComplaint id: Int64, actor: Actor) async throws -> ComplaintLogEntry {
        try await addStep(step, toComplaint: id, actor: actor, reply: nil)
    }
}
