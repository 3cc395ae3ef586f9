import Foundation

/// One stored version of a statement: the text (Markdown, as the templates wrote it or as an
/// officer edited it), what it was written from, and by whom.
public struct StatementDraft: Sendable, Hashable {
    /// Whether skjenk wrote the text or an officer edited it.
    public enum Origin: String, Sendable, Hashable, Codable {
        case generated, edited

        public var label: String { self == .generated ? "generert" : "redigert" }
    }

    public var caseNumber: CaseNumber
    /// 1, 2, …; set by the store.
    public var version: Int
    public var origin: Origin
    public var markdown: String
    /// The map drawn for the statement (SVG), when the venue has a position.
    public var mapSVG: String?
    public var outcome: StatementOutcome
    public var route: DecisionRoute
    /// The case version and the assessment the text was written from: when either changes, the draft is stale.
    public var hearingVersion: Int
    public var assessmentDigest: String
    public var author: String
    public var createdAt: Date

    public init(
        caseNumber: CaseNumber, version: Int = 0, origin: Origin, markdown: String, mapSVG: String?,
        outcome: StatementOutcome, route: DecisionRoute, hearingVersion: Int, assessmentDigest: String,
        author: String, createdAt: Date
    ) {
        self.caseNumber = caseNumber
        self.version = version
        self.origin = origin
        self.markdown = markdown
        self.mapSVG = mapSVG
        self.outcome = outcome
        self.route = route
        self.hearingVersion = hearingVersion
        self.assessmentDigest = assessmentDigest
        self.author = author
        self.createdAt = createdAt
    }

    /// Whether the case or its assessment changed after this version was written.
    public func isStale(hearingVersion current: Int, assessmentDigest digest: String) -> Bool {
        current != hearingVersion || digest != assessmentDigest
    }
}

extension Assessment {
    /// A short fingerprint of the facts and scores the statement rests on, to tell when a draft is
    /// stale. It is taken over values, not the wording of explanations: rewording a sentence in the
    /// code does not make stored drafts stale; a new fact, score, refusal or condition does.
    public var digest: String {
        var text = "\(level.rawValue)|\(totalScore)|\(zone.rawValue)|\(outcome.rawValue)"
        for factor in factors { text += "|\(factor.key.rawValue):\(factor.score)" }
        for site in nearbySites {
            text += "|s:\(site.category.rawValue):\(site.name):\(Int(site.distanceMeters.rounded()))"
        }
        if let venueDensity { text += "|d:\(venueDensity.count)" }
        if let complaints {
            text += "|c:\(complaints.total):\(complaints.episodes):\(complaints.nearbyEpisodes)"
            for (category, count) in complaints.byCategory.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                text += ":\(category.rawValue)=\(count)"
            }
        }
        for refusal in refusals {
            text += "|r:\(refusal.rule.rawValue):\(refusal.area?.rawValue ?? "-"):\(refusal.limit?.description ?? "-")"
        }
        for condition in conditions {
            text += "|v:\(condition.subject.rawValue):\(condition.subsidiary):\(condition.closing?.description ?? "-")"
        }
        text += "|u:\(uncertainties.count)"
        // FNV-1a, 64 bits: stable across runs and platforms (Hasher is seeded per process).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
