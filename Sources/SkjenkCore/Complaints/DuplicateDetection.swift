import Foundation

/// When a new complaint is likely the same episode as one already logged: in a matching category,
/// within the policy's window of days, and either within the policy's distance or about the same
/// venue. For an open complaint the officer decides; nothing is linked without them. A complaint
/// that arrives already closed is history nobody will decide on: it is linked directly.
public struct DuplicateRule: Sendable, Hashable {
    /// Metres between the positions (`klager.duplikat_avstand`, default 50).
    public var distance: Double
    /// Days between the receipts (`klager.duplikat_dager`, default 7).
    public var windowDays: Int

    public init(distance: Double = 50, windowDays: Int = 7) {
        self.distance = distance
        self.windowDays = windowDays
    }
}

/// What the detector knows of a complaint: where, what, when, and which episode it stands for.
public struct DuplicateCandidate: Sendable, Hashable {
    public let id: Int64?
    /// The episode it belongs to, or the one it is flagged as a likely duplicate of while the
    /// officer has not decided: so later reports of the same episode point to one place.
    public let episode: Int64?
    public let position: GeoPoint?
    /// Organisation number or street key: the same value means the same venue.
    public let venueKeys: Set<String>
    public let categories: Set<ComplaintCategory>
    public let receivedAt: Date
    public let isOpen: Bool

    public init(
        id: Int64?, episode: Int64?, position: GeoPoint?, venueKeys: Set<String>, categories: Set<ComplaintCategory>,
        receivedAt: Date, isOpen: Bool
    ) {
        self.id = id
        self.episode = episode
        self.position = position
        self.venueKeys = venueKeys
        self.categories = categories
        self.receivedAt = receivedAt
        self.isOpen = isOpen
    }

    /// The keys that identify a complaint's venue: its organisation number and its street address.
    public static func venueKeys(_ venue: ComplaintVenue) -> Set<String> {
        var keys: Set<String> = []
        if let number = venue.organisationNumber { keys.insert("orgnr:" + number.digits) }
        if let street = venue.street { keys.insert("adresse:" + StreetKey.make(street)) }
        return keys
    }
}

/// A flag on a new complaint: likely the same episode as `episode`, matched through `matched`.
public struct DuplicateFlag: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        case pending, linked, rejected

        public var label: String {
            switch self {
            case .pending: "til vurdering"
            case .linked: "koblet"
            case .rejected: "ikke samme episode"
            }
        }
    }

    public var episode: Int64
    public var matched: Int64
    /// Metres between the two positions, when both are known.
    public var distance: Double?
    public var sameVenue: Bool
    public var state: State

    public init(episode: Int64, matched: Int64, distance: Double?, sameVenue: Bool, state: State = .pending) {
        self.episode = episode
        self.matched = matched
        self.distance = distance
        self.sameVenue = sameVenue
        self.state = state
    }

    /// Why, in Norwegian: «samme sted», «38 m unna».
    public var reason: String {
        var parts: [String] = []
        if sameVenue { parts.append("samme sted") }
        if let distance { parts.append("\(Int(distance.rounded())) m unna") }
        return parts.joined(separator: ", ")
    }
}

extension DuplicateRule {
    /// The receipt times a complaint received at `date` is compared with.
    public func window(around date: Date) -> (from: Date, to: Date) {
        let days = TimeInterval(windowDays) * 86_400
        return (date.addingTimeInterval(-days), date.addingTimeInterval(days))
    }
}

extension DuplicateCandidate {
    /// A complaint about to be logged, as the detector reads it.
    public init(unlogged entry: ComplaintLogEntry) {
        self.init(
            id: nil, episode: nil, position: entry.venue.position, venueKeys: Self.venueKeys(entry.venue),
            categories: entry.categories, receivedAt: entry.receivedAt, isOpen: true)
    }
}

/// Finds the complaints a new one likely duplicates, by a `DuplicateRule`.
public enum DuplicateDetector {
    /// The open episodes `new` likely belongs to, one flag per episode, nearest first.
    public static func flags(
        for new: DuplicateCandidate, among logged: [DuplicateCandidate], rule: DuplicateRule
    ) -> [DuplicateFlag] {
        matches(for: new, among: logged.filter(\.isOpen), rule: rule)
    }

    /// The complaint, open or closed, that a complaint arriving already closed (history from a
    /// spreadsheet) is the same episode as, by the same rule: the nearest match, or nil. Nobody
    /// will decide a flag on history, so the caller links it into that complaint's episode.
    public static func historyMatch(
        for new: DuplicateCandidate, among logged: [DuplicateCandidate], rule: DuplicateRule
    ) -> DuplicateFlag? {
        matches(for: new, among: logged, rule: rule).first
    }

    /// The episodes among `logged` that `new` matches by `rule`, one flag per episode, nearest first.
    private static func matches(
        for new: DuplicateCandidate, among logged: [DuplicateCandidate], rule: DuplicateRule
    ) -> [DuplicateFlag] {
        let window = TimeInterval(rule.windowDays) * 86_400
        var best: [Int64: DuplicateFlag] = [:]
        for other in logged {
            guard let id = other.id, id != new.id,
                abs(other.receivedAt.timeIntervalSince(new.receivedAt)) <= window,
                !other.categories.isDisjoint(with: new.categories)
            else { continue }
            let distance = new.position.flatMap { a in other.position.map { a.distance(to: $0) } }
            let sameVenue = !new.venueKeys.isDisjoint(with: other.venueKeys)
            guard sameVenue || (distance.map { $0 <= rule.distance } ?? false) else { continue }
            let episode = other.episode ?? id
            let flag = DuplicateFlag(episode: episode, matched: id, distance: distance, sameVenue: sameVenue)
            if let current = best[episode], (current.distance ?? .infinity) <= (distance ?? .infinity) { continue }
            best[episode] = flag
        }
        return best.values.sorted { ($0.distance ?? .infinity, $0.episode) < ($1.distance ?? .infinity, $1.episode) }
    }
}
