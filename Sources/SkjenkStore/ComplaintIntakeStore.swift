import Foundation
import SkjenkCore

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
}

/// What complaints from outside need besides the log itself: candidates for duplicate detection,
/// the officer's decision on a flag, and the answers to complainants.
public protocol ComplaintIntakeStore: Sendable {
    /// Open complaints received in `from ... to`, as the duplicate detector reads them: a complaint
    /// flagged and not yet decided stands for the episode it is flagged against.
    func duplicateCandidates(receivedFrom from: Date, to: Date) async throws -> [DuplicateCandidate]
    /// The officer's decision on a flag: `link` joins the complaint to the episode (in the same
    /// transaction), otherwise the flag is rejected. Audited.
    func decideDuplicate(complaint id: Int64, episode: Int64, link: Bool, actor: Actor) async throws
    /// Every flag still waiting for an officer, newest complaint first.
    func pendingDuplicates() async throws -> [PendingDuplicate]
    /// Logs a complaint (as `ComplaintStore.logComplaint`) and, in the same transaction, the receipt
    /// `receipt` renders from it as stored: both are written or neither.
    func logComplaint(_ entry: ComplaintLogEntry, actor: Actor, receipt: ReplyRenderer?) async throws -> Int64
    /// Adds a step (as `ComplaintStore.addStep`) and, in the same transaction, the answer `reply`
    /// renders from the complaint after it (the closing answer).
    func addStep(
        _ step: FollowUpStep, toComplaint id: Int64, actor: Actor, reply: ReplyRenderer?
    ) async throws -> ComplaintLogEntry
    /// Stores an answer to the complainant with the complaint. Audited (kind only, never the text).
    func addReply(_ reply: ComplaintReply, toComplaint id: Int64, actor: Actor) async throws
    /// The answers stored with a complaint, oldest first.
    func replies(ofComplaint id: Int64) async throws -> [ComplaintReply]
}

/// A key another system uses (an Open311 client), stored as its SHA-256.
public struct APIKey: Sendable, Hashable {
    public let id: Int64
    public let name: String
    public let createdAt: Date
    public let revokedAt: Date?

    public var isRevoked: Bool { revokedAt != nil }
}

/// Keys for other systems: issued by name, found by the hash of the key, revoked by name.
public protocol APIKeyStore: Sendable {
    func addAPIKey(name: String, keyHash: String, actor: Actor) async throws -> APIKey
    func apiKeys() async throws -> [APIKey]
    /// The key with this hash, unless revoked.
    func apiKey(hash: String) async throws -> APIKey?
    func revokeAPIKey(name: String, actor: Actor) async throws
}
