import Foundation

/// Risikonivå: the overall level of an assessment.
public enum RiskLevel: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case low = "lav"
    case medium = "middels"
    case high = "høy"

    private var rank: Int { self == .low ? 0 : (self == .medium ? 1 : 2) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// A sensitive site near the venue, as evidence.
public struct NearbySite: Sendable, Hashable, Codable {
    public let category: SiteCategory
    public let name: String
    public let distanceMeters: Double
    /// When the site is open, as the register gives it (nil: not given).
    public let openingHours: WeeklyHours?

    public init(category: SiteCategory, name: String, distanceMeters: Double, openingHours: WeeklyHours? = nil) {
        self.category = category
        self.name = name
        self.distanceMeters = distanceMeters
        self.openingHours = openingHours
    }
}

extension NearbySite {
    /// How a letter names the site: its name, or for treatment, low-threshold and housing services
    /// its kind alone when the district's policy says so (`bydel.saarbare_steder_i_brev: type`).
    public func publicName(_ policy: Policy) -> String {
        category == .treatment && !(policy.district?.namesVulnerableSites ?? false) ? category.label : name
    }
}

/// One factor of the assessment: a score, the evidence behind it and a plain Norwegian explanation.
public struct Factor: Sendable, Hashable, Codable {
    /// A stable key for the factor (`children`, `vulnerable`, `hours`, …).
    public let key: FactorKey
    public let criterion: Criterion
    /// 0 (nothing weighs) to 3 (weighs heavily).
    public let score: Int
    public let explanation: String
    /// The facts the score rests on, each a short line.
    public let evidence: [String]
    /// The goal of the district's action plan this factor serves (from the policy file).
    public var goal: String?
    /// What weighs, in one sentence, for the weighing (nil: the explanation's first sentence).
    public var summary: String?

    public init(
        key: FactorKey, criterion: Criterion, score: Int, explanation: String, evidence: [String],
        goal: String? = nil, summary: String? = nil
    ) {
        self.summary = summary
        self.key = key
        self.criterion = criterion
        self.score = max(0, min(3, score))
        self.explanation = explanation
        self.evidence = evidence
        self.goal = goal
    }
}

/// The assessment of one hearing.
public struct Assessment: Sendable, Hashable, Codable {
    public let caseNumber: String
    public let level: RiskLevel
    /// The weighted sum the level comes from.
    public let totalScore: Double
    public let factors: [Factor]
    /// Sensitive sites within the policy's largest radius, nearest first.
    public let nearbySites: [NearbySite]
    /// Licensed venues within the density radius (nil when there is no venue register or position).
    public let venueDensity: VenueDensity?
    /// The complaints counted (nil when the complaint log was not read).
    public let complaints: ComplaintSummary?
    /// What the factors lead to: outcome, refused parts, conditions, weighing.
    public let recommendation: Recommendation
    /// What the assessment could not know, said plainly.
    public let uncertainties: [String]
    /// The zone of the opening-hours regulation the hours were weighed against (the hearing's, the
    /// zone register's, or the policy's default), and whether the hearing gave it.
    public let zone: Zone
    public let zoneGiven: Bool

    /// The outcome the assessment points to; the officer may choose another.
    public var outcome: StatementOutcome { recommendation.outcome }
    /// Proposed conditions, in the order they should be listed (subsidiary when the district opposes).
    public var conditions: [Condition] { recommendation.conditions }
    /// The parts of the application the district advises against.
    public var refusals: [PartRefusal] { recommendation.refusals }
    /// Samlet vurdering: what weighs for and against.
    public var weighing: Weighing { recommendation.weighing }
}

/// How many licensed venues lie within a radius.
public struct VenueDensity: Sendable, Hashable, Codable {
    public let radiusMeters: Double
    public let count: Int

    public init(radiusMeters: Double, count: Int) {
        self.radiusMeters = radiusMeters
        self.count = count
    }
}

/// The complaints about the venue itself an assessment counted: episodes, not reports (ten neighbours reporting one
/// evening is one episode), and never who complained.
public struct ComplaintSummary: Sendable, Hashable, Codable {
    /// Complaints counted.
    public let total: Int
    /// Episodes they describe.
    public let episodes: Int
    /// Episodes per category.
    public let byCategory: [ComplaintCategory: Int]
    /// Episodes about other venues within the policy's radius: the area's situation, never
    /// charged to the applicant.
    public let nearbyEpisodes: Int

    public init(total: Int, episodes: Int, byCategory: [ComplaintCategory: Int], nearbyEpisodes: Int = 0) {
        self.total = total
        self.episodes = episodes
        self.byCategory = byCategory
        self.nearbyEpisodes = nearbyEpisodes
    }
}
